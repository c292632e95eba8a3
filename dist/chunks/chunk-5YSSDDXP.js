import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);

// src/core/markdown.ts
function oneLine(value, max = 200) {
  const flat = value.replace(/[\x00-\x1f\x7f\u2028\u2029\u0085]+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}\u2026` : flat;
}
function codeSpan(text, cell = false) {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") || text === "" ? " " : "";
  return `${fence}${pad}${cell ? text.replace(/\|/g, "\\|") : text}${pad}${fence}`;
}
function inlineCode(value) {
  return codeSpan(oneLine(value));
}
function link(label, url) {
  if (/^https?:\/\/[^\s<>()[\]`"']+$/.test(url)) return `[${label}](${url})`;
  return `${label} ${inlineCode(url)}`;
}
function hiddenMarker(kind, key) {
  return `<!-- ferry-${kind}:${oneLine(key, 500).replace(/--/g, "-\u200B-")} -->`;
}

export {
  oneLine,
  codeSpan,
  inlineCode,
  link,
  hiddenMarker
};
//# sourceMappingURL=chunk-5YSSDDXP.js.map
