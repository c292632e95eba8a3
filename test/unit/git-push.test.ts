import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { judgePush, parsePushStatus, remoteLines } from '../../src/adapters/git-push.js';

// `git push --porcelain` output as git 2.39 prints it (captured from real pushes); the remote's
// lines carry the sideband's trailing padding.
const REF = 'refs/heads/ferry/demo/staging';
const SHA = '03ed9e2cb6b7de58366fbe6e6d5ec72f80f1b030';
const status = (flag: string, summary: string) =>
  `To ../r.git\n${flag}\t${SHA}:${REF}\t${summary}\nDone\n`;
const FAILED = "error: failed to push some refs to '../r.git'\n";

describe('reading git push --porcelain', () => {
  it('parses each ref status line: flag, remote ref, summary and reason', () => {
    const out = [
      'To /x.git',
      `*\t${SHA}:refs/heads/a\t[new branch]`,
      `+\t${SHA}:refs/heads/b\t1a2b3c...4d5e6f (forced update)`,
      `-\t:refs/heads/c\t[deleted]`,
      `!\t${SHA}:refs/heads/d\t[remote rejected] (failed to update ref)`,
      'Done',
    ].join('\n');
    assert.deepEqual(parsePushStatus(out), [
      { flag: '*', to: 'refs/heads/a', summary: '[new branch]', reason: undefined },
      { flag: '+', to: 'refs/heads/b', summary: '1a2b3c...4d5e6f', reason: 'forced update' },
      { flag: '-', to: 'refs/heads/c', summary: '[deleted]', reason: undefined },
      {
        flag: '!',
        to: 'refs/heads/d',
        summary: '[remote rejected]',
        reason: 'failed to update ref',
      },
    ]);
  });

  it('counts new, forced, deleted and up-to-date refs as pushed', () => {
    for (const [flag, summary] of [
      ['*', '[new branch]'],
      ['+', '1a2b...3c4d (forced update)'],
      ['-', '[deleted]'],
      ['=', '[up to date]'],
      [' ', '1a2b..3c4d'],
    ] as const)
      assert.deepEqual(judgePush(REF, status(flag, summary), ''), { kind: 'pushed' }, flag);
  });

  it('takes every shape of "another writer moved the ref" as a lost race', () => {
    const cases: [string, string][] = [
      ['[rejected] (stale info)', ''],
      ['[rejected] (fetch first)', ''],
      ['[rejected] (non-fast-forward)', ''],
      [
        '[remote rejected] (failed to update ref)',
        `remote: error: cannot lock ref '${REF}': reference already exists        \n`,
      ],
      [
        '[remote rejected] (failed to update ref)',
        `remote: error: cannot lock ref '${REF}': is at ${SHA} but expected ${'1'.repeat(40)}        \n`,
      ],
      [
        '[remote rejected] (failed to delete)',
        `remote: error: cannot lock ref '${REF}': reference is missing but expected ${SHA}\n`,
      ],
      [
        '[remote rejected] (failed to update ref)',
        `remote: error: cannot lock ref '${REF}': Unable to create '/srv/r.git/${REF}.lock': File exists.\n`,
      ],
      ['[remote rejected] (incorrect old value provided)', ''],
      ['[remote rejected] (reference already exists)', ''],
    ];
    for (const [summary, stderr] of cases) {
      const outcome = judgePush(REF, status('!', summary), stderr + FAILED);
      assert.deepEqual(outcome, { kind: 'lost-race', reason: summary }, summary);
    }
  });

  it("gives any other refusal with git's reason and the remote lines, not 'failed to push some refs'", () => {
    const hook = judgePush(
      REF,
      status('!', '[remote rejected] (pre-receive hook declined)'),
      'remote: deploys are frozen until Monday        \n' + FAILED,
    );
    assert.deepEqual(hook, {
      kind: 'failed',
      reason: `${REF} [remote rejected] (pre-receive hook declined)\nremote: deploys are frozen until Monday`,
    });
    // A name clash is not a race: retrying cannot help.
    const clash = judgePush(
      REF,
      status('!', '[remote rejected] (failed to update ref)'),
      `remote: error: cannot lock ref '${REF}': 'refs/heads/ferry' exists; cannot create '${REF}'\n`,
    );
    assert.equal(clash.kind, 'failed');
    assert.match(clash.kind === 'failed' ? clash.reason : '', /'refs\/heads\/ferry' exists/);
  });

  it("names git's fatal error when no ref was pushed at all", () => {
    const outcome = judgePush(
      REF,
      '',
      "fatal: '/nowhere.git' does not appear to be a git repository\nfatal: Could not read from remote repository.\n",
    );
    assert.deepEqual(outcome, {
      kind: 'failed',
      reason: "fatal: '/nowhere.git' does not appear to be a git repository",
    });
  });

  it('strips control characters and caps what the remote said', () => {
    assert.deepEqual(remoteLines('remote: \x1b[31mred\x1b[0m  \nremote:\nnot remote\n'), [
      '[31mred[0m',
      '',
    ]);
    const chatty = Array.from({ length: 30 }, (_, i) => `remote: line ${i}\n`).join('');
    const outcome = judgePush(
      REF,
      status('!', '[remote rejected] (pre-receive hook declined)'),
      chatty,
    );
    const lines = outcome.kind === 'failed' ? outcome.reason.split('\n') : [];
    assert.equal(lines.length, 22);
    assert.equal(lines.at(-1), 'remote: … 10 more lines');
  });
});
