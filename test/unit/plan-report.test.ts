import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applySetParent, asMember } from '../../src/core/applyset.js';
import { usesImage, withLiveBuildAnnotations } from '../../src/core/build-annotations.js';
import { isHandEdit } from '../../src/core/hand-edits.js';
import { imageReference } from '../../src/core/image.js';
import type { KubeObject } from '../../src/core/manifest.js';
import { formatPlanMarkdown, objectSection } from '../../src/core/plan-markdown.js';
import { codeSpan } from '../../src/core/markdown.js';
import { formatPlanText } from '../../src/core/plan-text.js';
import { countPlan, hasChanges, type PlannedObject, type PlanReport } from '../../src/core/plan.js';

function planOf(objects: PlannedObject[], unchanged = 2): PlanReport {
  return {
    cluster: 'prod-eu',
    inventory: { name: 'app', namespace: 'shop', id: 'applyset-x-v1' },
    prune: false,
    objects,
    counts: countPlan(objects, unchanged),
    requests: {},
  };
}

const handEdited: PlannedObject = {
  object: 'Deployment shop/web',
  action: 'change',
  fields: [
    { path: '/spec/replicas', live: 5, git: 2, manager: 'kubectl-scale', handEdit: true },
    {
      path: '/spec/template/spec/containers[name=web]/image',
      live: 'web:1',
      git: 'web:2',
      manager: 'ferry',
      handEdit: false,
    },
  ],
};

describe('plan report', () => {
  it('flags kubectl edits as hand edits, not controllers or ferry', () => {
    assert.deepEqual(
      [
        'kubectl-edit',
        'kubectl-scale',
        'before-first-apply',
        'ferry',
        'kube-controller-manager',
        undefined,
      ].map((manager) => isHandEdit(manager)),
      [true, true, true, false, false, false],
    );
  });

  it('counts created, changed, pruned, left and hand edits; changes are what --detailed-exitcode sees', () => {
    const report = planOf([
      handEdited,
      { object: 'ConfigMap shop/new', action: 'create', fields: [] },
      { object: 'ConfigMap shop/old', action: 'leave', fields: [], note: 'no --prune' },
    ]);
    assert.deepEqual(report.counts, {
      created: 1,
      changed: 1,
      unchanged: 2,
      pruned: 0,
      left: 1,
      rejected: 0,
      handEdits: 1,
    });
    assert.equal(hasChanges(report), true);
    assert.equal(
      hasChanges(planOf([{ object: 'ConfigMap shop/old', action: 'leave', fields: [] }])),
      false,
    );
  });

  it('prints each field live → git with its owner, and the hand edit it overwrites', () => {
    const text = formatPlanText(planOf([handEdited]), false);
    assert.match(
      text,
      /~ Deployment shop\/web: change\n {4}\/spec\/replicas {2}\(owned by kubectl-scale\) {2}! overwrites a hand edit\n {6}live: 5\n {6}git: {2}2\n/,
    );
    assert.match(text, /1 to change, 2 unchanged, 1 hand edit\(s\) overwritten\n$/);
  });

  it('keeps hostile values inside their code spans and table cells', () => {
    assert.equal(codeSpan('a`b'), '``a`b``');
    assert.equal(codeSpan('`x`'), '`` `x` ``');
    assert.equal(codeSpan('a|b', true), '`a\\|b`');
    assert.equal(codeSpan('a|b'), '`a|b`');
    const section = objectSection({
      object: 'ConfigMap shop/<script>',
      action: 'change',
      fields: [
        { path: '/data/k', live: '``` | <b>', git: 'x\ny', manager: 'ferry', handEdit: false },
      ],
    });
    assert.match(section, /<summary><code>ConfigMap shop\/&lt;script&gt;<\/code>/);
    assert.match(section, /\| ```` ``` \\\| <b> ```` \| `"x\\ny"` \|/);
  });

  it('follows every HTML line by a blank line before markdown, as cmark-gfm needs', () => {
    const markdown = formatPlanMarkdown(
      planOf([
        handEdited,
        { object: 'ConfigMap shop/new', action: 'create', fields: [] },
        { object: 'ConfigMap shop/old', action: 'leave', fields: [], note: 'no --prune' },
      ]),
    );
    const lines = markdown.split('\n');
    lines.forEach((line, i) => {
      if (/^<(details|summary|\/summary)/.test(line) && /<\/summary>$/.test(line))
        assert.equal(lines[i + 1], '', `line ${i + 1} after ${line}`);
    });
    assert.match(markdown, /<\/summary>\n\n\| field \| live \| git \| owner now \|/);
    assert.match(markdown, /\n\n<\/details>\n/);
    // Objects with nothing to unfold: one collapsed list per action.
    assert.match(
      markdown,
      /\n<details>\n<summary>1 to create<\/summary>\n\n- `ConfigMap shop\/new`\n\n<\/details>\n/,
    );
    assert.match(
      markdown,
      /<summary>1 left in the cluster \(in the inventory, no longer in git\)<\/summary>\n\n- `ConfigMap shop\/old` \(`no --prune`\)\n/,
    );
  });

  it('folds sections that do not fit under a limit, with a link to the rest', () => {
    const many: PlannedObject[] = Array.from({ length: 50 }, (_, i) => ({
      object: `ConfigMap shop/c${i}`,
      action: 'create',
      fields: [],
    }));
    const markdown = formatPlanMarkdown(planOf(many), {
      limit: 2200,
      whole: 'the [run](https://ci/run/1) has the rest',
    });
    assert.ok(markdown.length <= 2200, `${markdown.length}`);
    assert.match(
      markdown,
      /\n_\d+ more line\(s\) did not fit \(`ConfigMap shop\/c\d+`, (`ConfigMap shop\/c\d+`, ){3}`ConfigMap shop\/c\d+`, and \d+ more\): the \[run\]\(https:\/\/ci\/run\/1\) has the rest\._\n$/,
    );
  });
});

describe('per-build annotations', () => {
  const image = imageReference('registry.example.com/acme/web', '1.4.2', '');
  const parent = applySetParent('app', 'shop');
  const configMap = (annotations: Record<string, string>, data = 'v1'): KubeObject => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'settings', namespace: 'shop', annotations },
    data: { value: data },
  });
  const old = {
    'ferry.dev/app': 'web',
    'ferry.dev/image': image.ref,
    'ferry.dev/source-commit': 'abc',
  };

  it('an object uses the image when a string in it holds the reference', () => {
    const deployment = { ...configMap({}), kind: 'Deployment', spec: { image: image.ref } };
    assert.equal(usesImage(deployment as KubeObject, image), true);
    assert.equal(usesImage(configMap({}), image), false);
  });

  it('an object an older ferry stamped keeps its live build annotations while nothing else changed', () => {
    const live = asMember(configMap(old), parent);
    const git = asMember(configMap({ 'ferry.dev/app': 'web' }), parent);
    const carried = withLiveBuildAnnotations(git, live, parent);
    assert.deepEqual(carried, live, 'the same manifest as applied: nothing to write');
  });

  it('an object whose content changed loses the stale build annotations', () => {
    const live = asMember(configMap(old), parent);
    const git = asMember(configMap({ 'ferry.dev/app': 'web' }, 'v2'), parent);
    assert.equal(withLiveBuildAnnotations(git, live, parent), undefined);
  });
});
