import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  codeSpan,
  oneLine
} from "./chunk-5YSSDDXP.js";

// src/core/fold.ts
var JOB_SUMMARY_LIMIT = 1024 * 1024;
var GITHUB_COMMENT_LIMIT = 65536;
var GITLAB_NOTE_LIMIT = 1e6;
var RESERVE = 1500;
var NAMED = 5;
var encoder = new TextEncoder();
var size = (text) => encoder.encode(text).length;
var MarkdownFolder = class {
  constructor(head, limit = Infinity) {
    this.limit = limit;
    this.text = head;
    this.bytes = size(head);
  }
  limit;
  text;
  bytes;
  left = [];
  full = false;
  append(markdown) {
    this.text += markdown;
    this.bytes += size(markdown);
  }
  /** Appends `items` that fit; `open` before the first one shown, `close` after the last. */
  add(items, open = "", close = "") {
    let opened = false;
    for (const item of items) {
      const piece = (opened ? "" : open) + item.markdown;
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
  addFixed(markdown) {
    this.append(markdown);
  }
  /** How many items were left out. */
  get omitted() {
    return this.left.length;
  }
  /**
   * The markdown, ending (when items were left out) with one line: how many, the first few
   * names, and `where` the whole report is (ferry's own markdown).
   */
  finish(what, where) {
    if (this.left.length === 0) return this.text;
    const names = [...new Set(this.left)];
    const shown = names.slice(0, NAMED).map((name) => codeSpan(oneLine(name, 80)));
    const more = names.length > NAMED ? `, and ${names.length - NAMED} more` : "";
    return `${this.text}
_${this.left.length} more ${what} did not fit (${shown.join(", ")}${more}): ${where}._
`;
  }
};

export {
  JOB_SUMMARY_LIMIT,
  GITHUB_COMMENT_LIMIT,
  GITLAB_NOTE_LIMIT,
  MarkdownFolder
};
//# sourceMappingURL=chunk-ZQ3VISGG.js.map
