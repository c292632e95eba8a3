// Hostile values from outside ferry — field managers, cluster names, object names, values,
// server messages, reasons — driven through every markdown text ferry writes (job summaries,
// pull request bodies, plan comments and notes, drift issues), rendered by GitHub's cmark-gfm:
// none may become a link, a mention, an issue reference or HTML (test/helpers/markdown.ts).
import { describe, it } from 'node:test';
import { driftIssueBody } from '../../src/adapters/alerts/github.js';
import type { ApplyOutcome } from '../../src/adapters/kube/objects.js';
import { failureMessage } from '../../src/commands/cluster/apply/writes.js';
import { setsPlanComment, setsPlanMarker } from '../../src/commands/publish/plan-all-publish.js';
import { planMarker } from '../../src/commands/publish/plan-publish.js';
import {
  emptyReport,
  formatMarkdown,
  record,
  recordRestored,
} from '../../src/core/apply-report.js';
import { applySetParent } from '../../src/core/applyset.js';
import type { DriftReport } from '../../src/core/drift.js';
import { formatDriftMarkdown } from '../../src/core/drift-report.js';
import { imageReference } from '../../src/core/image.js';
import { proposalSummary } from '../../src/core/job-summary.js';
import { parseClusterName } from '../../src/core/options.js';
import { countPlan, type PlanReport } from '../../src/core/plan.js';
import { GITHUB_COMMENT_LIMIT } from '../../src/core/fold.js';
import { formatPlanMarkdown } from '../../src/core/plan-markdown.js';
import { promotionText, rollbackText } from '../../src/core/promotion-text.js';
import { proposalBody, type ProposalFacts } from '../../src/core/proposal-text.js';
import { NO_SOURCE } from '../../src/core/render.js';
import { countResults, formatSetsMarkdown, type SetsReport } from '../../src/core/sets-report.js';
import { assertInert } from '../helpers/markdown.js';

const MANAGER = '@octocat [pwn](https://evil.example) #7777 <img src=x>';
// A cluster name ferry accepts (one line, no control characters) that tries everything,
// closing the hidden marker's HTML comment included.
const CLUSTER = parseClusterName(
  'prod `x` @octocat [pwn](https://evil.example) #7777 <b>bold</b> --> <img src=x> <!--',
  'cluster',
);
const OBJECT = 'ConfigMap prod/@octocat [pwn](https://evil.example) #7777 <img src=x> | `';
const VALUE = '@octocat [pwn](https://evil.example) #7777 <img src=x> ``` | **x**';
const HOSTILE = [MANAGER, CLUSTER, OBJECT, VALUE];
const RUN_URL = 'https://github.com/acme/env/actions/runs/1';

const drift: DriftReport = {
  inventory: { name: 'web', namespace: 'prod', id: 'applyset-x-v1' },
  clean: false,
  objects: [
    {
      object: OBJECT,
      kind: 'drifted',
      fields: [
        { path: '/data/note', segments: [], git: 'safe', live: VALUE, manager: MANAGER },
        { path: '/data/gone', segments: [], git: VALUE, live: undefined, unattributed: 'removed' },
      ],
    },
    { object: OBJECT.replace('ConfigMap', 'Secret'), kind: 'missing', fields: [] },
  ],
  counts: { checked: 2, drifted: 1, missing: 1, extra: 0, ignored: 0 },
  fingerprint: 'f'.repeat(16),
  requests: {},
};

const plan: PlanReport = (() => {
  const objects: PlanReport['objects'] = [
    {
      object: OBJECT,
      action: 'change',
      fields: [
        { path: '/data/note', live: VALUE, git: 'safe', manager: MANAGER, handEdit: true },
        {
          path: '/data/gone',
          live: undefined,
          git: VALUE,
          unattributed: 'removed',
          handEdit: false,
        },
      ],
      rejected: VALUE,
    },
    { object: OBJECT.replace('ConfigMap', 'Secret'), action: 'create', fields: [], note: VALUE },
  ];
  return {
    cluster: CLUSTER,
    inventory: { name: 'web', namespace: 'prod', id: 'applyset-x-v1' },
    prune: false,
    objects,
    counts: countPlan(objects, 0),
    requests: {},
  };
})();

function facts(): ProposalFacts {
  return {
    app: 'web',
    env: 'prod',
    image: imageReference('registry.example.com/web', '1.4.2'),
    oldImages: [VALUE],
    // The renderer annotations found in the env repo are outside values too.
    renderers: ['helm v3.21.4'],
    oldRenderers: [VALUE],
    summary: { added: [OBJECT], changed: [], removed: [] },
    diff: `--- a/x.yaml\n+++ b/x.yaml\n@@ -1 +1 @@\n-note: ${VALUE}\n+note: safe\n`,
    source: { ...NO_SOURCE, repo: VALUE, commit: VALUE, runUrl: VALUE },
    sourceCommitUrl: '',
    path: 'apps/web/prod',
    branch: 'ferry/web/prod',
  };
}

describe('hostile values stay text in every markdown ferry writes', () => {
  it('drift: the job summary and the drift issue (GitHub and GitLab)', async () => {
    const markdown = formatDriftMarkdown(drift, { cluster: CLUSTER });
    await assertInert(markdown, HOSTILE);
    await assertInert(driftIssueBody(CLUSTER, drift, markdown), HOSTILE);
    // Folded: the line naming what was left out names hostile objects too.
    const folded = formatDriftMarkdown(drift, {
      cluster: CLUSTER,
      limit: 1_800,
      whole: 'see the run',
    });
    await assertInert(folded, [CLUSTER, OBJECT]);
  });

  it("apply: the job summary's detail column (a conflict names managers), restored fields, not ready", async () => {
    const report = emptyReport(applySetParent('web', 'prod'), false);
    const conflict: Extract<ApplyOutcome, { ok: false }> = {
      ok: false,
      status: 409,
      message: VALUE,
      conflicts: [{ field: '.data.note', manager: MANAGER }],
    };
    record(report, OBJECT, 'failed', failureMessage(conflict));
    record(
      report,
      'ConfigMap prod/other',
      'failed',
      failureMessage({ ...conflict, conflicts: [] }),
    );
    recordRestored(report, [
      { object: OBJECT, path: '/data/note', manager: MANAGER },
      { object: OBJECT, path: '/data/gone', unattributed: 'removed' },
    ]);
    report.notReady.push({ object: OBJECT, reason: VALUE });
    await assertInert(formatMarkdown(report), [MANAGER, OBJECT, VALUE]);
  });

  it('plan: the job summary, the pull request comment (with its marker) and the merge request note', async () => {
    await assertInert(formatPlanMarkdown(plan, { named: true }), HOSTILE);
    const comment = formatPlanMarkdown(plan, {
      named: true,
      limit: GITHUB_COMMENT_LIMIT,
      whole: `the [run](${RUN_URL}) has the rest`,
    });
    await assertInert(`${planMarker(plan)}\n${comment}`, HOSTILE, [RUN_URL]);
  });

  it('runs over sets: the job summary and the plan --all comment, each set folded in', async () => {
    const set = (name: string) => ({
      set: name,
      path: `apps/${VALUE}`,
      namespace: 'prod',
      result: 'planned' as const,
      detail: VALUE,
      exitCode: 0,
      report: plan,
    });
    const report: SetsReport<PlanReport> = {
      command: 'plan',
      cluster: CLUSTER,
      commit: 'a'.repeat(40),
      dryRun: false,
      sets: [set('web'), set('api')],
      counts: countResults([set('web'), set('api')]),
    };
    const summary = formatSetsMarkdown(report, (r) => formatPlanMarkdown(r, { named: true }));
    await assertInert(summary, HOSTILE);
    const comment = setsPlanComment(report, GITHUB_COMMENT_LIMIT, RUN_URL);
    await assertInert(`${setsPlanMarker(CLUSTER)}\n${comment}`, HOSTILE, [RUN_URL]);
  });

  it('pull request bodies and their job summaries: propose, promote, rollback', async () => {
    const body = proposalBody(facts());
    await assertInert(body, [OBJECT, VALUE]);
    const gates = [
      { gate: 'drift clean', passed: false, detail: `no status for ${CLUSTER}`, value: VALUE },
    ];
    const promotion = promotionText(facts(), {
      from: 'staging',
      sourcePath: 'apps/web/staging',
      sourceBranch: 'main',
      sourceCommit: 'a'.repeat(40),
      gates,
      forced: true,
    });
    await assertInert(promotion.body, [OBJECT, VALUE, CLUSTER]);
    const rollback = rollbackText(facts(), {
      revision: 'a'.repeat(40),
      chosenBy: 'the revision before the last change',
      current: undefined,
      pinPath: 'apps/web/prod/.ferry-pin.yaml',
      reason: VALUE,
      descriptorReplaced: true,
    });
    await assertInert(rollback.body, [OBJECT, VALUE]);
    const summary = proposalSummary('rollback', {
      operation: 'created',
      dryRun: true,
      title: rollback.title,
      branch: 'ferry/web/prod.rollback',
      pullRequest: undefined,
      body: rollback.body,
    });
    await assertInert(summary, [OBJECT, VALUE]);
  });
});
