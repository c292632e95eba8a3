import { inlineCode, link, oneLine } from './markdown.js';

/**
 * The GitHub job summaries of render, propose, promote and rollback, as markdown only. HTML tags
 * from `core.summary.addHeading`/`addList` are not used: GitHub's renderer (cmark-gfm) takes an
 * HTML line with text right after it as the start of a raw HTML block, and the markdown that
 * follows then shows as literal text. Outside values are shown as inline code.
 */

/** What a render summary shows. */
export interface RenderSummaryFacts {
  environment: string;
  image: string;
  /** `Kind namespace/name` of each object. */
  objects: string[];
}

/** `### ferry render: <env>`, the image and object count, then one list item per object. */
export function renderSummary(facts: RenderSummaryFacts): string {
  const items = facts.objects.map((object) => `- ${inlineCode(object)}`);
  return [
    `### ferry render: ${oneLine(facts.environment)}`,
    '',
    `Image ${inlineCode(facts.image)}, ${facts.objects.length} objects`,
    '',
    ...items,
    '',
  ].join('\n');
}

/** What one proposal (propose, promote, rollback) summary shows. */
export interface ProposalSummaryFacts {
  operation: string;
  dryRun: boolean;
  title: string;
  branch: string;
  pullRequest: { number: number; url: string } | undefined;
  /** The pull request body; shown in full on a dry run, where no pull request exists. */
  body: string;
}

/**
 * `### ferry <command>: <operation>`, the title and a link to the pull request (or the branch),
 * and on a dry run the body that would have been sent.
 */
export function proposalSummary(command: string, facts: ProposalSummaryFacts): string {
  const where = facts.pullRequest
    ? link(`#${facts.pullRequest.number}`, facts.pullRequest.url)
    : `branch ${inlineCode(facts.branch)}`;
  const lines = [
    `### ferry ${command}: ${facts.operation}${facts.dryRun ? ' (dry run)' : ''}`,
    '',
    `${oneLine(facts.title)} — ${where}`,
    '',
  ];
  if (facts.dryRun) lines.push(facts.body.trimEnd(), '');
  return lines.join('\n');
}
