// Every markdown text ferry writes (job summaries, pull request bodies, drift issues) renders on
// GitHub's renderer, cmark-gfm, with no markup left as text. See test/helpers/markdown.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { driftIssueBody } from '../../src/adapters/alerts/github.js';
import { emptyReport, formatMarkdown, record } from '../../src/core/apply-report.js';
import type { DriftedField, DriftReport } from '../../src/core/drift.js';
import { formatDriftMarkdown } from '../../src/core/drift-report.js';
import { imageReference } from '../../src/core/image.js';
import { proposalSummary, renderSummary } from '../../src/core/job-summary.js';
import { promotionText, rollbackText } from '../../src/core/promotion-text.js';
import { proposalBody, type ProposalFacts } from '../../src/core/proposal-text.js';
import { countPlan, type PlanReport } from '../../src/core/plan.js';
import { formatPlanMarkdown } from '../../src/core/plan-markdown.js';
import { NO_SOURCE } from '../../src/core/render.js';
import { assertRendersCleanly } from '../helpers/markdown.js';

const SHA = 'a'.repeat(40);
const PR_URL = 'https://github.com/acme/env/pull/12';

function facts(diff: string): ProposalFacts {
  return {
    app: 'web',
    env: 'prod',
    image: imageReference('registry.example.com/web', '1.4.2'),
    oldImages: ['registry.example.com/web:1.4.1'],
    renderers: ['helm v3.21.4'],
    oldRenderers: ['helm v3.20.`0|'],
    // Outside values with markup in them must stay code.
    summary: { added: ['ConfigMap prod/a`b'], changed: ['Deployment prod/web'], removed: [] },
    diff,
    source: { ...NO_SOURCE, commit: SHA, runUrl: 'https://ci.example/run/1' },
    sourceCommitUrl: `https://github.com/acme/web/commit/${SHA}`,
    path: 'apps/web/prod',
    branch: 'ferry/web/prod',
  };
}

const shortDiff = '--- a/x.yaml\n+++ b/x.yaml\n@@ -1 +1 @@\n-image: web:1.4.1\n+image: web:1.4.2\n';
const longDiff = Array.from({ length: 80 }, (_, i) => `+line ${i} with **stars** and \`ticks\``)
  .join('\n')
  .concat('\n');

/** A drifted field as the report shows it (the fields a formatter reads). */
function field(path: string, git: unknown, live: unknown, manager: string): DriftedField {
  // Other fields of a drifted field (its structured path) are not shown, so not set here.
  return { ...({} as DriftedField), path, git, live, manager };
}

function driftReport(clean: boolean): DriftReport {
  return {
    inventory: { name: 'web', namespace: 'prod', id: 'applyset-x-v1' },
    clean,
    objects: clean
      ? []
      : [
          {
            object: 'Deployment prod/web',
            kind: 'drifted',
            fields: [
              field('/spec/replicas', 2, 5, 'kubectl-edit'),
              field('/metadata/annotations/note', 'a|b', 'x `y` **z**', 'unknown'),
            ],
          },
          { object: 'Service prod/web', kind: 'missing', fields: [] },
        ],
    counts: { checked: 3, drifted: clean ? 0 : 1, missing: clean ? 0 : 1, extra: 0, ignored: 0 },
    fingerprint: 'f'.repeat(16),
    requests: {},
  };
}

describe('the markdown checker', () => {
  it('catches markdown that an HTML heading turned into a raw HTML block', async () => {
    // What `core.summary.addHeading(...).addRaw(...)` used to write.
    const broken =
      '<h3>ferry render: prod</h3>\nImage `web:1`, 1 objects\n\n- `Deployment prod/web`\n';
    await assert.rejects(assertRendersCleanly(broken), /a backtick leaks/);
    const link = '<h3>ferry propose: created</h3>\ntitle — [#12](https://x.example/12)\n';
    await assert.rejects(assertRendersCleanly(link), /a markdown link leaks/);
  });

  it('passes markdown whose markup all renders', async () => {
    const html = await assertRendersCleanly('### t\n\n**b** `c` [l](https://x.example)\n\n- i\n');
    assert.match(html, /<h3>t<\/h3>/);
  });
});

describe('job summaries render on GitHub', () => {
  it('render: a heading, the image and one code item per object', async () => {
    const html = await assertRendersCleanly(
      renderSummary({
        environment: 'staging',
        image: 'registry.example.com/web:1.4.2',
        objects: ['Deployment staging/web', 'Service staging/web'],
      }),
    );
    assert.match(html, /<h3>ferry render: staging<\/h3>/);
    assert.match(html, /<li><code>Deployment staging\/web<\/code><\/li>/);
  });

  it('propose, promote and rollback: the summary links the pull request', async () => {
    for (const command of ['propose', 'promote', 'rollback']) {
      const html = await assertRendersCleanly(
        proposalSummary(command, {
          operation: 'created',
          dryRun: false,
          title: 'ferry: deploy web 1.4.2 to prod',
          branch: 'ferry/web/prod',
          pullRequest: { number: 12, url: PR_URL },
          body: 'unused',
        }),
      );
      assert.match(html, new RegExp(`<h3>ferry ${command}: created</h3>`));
      assert.ok(html.includes(`<a href="${PR_URL}">#12</a>`), html);
      assert.doesNotMatch(html, /unused/);
    }
  });

  it('a dry run names the branch and shows the whole body that would be sent', async () => {
    const body = proposalBody(facts(shortDiff));
    const html = await assertRendersCleanly(
      proposalSummary('propose', {
        operation: 'created',
        dryRun: true,
        title: 'ferry: deploy web 1.4.2 to prod',
        branch: 'ferry/web/prod',
        pullRequest: undefined,
        body,
      }),
    );
    assert.match(html, /branch <code>ferry\/web\/prod<\/code>/);
    assert.match(html, /<strong>Image:<\/strong>/);
  });

  it('apply: the inventory line and a table of objects, values with markup kept as code', async () => {
    const report = emptyReport({ name: 'web', namespace: 'prod', id: 'applyset-x-v1' }, false);
    record(report, 'Deployment prod/web', 'created');
    record(report, 'ConfigMap prod/a|b', 'failed', 'admission webhook "x" denied: `no` **way**');
    report.notReady.push({ object: 'Deployment prod/web', reason: 'ProgressDeadlineExceeded' });
    const html = await assertRendersCleanly(formatMarkdown(report));
    assert.match(html, /<table>/);
    assert.match(html, /<code>ConfigMap prod\/a\|b<\/code>/);
  });

  it('drift: clean and drifted reports, and the alert issue built from them', async () => {
    await assertRendersCleanly(formatDriftMarkdown(driftReport(true)));
    const markdown = formatDriftMarkdown(driftReport(false), { cluster: 'prod-eu' });
    const html = await assertRendersCleanly(markdown);
    assert.match(html, /<table>/);
    assert.match(html, /<code>x `y` \*\*z\*\*<\/code>/);
    const issue = await assertRendersCleanly(
      driftIssueBody('prod-eu', driftReport(false), markdown),
    );
    assert.match(issue, /<!-- ferry-drift:prod-eu\/prod\/web -->/);
  });
});

describe('pull request bodies render on GitHub', () => {
  it('propose: short diff, folded long diff, and no diff', async () => {
    for (const diff of [shortDiff, longDiff, '']) {
      const html = await assertRendersCleanly(proposalBody(facts(diff)));
      assert.ok(html.includes(`<a href="https://github.com/acme/web/commit/${SHA}">`), html);
    }
    const folded = await assertRendersCleanly(proposalBody(facts(longDiff)));
    assert.match(folded, /<details><summary>Rendered diff \(80 lines\)<\/summary>/);
    assert.match(folded, /<pre lang="diff">/);
  });

  it('promote, forced and gated, and rollback', async () => {
    const gates = [
      { gate: 'apply succeeded', passed: false, detail: 'status', value: 'fail|ure `x`' },
      { gate: 'soak time', passed: true, detail: 'committed 2h ago' },
    ];
    for (const forced of [false, true]) {
      const text = promotionText(facts(shortDiff), {
        from: 'staging',
        sourcePath: 'apps/web/staging',
        sourceBranch: 'main',
        sourceCommit: SHA,
        gates,
        forced,
      });
      const html = await assertRendersCleanly(text.body);
      assert.match(html, /<table>/);
    }
    const rollback = rollbackText(facts(shortDiff), {
      revision: SHA,
      chosenBy: 'the revision before the last change',
      current: 'b'.repeat(40),
      pinPath: 'apps/web/prod/.ferry-pin.yaml',
      reason: 'broke **checkout** for @octocat, see [#7](https://evil.example) <b>now</b>',
      descriptorReplaced: true,
    });
    const html = await assertRendersCleanly(rollback.body);
    assert.match(html, /<strong>To unpin<\/strong>/);
    // The reason is in the pull request, as given and inert: code, no link, mention or tag.
    assert.match(
      html,
      /<strong>Reason:<\/strong> <code>broke \*\*checkout\*\* for @octocat, see \[#7\]\(https:\/\/evil\.example\) &lt;b&gt;now&lt;\/b&gt;<\/code>/,
    );
    assert.match(html, /except its set descriptor <code>.ferry-set.yaml<\/code>, written from/);
    const withDescriptor = { ...facts(shortDiff), descriptor: 'changed' as const };
    assert.match(
      await assertRendersCleanly(proposalBody(withDescriptor)),
      /<strong>Set descriptor:<\/strong> <code>.ferry-set.yaml<\/code> changed/,
    );
  });
});

describe('the plan renders on GitHub (job summary, PR comment, MR note)', () => {
  const plan = (objects: PlanReport['objects']): PlanReport => ({
    cluster: 'prod-eu',
    inventory: { name: 'web', namespace: 'prod', id: 'applyset-x-v1' },
    prune: true,
    objects,
    counts: countPlan(objects, 3),
    requests: {},
  });
  const changed = (i: number): PlanReport['objects'][number] => ({
    object: `Deployment prod/web-${i}`,
    action: 'change',
    fields: [
      { path: '/spec/replicas', live: 5, git: 2, manager: 'kubectl-scale', handEdit: true },
      {
        path: '/spec/template/spec/containers[name=web]/image',
        live: 'web:1 `x` | **y**',
        git: 'web:2',
        manager: 'ferry',
        handEdit: false,
      },
    ],
  });
  const report = plan([
    changed(1),
    { object: 'ConfigMap prod/a|b', action: 'create', fields: [] },
    {
      object: 'Service prod/bad',
      action: 'change',
      fields: [],
      rejected: 'port `70000` **invalid**',
    },
    { object: 'ConfigMap prod/legacy', action: 'prune', fields: [] },
    {
      object: 'Namespace prod',
      action: 'leave',
      fields: [],
      note: 'Namespace is only pruned with --prune-allow Namespace',
    },
  ]);

  it('every section, value and list renders, no markup left as text', async () => {
    const html = await assertRendersCleanly(formatPlanMarkdown(report));
    assert.match(html, /<details>/);
    assert.match(html, /<code>Deployment prod\/web-1<\/code>/);
    assert.match(html, /<table>/);
  });

  it('a plan folded under a comment limit still renders, with its link to the rest', async () => {
    const big = plan(Array.from({ length: 300 }, (_, i) => changed(i)));
    const markdown = formatPlanMarkdown(big, {
      limit: 20_000,
      whole: 'the [run](https://github.com/acme/env/actions/runs/1) has the rest',
    });
    assert.ok(markdown.length <= 20_000, String(markdown.length));
    const html = await assertRendersCleanly(markdown);
    assert.ok(html.includes('href="https://github.com/acme/env/actions/runs/1"'), html.slice(-500));
  });
});
