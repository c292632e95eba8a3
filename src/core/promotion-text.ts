import type { GateResult } from './gates.js';
import { inlineCode, oneLine } from './markdown.js';
import { commitMessage, imageLabel, proposalBody, type ProposalFacts } from './proposal-text.js';
import { SET_DESCRIPTOR } from './set-descriptor.js';

/**
 * The words of promotion and rollback pull requests: the proposal's own (image, objects, diff)
 * with what a reviewer of a promotion or rollback needs on top. As in every proposal, values
 * from outside are shown only as inline code.
 */

/** Title, body and commit message of a pull request. */
export interface ProposalText {
  title: string;
  body: string;
  message: { headline: string; body: string };
}

/** Where a promotion comes from and how its gates went. */
export interface PromotionFacts {
  from: string;
  /** The source environment's folder, branch and tip commit in the env repo. */
  sourcePath: string;
  sourceBranch: string;
  sourceCommit: string;
  gates: GateResult[];
  forced: boolean;
}

/** A table cell: GitHub splits table rows on '|' even inside code, unless escaped. */
function cell(markdown: string): string {
  return markdown.replace(/\|/g, '\\|');
}

/** The gates as a markdown table: gate, result, detail. */
export function gateTable(gates: GateResult[]): string {
  const rows = gates.map((gate) => {
    const result = gate.passed ? '✅ passed' : '❌ failed';
    const detail = [gate.detail, gate.value].filter((part) => part !== undefined).map(inlineCode);
    return `| ${gate.gate} | ${result} | ${cell(detail.join(' '))} |`;
  });
  return ['| gate | result | detail |', '| --- | --- | --- |', ...rows].join('\n');
}

/** `ferry: promote guestbook 1.4.2 from staging to production`. */
export function promotionTitle(facts: ProposalFacts, from: string): string {
  return `ferry: promote ${facts.app} ${imageLabel(facts.image)} from ${from} to ${facts.env}`;
}

/** The words of a promotion pull request; a forced one says so first. */
export function promotionText(facts: ProposalFacts, promotion: PromotionFacts): ProposalText {
  const failed = promotion.gates.filter((gate) => !gate.passed).length;
  const lead: string[] = [];
  if (promotion.forced) {
    lead.push(
      '> [!WARNING]',
      `> **Promoted with \`--force\`: the gates were not enforced** (${failed} of ${promotion.gates.length} failed, see below).`,
      '',
    );
  }
  lead.push(
    `Promotes ${inlineCode(facts.app)} from ${inlineCode(promotion.from)} to ${inlineCode(facts.env)}: ` +
      `the image ${inlineCode(promotion.from)} runs, rendered with the values of ${inlineCode(facts.env)}.\n`,
  );
  const from =
    `**From:** ${inlineCode(promotion.sourcePath)} on ${inlineCode(promotion.sourceBranch)} ` +
    `at ${inlineCode(promotion.sourceCommit)} (environment repo)\n`;
  const gates = `**Gates**${promotion.forced ? ' (not enforced: `--force`)' : ''}:\n\n${gateTable(promotion.gates)}\n`;
  const title = promotionTitle(facts, promotion.from);
  const verdict = promotion.forced ? `forced (${failed} failed)` : 'passed';
  return {
    title,
    body: proposalBody(facts, { lead: lead.join('\n'), sections: [from, gates] }),
    message: commitMessage(facts, title, [
      `Promoted-from: ${promotion.from} ${promotion.sourceCommit}`,
      `Gates: ${verdict}`,
    ]),
  };
}

/** What a rollback restores, and the pin it leaves. */
export interface RollbackFacts {
  /** The env-repo commit whose folder is restored. */
  revision: string;
  /** How it was chosen, in ferry's words (e.g. "the revision before the last change"). */
  chosenBy: string;
  /** The last commit that changed the folder on the branch: what is rolled back. */
  current: string | undefined;
  pinPath: string;
  /** Why, as given (one line), or ferry's default; also recorded in the pin. */
  reason: string;
  /** The restored revision's set descriptor differs from ferry.yaml's, which is written instead. */
  descriptorReplaced: boolean;
}

/** `ferry: roll back guestbook in production to 1.4.1`. */
export function rollbackTitle(facts: ProposalFacts): string {
  return `ferry: roll back ${facts.app} in ${facts.env} to ${imageLabel(facts.image)}`;
}

/** The words of a rollback pull request: what is restored, from which commits, and the pin. */
export function rollbackText(facts: ProposalFacts, rollback: RollbackFacts): ProposalText {
  const lead =
    `Rolls back ${inlineCode(facts.app)} in ${inlineCode(facts.env)}: ${inlineCode(facts.path)} ` +
    `becomes exactly what it was at commit ${inlineCode(rollback.revision)} (${rollback.chosenBy})` +
    (rollback.descriptorReplaced
      ? `, except its set descriptor ${inlineCode(SET_DESCRIPTOR)}, written from ferry.yaml as it is now.\n`
      : '.\n');
  const reason = `**Reason:** ${inlineCode(rollback.reason)}\n`;
  const commits =
    `**Commits:** last change ${rollback.current ? inlineCode(rollback.current) : '_none_'} ` +
    `→ restored from ${inlineCode(rollback.revision)}\n`;
  const pin =
    `**Pin:** this pull request also writes ${inlineCode(rollback.pinPath)}, pinning ` +
    `${inlineCode(facts.image.ref)}. While that file exists, \`ferry propose\` and \`ferry promote\` ` +
    `refuse any other image for ${inlineCode(facts.app)} in ${inlineCode(facts.env)}. ` +
    `**To unpin**, delete the file in a pull request.\n`;
  const title = rollbackTitle(facts);
  return {
    title,
    body: proposalBody(facts, { lead, sections: [reason, commits, pin] }),
    message: commitMessage(facts, title, [
      `Reason: ${oneLine(rollback.reason)}`,
      `Rolled-back-to: ${rollback.revision}`,
      `Pin: ${rollback.pinPath}`,
    ]),
  };
}
