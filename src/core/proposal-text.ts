import type { ImageReference } from './image.js';
import type { DescriptorChange, ObjectSummary } from './proposal.js';
import { inlineCode, link, oneLine } from './markdown.js';
import type { SourceInfo } from './render.js';
import { SET_DESCRIPTOR } from './set-descriptor.js';

/**
 * The words of a proposal: pull request title and body (GitHub markdown) and the commit
 * message. Every value that came from outside (object names, annotations found in the env repo,
 * CI variables) is shown as inline code (core/markdown.ts) or inside a fence sized to its
 * content, so it cannot add markdown, HTML or mentions to the body.
 */

/** GitHub refuses a pull request body over 65,536 characters; stay well under it. */
export const BODY_LIMIT = 60_000;
/** Diffs longer than this many lines fold into a `<details>` block. */
export const FOLD_DIFF_LINES = 50;
const SUMMARY_CAP = 50;

/** Everything the proposal's words are made from. */
export interface ProposalFacts {
  app: string;
  env: string;
  image: ImageReference;
  /** `ferry.dev/image` values on the base branch; empty when the folder is new. */
  oldImages: string[];
  /** The kustomize or helm that made the proposal (`ferry.dev/renderer`), and the base's. */
  renderers: string[];
  oldRenderers: string[];
  summary: ObjectSummary;
  /** How the folder's set descriptor (`.ferry-set.yaml`) changes; undefined: it does not. */
  descriptor?: DescriptorChange;
  /** Unified diff of the folder, base → proposal. */
  diff: string;
  source: SourceInfo;
  /** Link to the source commit, when the CI system tells where it lives. */
  sourceCommitUrl: string;
  /** Folder in the env repo, and the head branch that carries the proposal. */
  path: string;
  branch: string;
}

/** The tag, or a short digest when deploying by digest only. */
export function imageLabel(image: ImageReference): string {
  return image.tag || image.digest.slice(0, 'sha256:'.length + 12);
}

/** `ferry: deploy guestbook 1.4.2 to staging`. */
export function proposalTitle(facts: Pick<ProposalFacts, 'app' | 'env' | 'image'>): string {
  return `ferry: deploy ${facts.app} ${imageLabel(facts.image)} to ${facts.env}`;
}

/**
 * Commit message: the title, then the image change, where the build came from, and any
 * `extra` lines (a promotion's or rollback's own facts, already one line each).
 */
export function commitMessage(
  facts: ProposalFacts,
  headline = proposalTitle(facts),
  extra: string[] = [],
): { headline: string; body: string } {
  const lines = [`Image: ${oldImageText(facts)} -> ${facts.image.ref}`];
  if (facts.source.repo || facts.source.commit)
    lines.push(`Source: ${oneLine(`${facts.source.repo}@${facts.source.commit}`)}`);
  if (facts.source.runUrl) lines.push(`Run: ${oneLine(facts.source.runUrl, 500)}`);
  if (facts.descriptor) lines.push(`Set descriptor: ${facts.descriptor}`);
  return { headline, body: [...lines, ...extra].join('\n') };
}

function oldImageText(facts: ProposalFacts): string {
  if (facts.oldImages.length === 0) return '(none)';
  return facts.oldImages
    .slice(0, 5)
    .map((image) => oneLine(image))
    .join(', ');
}

function summaryLines(summary: ObjectSummary): string[] {
  const lines: string[] = [];
  const section = (word: string, names: string[]) => {
    // Capped so a huge app cannot crowd the diff out of the body.
    for (const name of names.slice(0, SUMMARY_CAP)) lines.push(`- ${word} ${inlineCode(name)}`);
    if (names.length > SUMMARY_CAP)
      lines.push(`- … and ${names.length - SUMMARY_CAP} more ${word}`);
  };
  section('added', summary.added);
  section('changed', summary.changed);
  section('removed', summary.removed);
  return lines;
}

/** The diff in a fence no line of it can close, folded and truncated to fit `budget`. */
function diffBlock(diff: string, budget: number): string {
  const longest = Math.max(0, ...(diff.match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const lines = diff.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const wrap = (body: string, note: string) => {
    const block = `${fence}diff\n${body}${fence}\n${note}`;
    return lines.length > FOLD_DIFF_LINES
      ? `<details><summary>Rendered diff (${lines.length} lines)</summary>\n\n${block}\n</details>\n`
      : `${block}\n`;
  };
  const whole = wrap(`${lines.join('\n')}\n`, '');
  if (whole.length <= budget) return whole;
  // Keep whole lines, leaving room for the wrapper and the truncation note.
  const room = budget - wrap('', 'x'.repeat(120)).length;
  let used = 0;
  let kept = 0;
  for (const line of lines) {
    if (used + line.length + 1 > room) break;
    used += line.length + 1;
    kept++;
  }
  const shown = lines.slice(0, kept).join('\n');
  const note = `\n_Diff truncated to fit GitHub's body limit: ${lines.length - kept} more lines are in the commit._\n`;
  return wrap(kept > 0 ? `${shown}\n` : '', note);
}

/**
 * `**Rendered with:** helm v3.21.4`, or `old → new` when the tool or its version changed: a new
 * renderer can change every object, and review should see why. Nothing for Handlebars.
 */
function rendererLine(facts: ProposalFacts): string | undefined {
  const now = facts.renderers.map(inlineCode).join(', ');
  const before = facts.oldRenderers.map(inlineCode).join(', ');
  if (!now && !before) return undefined;
  const changed = before !== now && before !== '';
  return `**Rendered with:** ${changed ? `${before || '_Handlebars_'} → ${now || '_Handlebars_'}` : now}\n`;
}

/** What a promotion or rollback says in the body beyond what every proposal says. */
export interface BodyParts {
  /** Markdown that opens the body, instead of "Deploys `app` to `env`.". */
  lead?: string;
  /** Markdown sections placed after the summary and links, before the diff. */
  sections?: string[];
}

/**
 * The pull request body: image old → new, the per-object summary, links to the source commit
 * and run, and the rendered diff (folded past 50 lines, truncated under GitHub's body limit).
 * `extra` is ferry's own markdown; outside values in it must already be inline code.
 */
export function proposalBody(facts: ProposalFacts, extra: BodyParts = {}): string {
  const parts: string[] = [];
  parts.push(extra.lead ?? `Deploys ${inlineCode(facts.app)} to ${inlineCode(facts.env)}.\n`);
  const oldText =
    facts.oldImages.length === 0
      ? '_none_'
      : facts.oldImages.slice(0, 5).map(inlineCode).join(', ');
  parts.push(`**Image:** ${oldText} → ${inlineCode(facts.image.ref)}\n`);
  const renderedWith = rendererLine(facts);
  if (renderedWith) parts.push(renderedWith);
  const { added, changed, removed } = facts.summary;
  parts.push(
    `**Objects:** ${added.length} added, ${changed.length} changed, ${removed.length} removed\n`,
  );
  const summary = summaryLines(facts.summary);
  if (summary.length > 0) parts.push(`${summary.join('\n')}\n`);
  if (facts.descriptor) {
    parts.push(
      `**Set descriptor:** ${inlineCode(SET_DESCRIPTOR)} ${facts.descriptor} ` +
        '(how `ferry apply --all` applies this folder: inventory, clusters, dependencies; see the diff)\n',
    );
  }
  const links: string[] = [];
  if (facts.source.commit) {
    const label = `commit ${oneLine(facts.source.commit).slice(0, 12)}`;
    links.push(facts.sourceCommitUrl ? link(label, facts.sourceCommitUrl) : inlineCode(label));
  }
  if (facts.source.runUrl) links.push(link('CI run', facts.source.runUrl));
  if (links.length > 0) parts.push(`**Source:** ${links.join(' · ')}\n`);
  parts.push(...(extra.sections ?? []));
  const footer =
    `\n<sub>Proposed by ferry for ${inlineCode(facts.path)}. Branch ${inlineCode(facts.branch)} ` +
    'is rewritten on every build (base + one commit); push changes to the templates instead.</sub>\n';
  const head = parts.join('\n');
  const budget = BODY_LIMIT - head.length - footer.length - 1;
  const diff = facts.diff === '' ? '_No file changes._\n' : diffBlock(facts.diff, budget);
  return `${head}\n${diff}${footer}`;
}
