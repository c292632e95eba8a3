import { codeSpan, oneLine } from './markdown.js';

/**
 * Size limits of the places ferry's markdown goes, and the one way it folds a report to fit
 * them: whole items (a table row, an object's section) are kept in order while they fit, and
 * the rest is counted and named in a closing line, never cut mid-markup.
 */

/** GitHub drops a step's job summary larger than 1 MiB whole. */
export const JOB_SUMMARY_LIMIT = 1024 * 1024;
/** GitHub refuses a comment, issue or pull request body longer than this many characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** GitLab refuses a note or issue description longer than this. https://docs.gitlab.com/api/notes/ */
export const GITLAB_NOTE_LIMIT = 1_000_000;

/** Room kept for the closing line and what a caller adds around the text (a hidden marker). */
const RESERVE = 1_500;
/** How many left-out items the closing line names. */
const NAMED = 5;

const encoder = new TextEncoder();
/** UTF-8 bytes: at least the characters GitHub counts, so a limit in either unit holds. */
const size = (text: string): number => encoder.encode(text).length;

/** One foldable piece of a report: its markdown and what it is about (an object's name). */
export interface FoldItem {
  markdown: string;
  /** Names what is left out when the item does not fit. */
  label: string;
}

/**
 * Markdown built under a size limit. `add` appends items in order while they fit (inside an
 * optional `open`/`close` pair written only around at least one item); once one does not fit,
 * every later item is left out, so what is shown is a prefix of the report.
 */
export class MarkdownFolder {
  private text: string;
  private bytes: number;
  private readonly left: string[] = [];
  private full = false;

  constructor(
    head: string,
    private readonly limit = Infinity,
  ) {
    this.text = head;
    this.bytes = size(head);
  }

  private append(markdown: string): void {
    this.text += markdown;
    this.bytes += size(markdown);
  }

  /** Appends `items` that fit; `open` before the first one shown, `close` after the last. */
  add(items: FoldItem[], open = '', close = ''): void {
    let opened = false;
    for (const item of items) {
      const piece = (opened ? '' : open) + item.markdown;
      if (this.full || this.bytes + size(piece + close) + RESERVE > this.limit) {
        this.full = true;
        this.left.push(item.label);
        continue;
      }
      this.append(piece);
      opened = true;
    }
    if (opened) this.append(close);
  }

  /** Appends ferry's own markdown that always fits (it is within the reserve). */
  addFixed(markdown: string): void {
    this.append(markdown);
  }

  /** How many items were left out. */
  get omitted(): number {
    return this.left.length;
  }

  /**
   * The markdown, ending (when items were left out) with one line: how many, the first few
   * names, and `where` the whole report is (ferry's own markdown).
   */
  finish(what: string, where: string): string {
    if (this.left.length === 0) return this.text;
    const names = [...new Set(this.left)];
    const shown = names.slice(0, NAMED).map((name) => codeSpan(oneLine(name, 80)));
    const more = names.length > NAMED ? `, and ${names.length - NAMED} more` : '';
    return `${this.text}\n_${this.left.length} more ${what} did not fit (${shown.join(', ')}${more}): ${where}._\n`;
  }
}
