import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);

// src/core/proposal-text.ts
var BODY_LIMIT = 6e4;
var FOLD_DIFF_LINES = 50;
var SUMMARY_CAP = 50;
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
function imageLabel(image) {
  return image.tag || image.digest.slice(0, "sha256:".length + 12);
}
function proposalTitle(facts) {
  return `ferry: deploy ${facts.app} ${imageLabel(facts.image)} to ${facts.env}`;
}
function commitMessage(facts, headline = proposalTitle(facts), extra = []) {
  const lines = [`Image: ${oldImageText(facts)} -> ${facts.image.ref}`];
  if (facts.source.repo || facts.source.commit)
    lines.push(`Source: ${oneLine(`${facts.source.repo}@${facts.source.commit}`)}`);
  if (facts.source.runUrl) lines.push(`Run: ${oneLine(facts.source.runUrl, 500)}`);
  return { headline, body: [...lines, ...extra].join("\n") };
}
function oldImageText(facts) {
  if (facts.oldImages.length === 0) return "(none)";
  return facts.oldImages.slice(0, 5).map((image) => oneLine(image)).join(", ");
}
function summaryLines(summary) {
  const lines = [];
  const section = (word, names) => {
    for (const name of names.slice(0, SUMMARY_CAP)) lines.push(`- ${word} ${inlineCode(name)}`);
    if (names.length > SUMMARY_CAP)
      lines.push(`- \u2026 and ${names.length - SUMMARY_CAP} more ${word}`);
  };
  section("added", summary.added);
  section("changed", summary.changed);
  section("removed", summary.removed);
  return lines;
}
function diffBlock(diff, budget) {
  const longest = Math.max(0, ...(diff.match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  const lines = diff.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const wrap = (body, note2) => {
    const block = `${fence}diff
${body}${fence}
${note2}`;
    return lines.length > FOLD_DIFF_LINES ? `<details><summary>Rendered diff (${lines.length} lines)</summary>

${block}
</details>
` : `${block}
`;
  };
  const whole = wrap(`${lines.join("\n")}
`, "");
  if (whole.length <= budget) return whole;
  const room = budget - wrap("", "x".repeat(120)).length;
  let used = 0;
  let kept = 0;
  for (const line of lines) {
    if (used + line.length + 1 > room) break;
    used += line.length + 1;
    kept++;
  }
  const shown = lines.slice(0, kept).join("\n");
  const note = `
_Diff truncated to fit GitHub's body limit: ${lines.length - kept} more lines are in the commit._
`;
  return wrap(kept > 0 ? `${shown}
` : "", note);
}
function proposalBody(facts, extra = {}) {
  const parts = [];
  parts.push(extra.lead ?? `Deploys ${inlineCode(facts.app)} to ${inlineCode(facts.env)}.
`);
  const oldText = facts.oldImages.length === 0 ? "_none_" : facts.oldImages.slice(0, 5).map(inlineCode).join(", ");
  parts.push(`**Image:** ${oldText} \u2192 ${inlineCode(facts.image.ref)}
`);
  const { added, changed, removed } = facts.summary;
  parts.push(
    `**Objects:** ${added.length} added, ${changed.length} changed, ${removed.length} removed
`
  );
  const summary = summaryLines(facts.summary);
  if (summary.length > 0) parts.push(`${summary.join("\n")}
`);
  const links = [];
  if (facts.source.commit) {
    const label = `commit ${oneLine(facts.source.commit).slice(0, 12)}`;
    links.push(facts.sourceCommitUrl ? link(label, facts.sourceCommitUrl) : inlineCode(label));
  }
  if (facts.source.runUrl) links.push(link("CI run", facts.source.runUrl));
  if (links.length > 0) parts.push(`**Source:** ${links.join(" \xB7 ")}
`);
  parts.push(...extra.sections ?? []);
  const footer = `
<sub>Proposed by ferry for ${inlineCode(facts.path)}. Branch ${inlineCode(facts.branch)} is rewritten on every build (base + one commit); push changes to the templates instead.</sub>
`;
  const head = parts.join("\n");
  const budget = BODY_LIMIT - head.length - footer.length - 1;
  const diff = facts.diff === "" ? "_No file changes._\n" : diffBlock(facts.diff, budget);
  return `${head}
${diff}${footer}`;
}

export {
  BODY_LIMIT,
  FOLD_DIFF_LINES,
  oneLine,
  codeSpan,
  inlineCode,
  link,
  imageLabel,
  proposalTitle,
  commitMessage,
  proposalBody
};
//# sourceMappingURL=chunk-G5OAQKEL.js.map
