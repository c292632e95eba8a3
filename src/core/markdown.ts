/**
 * The one place ferry's markdown (job summaries, pull request bodies, plan comments, merge
 * request notes, drift issues) takes in a value from outside ferry: names and values from the
 * cluster, field managers, server messages, cluster names, CI variables. Each goes through
 * {@link codeSpan} (or {@link inlineCode}), so on GitHub (cmark-gfm) and GitLab it stays text:
 * no link, mention, issue reference, emphasis or HTML. Hidden markers go through
 * {@link hiddenMarker}, so a value cannot end the HTML comment that holds it.
 */

/** A one-line, control-character-free version of an outside value. */
export function oneLine(value: string, max = 200): string {
  const flat = value.replace(/[\x00-\x1f\x7f\u2028\u2029\u0085]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/**
 * A code span that holds any text: a backtick fence longer than the longest run inside, padded
 * when the text starts or ends with a backtick (CommonMark 6.1); in a table `cell`, pipes are
 * escaped (GFM splits cells before it reads code spans).
 */
export function codeSpan(text: string, cell = false): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text === '' ? ' ' : '';
  return `${fence}${pad}${cell ? text.replace(/\|/g, '\\|') : text}${pad}${fence}`;
}

/** `value` on one line, as a code span: outside text can never become markup. */
export function inlineCode(value: string): string {
  return codeSpan(oneLine(value));
}

/** A link only for plain http(s) URLs; anything else is shown as code. */
export function link(label: string, url: string): string {
  if (/^https?:\/\/[^\s<>()[\]`"']+$/.test(url)) return `[${label}](${url})`;
  return `${label} ${inlineCode(url)}`;
}

/**
 * An HTML comment that finds a comment, note or issue again: `<!-- ferry-<kind>:<key> -->`.
 * `--` cannot occur in the key (it would end the comment early in HTML, `--!>` included), so
 * each `--` is split by a zero-width space; keys without one are unchanged.
 */
export function hiddenMarker(kind: string, key: string): string {
  return `<!-- ferry-${kind}:${oneLine(key, 500).replace(/--/g, '-\u200b-')} -->`;
}
