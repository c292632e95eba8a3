import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  emptyReport,
  formatMarkdown,
  record,
  recordRestored,
} from '../../src/core/apply-report.js';
import { applySetParent } from '../../src/core/applyset.js';
import { JOB_SUMMARY_LIMIT, MarkdownFolder } from '../../src/core/fold.js';
import { assertRendersCleanly } from '../helpers/markdown.js';

// The one folding of ferry's markdown (core/fold.ts): whole items in order under a limit, the
// rest counted and named; apply's job summary as the case that has no e2e of its own.

describe('folding markdown under a limit', () => {
  it("keeps apply's job summary under 1 MiB, whole rows only, naming what it left out", async () => {
    const report = emptyReport(applySetParent('big', 'shop'), false);
    for (let i = 0; i < 20_000; i++)
      record(report, `ConfigMap shop/settings-${String(i).padStart(5, '0')}`, 'configured');
    recordRestored(
      report,
      Array.from({ length: 3_000 }, (_, i) => ({
        object: `ConfigMap shop/settings-${String(i).padStart(5, '0')}`,
        path: `/data/${'k'.repeat(60)}-${i}`,
        manager: 'kubectl-edit',
      })),
    );
    const whole = formatMarkdown(report);
    assert.ok(Buffer.byteLength(whole) > JOB_SUMMARY_LIMIT, 'the case needs folding');
    const folded = formatMarkdown(report, { limit: JOB_SUMMARY_LIMIT });
    assert.ok(Buffer.byteLength(folded) <= JOB_SUMMARY_LIMIT, String(Buffer.byteLength(folded)));
    assert.match(
      folded,
      /\n_\d+ more line\(s\) did not fit \(`ConfigMap shop\/settings-\d{5}`(, `ConfigMap shop\/settings-\d{5}`){4}, and \d+ more\): the `report` output holds the whole report\._\n$/,
    );
    // What is shown is a prefix of the whole, and every row shown is whole.
    const shown = folded.slice(0, folded.lastIndexOf('\n_'));
    assert.ok(whole.startsWith(shown), 'a prefix of the whole report');
    await assertRendersCleanly(folded);
  });

  it('writes a group only around items that fit, and counts each item left out once', () => {
    const folder = new MarkdownFolder('# h\n', 1_540);
    folder.add(
      [
        { markdown: '- a\n', label: 'A' },
        { markdown: '- b\n', label: 'B' },
        { markdown: `- ${'c'.repeat(40)}\n`, label: 'C' },
      ],
      '<details>\n\n',
      '\n</details>\n',
    );
    folder.add([{ markdown: '- d\n', label: 'D' }], '<details>\n\n', '\n</details>\n');
    assert.equal(folder.omitted, 2);
    assert.equal(
      folder.finish('line(s)', 'see the run'),
      '# h\n<details>\n\n- a\n- b\n\n</details>\n\n_2 more line(s) did not fit (`C`, `D`): see the run._\n',
    );
  });
});
