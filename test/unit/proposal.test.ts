import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { ConfigError } from '../../src/core/errors.js';
import { forkEventRisk } from '../../src/core/fork-guard.js';
import {
  checkBranchName,
  checkRepoPath,
  headBranchName,
  isGitUrl,
  parseGitHubRepo,
} from '../../src/core/git-names.js';
import { imageReference } from '../../src/core/image.js';
import { unifiedDiff } from '../../src/core/line-diff.js';
import { inlineCode } from '../../src/core/markdown.js';
import {
  BODY_LIMIT,
  proposalBody,
  proposalTitle,
  type ProposalFacts,
} from '../../src/core/proposal-text.js';
import {
  planProposal,
  recordedOrigin,
  sameContent,
  summarizeObjects,
  withoutVolatileLines,
} from '../../src/core/proposal.js';
import { NO_SOURCE } from '../../src/core/render.js';

const deployment = (image: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: prod
  annotations:
    ferry.dev/app: web
    ferry.dev/image: ${image}
    ferry.dev/source-commit: ${'a'.repeat(40)}
    ferry.dev/run-url: https://ci.example/run/1
spec:
  replicas: 2${extra}
`;

describe('proposal comparison', () => {
  it('ignores only the volatile annotations when deciding whether anything changed', () => {
    const built = deployment('web:1');
    const rebuilt = built.replace('a'.repeat(40), 'b'.repeat(40)).replace('run/1', 'run/2');
    assert.ok(sameContent(new Map([['d.yaml', built]]), new Map([['d.yaml', rebuilt]])));
    assert.ok(
      !sameContent(new Map([['d.yaml', built]]), new Map([['d.yaml', deployment('web:2')]])),
    );
    assert.ok(!sameContent(new Map([['d.yaml', built]]), new Map([['e.yaml', built]])));
    // A block-scalar value (a hostile run URL with a newline) goes with its key.
    const block = '  a: 1\n  ferry.dev/run-url: |-\n    line one\n    line two\n  b: 2\n';
    assert.equal(withoutVolatileLines(block), '  a: 1\n  b: 2\n');
  });

  it('plans nothing, an existing proposal, or a commit', () => {
    const base = new Map([['d.yaml', deployment('web:1')]]);
    const next = new Map([['d.yaml', deployment('web:2')]]);
    assert.deepEqual(planProposal(base, base), { kind: 'nothing-to-propose', headDiffers: false });
    assert.deepEqual(planProposal(base, base, { files: next, proposesAgainstBase: true }), {
      kind: 'nothing-to-propose',
      headDiffers: true,
    });
    assert.deepEqual(planProposal(next, base, { files: next, proposesAgainstBase: true }), {
      kind: 'up-to-date',
    });
    assert.deepEqual(planProposal(next, base, { files: next, proposesAgainstBase: false }), {
      kind: 'commit',
    });
    assert.deepEqual(planProposal(next, base), { kind: 'commit' });
  });

  it('summarizes objects added, changed beyond ferry annotations, and removed', () => {
    const service = 'apiVersion: v1\nkind: Service\nmetadata: { name: web, namespace: prod }\n';
    const before = new Map([
      ['d.yaml', deployment('web:1')],
      ['s.yaml', service],
      ['notes.txt', 'not yaml: ['],
    ]);
    const after = new Map([
      ['d.yaml', deployment('web:2', '\n  paused: true')],
      ['c.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: web }\n'],
    ]);
    assert.deepEqual(summarizeObjects(before, after), {
      added: ['ConfigMap web'],
      changed: ['Deployment prod/web'],
      removed: ['file notes.txt', 'Service prod/web'],
    });
    const retagged = new Map([['d.yaml', deployment('web:2')]]);
    assert.deepEqual(summarizeObjects(new Map([['d.yaml', deployment('web:1')]]), retagged), {
      added: [],
      changed: [],
      removed: [],
    });
  });

  it("reads the image and build a folder records, to describe another run's commit", () => {
    const origin = recordedOrigin(
      new Map([['d.yaml', deployment('reg.example:5000/web:1.2@sha256:' + 'c'.repeat(64))]]),
    );
    assert.equal(origin?.image.repository, 'reg.example:5000/web');
    assert.equal(origin?.image.tag, '1.2');
    assert.equal(origin?.image.digest, `sha256:${'c'.repeat(64)}`);
    assert.equal(origin?.source.runUrl, 'https://ci.example/run/1');
    assert.equal(recordedOrigin(new Map([['x.yaml', 'a: 1\n']])), undefined);
  });
});

describe('unified diff', () => {
  it('matches the hunks GNU diff -u prints', () => {
    const a = `${Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n')}\n`;
    const b = a
      .replace('line 3\n', 'line 3x\n')
      .replace('line 20\n', '')
      .replace('line 25\n', 'line 25\nnew\n');
    const expected = [
      '--- a/f',
      '+++ b/f',
      '@@ -1,7 +1,7 @@',
      ...['line 0', 'line 1', 'line 2'].map((l) => ` ${l}`),
      '-line 3',
      '+line 3x',
      ...['line 4', 'line 5', 'line 6'].map((l) => ` ${l}`),
      '@@ -18,12 +18,12 @@',
      ...['line 17', 'line 18', 'line 19'].map((l) => ` ${l}`),
      '-line 20',
      ...['21', '22', '23', '24', '25'].map((n) => ` line ${n}`),
      '+new',
      ...['26', '27', '28'].map((n) => ` line ${n}`),
      '',
    ].join('\n');
    assert.equal(unifiedDiff('f', a, b), expected);
    assert.equal(unifiedDiff('f', 'x\n', 'x\n'), '');
    assert.equal(
      unifiedDiff('f', undefined, 'a\n'),
      '--- /dev/null\n+++ b/f\n@@ -0,0 +1,1 @@\n+a\n',
    );
  });

  // Speed is measured in bench/, not asserted here: a wall-time bound fails on a busy machine.
  it('diffs completely different large files whole', () => {
    const a = Array.from({ length: 20_000 }, (_, i) => `a${i}`).join('\n');
    const b = Array.from({ length: 20_000 }, (_, i) => `b${i}`).join('\n');
    const diff = unifiedDiff('big', a, b);
    assert.equal(diff.split('\n').filter((l) => l.startsWith('+b')).length, 20_000);
    assert.equal(diff.split('\n').filter((l) => l.startsWith('-a')).length, 20_000);
  });
});

describe('proposal text', () => {
  const facts = (diff: string): ProposalFacts => ({
    app: 'web',
    env: 'prod',
    image: imageReference('registry.example.com/web', '1.4.2'),
    oldImages: ['registry.example.com/web:1.4.1'],
    renderers: [],
    oldRenderers: [],
    summary: { added: [], changed: ['Deployment prod/web'], removed: [] },
    diff,
    source: { ...NO_SOURCE, commit: 'a'.repeat(40), runUrl: 'https://ci.example/run/1' },
    sourceCommitUrl: `https://github.com/acme/web/commit/${'a'.repeat(40)}`,
    path: 'apps/web/prod',
    branch: 'ferry/web/prod',
  });

  it('titles by tag, or by short digest', () => {
    assert.equal(proposalTitle(facts('')), 'ferry: deploy web 1.4.2 to prod');
    const byDigest = {
      ...facts(''),
      image: imageReference('r.example/web', '', `sha256:${'f'.repeat(64)}`),
    };
    assert.equal(proposalTitle(byDigest), 'ferry: deploy web sha256:ffffffffffff to prod');
  });

  it('names the renderer, and its change, only for a kustomize or helm source', () => {
    assert.doesNotMatch(proposalBody(facts('')), /Rendered with/);
    const same = { ...facts(''), renderers: ['helm v3.21.4'], oldRenderers: ['helm v3.21.4'] };
    assert.match(proposalBody(same), /\n\*\*Rendered with:\*\* `helm v3\.21\.4`\n/);
    const bumped = { ...same, oldRenderers: ['helm v3.20.0'] };
    assert.match(
      proposalBody(bumped),
      /\n\*\*Rendered with:\*\* `helm v3\.20\.0` → `helm v3\.21\.4`\n/,
    );
    const first = { ...same, oldRenderers: [] };
    assert.match(proposalBody(first), /\*\*Rendered with:\*\* `helm v3\.21\.4`\n/);
  });

  it('folds long diffs and truncates under the body limit at a line boundary', () => {
    const short = proposalBody(facts('-a\n+b\n'));
    assert.doesNotMatch(short, /<details>/);
    assert.match(
      short,
      /\*\*Image:\*\* `registry\.example\.com\/web:1\.4\.1` → `registry\.example\.com\/web:1\.4\.2`/,
    );
    assert.match(short, /\[CI run\]\(https:\/\/ci\.example\/run\/1\)/);

    const lines = Array.from({ length: 5000 }, (_, i) => `+${'x'.repeat(40)} ${i}`);
    const long = proposalBody(facts(`${lines.join('\n')}\n`));
    assert.ok(long.length <= BODY_LIMIT, `${long.length}`);
    assert.match(long, /<details><summary>Rendered diff \(5000 lines\)<\/summary>/);
    assert.match(
      long,
      /_Diff truncated to fit GitHub's body limit: \d+ more lines are in the commit\._/,
    );
    assert.match(long, /\n```\n/, 'the fence is closed');
    const kept = long.split('\n').filter((line) => line.startsWith('+x'));
    assert.ok(
      kept.every((line) => /^\+x{40} \d+$/.test(line)),
      'no line is cut',
    );
  });

  it('keeps outside values from adding markup', () => {
    assert.equal(inlineCode('a`b'), '``a`b``');
    assert.equal(inlineCode('`x`'), '`` `x` ``');
    assert.equal(inlineCode('line\nbreak'), '`line break`');
  });
});

describe('git names', () => {
  it('accepts branch names git accepts and refuses the rest, as git does', () => {
    const good = ['main', 'release/1.x', 'ferry/web/prod', 'a-b_c.d'];
    const bad = [
      '',
      '@',
      '-x',
      'a..b',
      'a b',
      'a~1',
      'a^',
      'a:b',
      'a?',
      'a*',
      'a[',
      'a\\b',
      'a@{1}',
      '/a',
      'a/',
      'a//b',
      'a.',
      '.a',
      'a/.b',
      'a.lock',
      'a\nb',
      'a\x7f',
    ];
    for (const name of good) {
      checkBranchName(name, 'branch');
      execFileSync('git', ['check-ref-format', '--branch', name], { stdio: 'ignore' });
    }
    for (const name of bad) {
      assert.throws(() => checkBranchName(name, 'branch'), ConfigError, JSON.stringify(name));
      // git agrees (it reads a lone '@' as "the current branch", never a name to create).
      if (name !== '@')
        assert.throws(() =>
          execFileSync('git', ['check-ref-format', '--branch', name], { stdio: 'ignore' }),
        );
    }
    assert.equal(headBranchName('web', 'prod'), 'ferry/web/prod');
  });

  it('refuses paths that leave the repository or touch .git', () => {
    checkRepoPath('apps/web/prod');
    for (const path of [
      '',
      '/abs',
      'a/../b',
      '..',
      'a/./b',
      '.git',
      'a/.Git/b',
      'a\\b',
      'a//b',
      'a\tb',
    ]) {
      assert.throws(() => checkRepoPath(path), ConfigError, JSON.stringify(path));
    }
  });

  it('parses GitHub repositories and tells URLs from paths', () => {
    for (const repo of [
      'acme/envs',
      'https://github.com/acme/envs.git',
      'git@github.com:acme/envs.git',
      'https://ghe.example/acme/envs/',
    ]) {
      assert.deepEqual(parseGitHubRepo(repo), { owner: 'acme', name: 'envs' }, repo);
    }
    assert.throws(() => parseGitHubRepo('acme/../x'), ConfigError);
    assert.throws(() => parseGitHubRepo('acme'), ConfigError);
    assert.ok(isGitUrl('https://git.example/envs.git'));
    assert.ok(isGitUrl('git@host:envs.git'));
    assert.ok(!isGitUrl('../environments'));
    assert.ok(!isGitUrl('/srv/git/envs.git'));
  });
});

describe('fork guard', () => {
  const event = (head: string | null) => ({
    pull_request: {
      head: { repo: head && { full_name: head } },
      base: { repo: { full_name: 'acme/app' } },
    },
  });
  it('refuses pull_request_target from a fork, or without a readable event', () => {
    assert.equal(forkEventRisk('push', undefined), undefined);
    assert.equal(forkEventRisk('pull_request_target', event('acme/app')), undefined);
    assert.equal(forkEventRisk('pull_request_target', event('ACME/app')), undefined);
    assert.match(
      forkEventRisk('pull_request_target', event('mallory/app')) ?? '',
      /from mallory\/app into acme\/app/,
    );
    assert.match(forkEventRisk('pull_request_target', event(null)) ?? '', /deleted fork/);
    assert.match(forkEventRisk('pull_request_target', undefined) ?? '', /GITHUB_EVENT_PATH/);
  });
});
