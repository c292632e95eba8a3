import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  commitMessage,
  explainRefusal,
  imageLabel,
  openGitHubRepo,
  openGitHubWorkspace,
  proposalBody
} from "./chunk-ZZK6WDHD.js";
import {
  SET_DESCRIPTOR
} from "./chunk-CCTWZ5ZG.js";
import {
  EnvRepoWorkspace,
  openGitLabProject,
  openGitLabWorkspace
} from "./chunk-ZVU72A6I.js";
import {
  inlineCode,
  oneLine
} from "./chunk-JFNBL6FX.js";

// src/core/promotion-text.ts
function cell(markdown) {
  return markdown.replace(/\|/g, "\\|");
}
function gateTable(gates) {
  const rows = gates.map((gate) => {
    const result = gate.passed ? "\u2705 passed" : "\u274C failed";
    const detail = [gate.detail, gate.value].filter((part) => part !== void 0).map(inlineCode);
    return `| ${gate.gate} | ${result} | ${cell(detail.join(" "))} |`;
  });
  return ["| gate | result | detail |", "| --- | --- | --- |", ...rows].join("\n");
}
function promotionTitle(facts, from) {
  return `ferry: promote ${facts.app} ${imageLabel(facts.image)} from ${from} to ${facts.env}`;
}
function promotionText(facts, promotion) {
  const failed = promotion.gates.filter((gate) => !gate.passed).length;
  const lead = [];
  if (promotion.forced) {
    lead.push(
      "> [!WARNING]",
      `> **Promoted with \`--force\`: the gates were not enforced** (${failed} of ${promotion.gates.length} failed, see below).`,
      ""
    );
  }
  lead.push(
    `Promotes ${inlineCode(facts.app)} from ${inlineCode(promotion.from)} to ${inlineCode(facts.env)}: the image ${inlineCode(promotion.from)} runs, rendered with the values of ${inlineCode(facts.env)}.
`
  );
  const from = `**From:** ${inlineCode(promotion.sourcePath)} on ${inlineCode(promotion.sourceBranch)} at ${inlineCode(promotion.sourceCommit)} (environment repo)
`;
  const gates = `**Gates**${promotion.forced ? " (not enforced: `--force`)" : ""}:

${gateTable(promotion.gates)}
`;
  const title = promotionTitle(facts, promotion.from);
  const verdict = promotion.forced ? `forced (${failed} failed)` : "passed";
  return {
    title,
    body: proposalBody(facts, { lead: lead.join("\n"), sections: [from, gates] }),
    message: commitMessage(facts, title, [
      `Promoted-from: ${promotion.from} ${promotion.sourceCommit}`,
      `Gates: ${verdict}`
    ])
  };
}
function rollbackTitle(facts) {
  return `ferry: roll back ${facts.app} in ${facts.env} to ${imageLabel(facts.image)}`;
}
function rollbackText(facts, rollback) {
  const lead = `Rolls back ${inlineCode(facts.app)} in ${inlineCode(facts.env)}: ${inlineCode(facts.path)} becomes exactly what it was at commit ${inlineCode(rollback.revision)} (${rollback.chosenBy})` + (rollback.descriptorReplaced ? `, except its set descriptor ${inlineCode(SET_DESCRIPTOR)}, written from ferry.yaml as it is now.
` : ".\n");
  const reason = `**Reason:** ${inlineCode(rollback.reason)}
`;
  const commits = `**Commits:** last change ${rollback.current ? inlineCode(rollback.current) : "_none_"} \u2192 restored from ${inlineCode(rollback.revision)}
`;
  const pin = `**Pin:** this pull request also writes ${inlineCode(rollback.pinPath)}, pinning ${inlineCode(facts.image.ref)}. While that file exists, \`ferry propose\` and \`ferry promote\` refuse any other image for ${inlineCode(facts.app)} in ${inlineCode(facts.env)}. **To unpin**, delete the file in a pull request.
`;
  const title = rollbackTitle(facts);
  return {
    title,
    body: proposalBody(facts, { lead, sections: [reason, commits, pin] }),
    message: commitMessage(facts, title, [
      `Reason: ${oneLine(rollback.reason)}`,
      `Rolled-back-to: ${rollback.revision}`,
      `Pin: ${rollback.pinPath}`
    ])
  };
}

// src/commands/env-repo/reader.ts
async function withEnvRepo(target, session, read) {
  let reader;
  let hint = "";
  if (target.forge === "github") {
    const { github, access } = openGitHubRepo(target.repo, session);
    const { workspace, cloneUrl } = await openGitHubWorkspace(github, access, false);
    hint = access.hint;
    reader = { workspace, remote: cloneUrl, github, gitlab: void 0 };
  } else if (target.forge === "gitlab") {
    const { project, token } = openGitLabProject(target.repo, session);
    const { workspace, cloneUrl } = await openGitLabWorkspace(project, token, false);
    reader = { workspace, remote: cloneUrl, github: void 0, gitlab: project };
  } else {
    const workspace = await EnvRepoWorkspace.open();
    reader = { workspace, remote: target.repo, github: void 0, gitlab: void 0 };
  }
  try {
    return await read(reader);
  } catch (error) {
    throw explainRefusal(error, hint);
  } finally {
    await reader.workspace.close();
  }
}

export {
  promotionText,
  rollbackText,
  withEnvRepo
};
//# sourceMappingURL=chunk-QYTHMUPL.js.map
