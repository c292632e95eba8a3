import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  PROMOTE_OPTIONS,
  PROPOSE_OPTIONS,
  RBAC_OPTIONS,
  RENDER_OPTIONS,
  ROLLBACK_OPTIONS,
  promoteOptions,
  proposeOptions,
  rbacTarget,
  renderOptions,
  rollbackOptions
} from "./chunk-O7QCCBWY.js";
import {
  ExitCode,
  actionsLogger,
  debug,
  error,
  getInput,
  group,
  maskSecret,
  missingForReport,
  prepareKubeconfig,
  removeWrittenKubeconfigs,
  reportTarget,
  runSets,
  runStatus,
  setFailed,
  setOutput,
  summary,
  warnIfNoApplyStatus,
  warning
} from "./chunk-DU7PIVZW.js";
import {
  SETS_OPTIONS,
  STATUS_OPTIONS
} from "./chunk-N3NQF2C4.js";
import {
  APPLY_OPTIONS,
  DRIFT_OPTIONS,
  PLAN_OPTIONS,
  applyOptions,
  camel,
  driftOptions,
  inputName,
  onSurface,
  planOptions,
  targetOf
} from "./chunk-MHJXH2NR.js";
import "./chunk-QQCDGRNY.js";
import "./chunk-4RQ5ZEE3.js";
import "./chunk-YHGA4ZUM.js";
import "./chunk-7IX7M2A5.js";
import "./chunk-4IAPO6EM.js";
import {
  ciPullRequest
} from "./chunk-6XDKMX4Y.js";
import {
  ACTION_TOKEN_VARIABLE,
  TOKEN_VARIABLES,
  redactSecrets
} from "./chunk-HIFOT27K.js";
import {
  render
} from "./chunk-3T5PNWXG.js";
import {
  detectSource,
  runnerTemp
} from "./chunk-WGHDBBKB.js";
import "./chunk-X4656V3V.js";
import "./chunk-4NID7SJK.js";
import "./chunk-FLLOJKTZ.js";
import "./chunk-L7SMPO5I.js";
import "./chunk-A4S5FLSL.js";
import "./chunk-42HGEZZQ.js";
import "./chunk-ZK6YC5J5.js";
import "./chunk-7YCPZVIH.js";
import "./chunk-BUYXP5QT.js";
import "./chunk-PSGNFUS3.js";
import "./chunk-WH76CAUT.js";
import "./chunk-QYBJ5BVV.js";
import {
  applyTraceAnnotations
} from "./chunk-M2WY2DRM.js";
import "./chunk-XIPL23AO.js";
import "./chunk-I5IJWC2A.js";
import "./chunk-HWJ62L7M.js";
import "./chunk-IZAVEBCE.js";
import {
  ConfigError,
  FerryError,
  OperationError,
  messageOf
} from "./chunk-PTXPLBH2.js";
import {
  codeSpan,
  inlineCode,
  link,
  oneLine
} from "./chunk-JFNBL6FX.js";
import "./chunk-JQ6NJE4M.js";

// src/action/main.ts
import { existsSync } from "node:fs";
import { dirname, join as join2 } from "node:path";

// src/action/commands.ts
import { join } from "node:path";

// src/core/job-summary.ts
function renderSummary(facts) {
  const items = facts.objects.map((object) => `- ${inlineCode(object)}`);
  return [
    `### ferry render: ${oneLine(facts.environment)}`,
    "",
    `Image ${inlineCode(facts.image)}, ${facts.objects.length} objects`,
    "",
    ...items,
    ""
  ].join("\n");
}
function proposalSummary(command, facts) {
  const where = facts.pullRequest ? link(`#${facts.pullRequest.number}`, facts.pullRequest.url) : `branch ${inlineCode(facts.branch)}`;
  const lines = [
    `### ferry ${command}: ${facts.operation}${facts.dryRun ? " (dry run)" : ""}`,
    "",
    `${oneLine(facts.title)} \u2014 ${where}`,
    ""
  ];
  if (facts.dryRun) lines.push(facts.body.trimEnd(), "");
  return lines.join("\n");
}

// src/action/commands.ts
function defaultRenderOut(env = process.env) {
  return join(runnerTemp(env), "ferry", "rendered");
}
async function runRender({ values }) {
  const out = values.out ?? defaultRenderOut();
  const result = await group(
    "ferry render",
    () => render({ ...renderOptions(values), out }, actionsLogger)
  );
  setOutput("out", out);
  setOutput("files", JSON.stringify(result.files));
  setOutput("objects", result.objects.length);
  setOutput("image", result.image.ref);
  await summary.addRaw(
    renderSummary({
      environment: result.environment.name,
      image: result.image.ref,
      objects: result.objects
    })
  ).write();
}
function tokenEnv(token) {
  return token ? { ...process.env, [ACTION_TOKEN_VARIABLE]: token } : process.env;
}
async function publishProposals(command, results) {
  const output = (name, value) => setOutput(name, results.map((result) => value(result) ?? "").join(","));
  output("operation", (result) => result.operation);
  output("pr-number", (result) => result.pullRequest?.number);
  output("pr-url", (result) => result.pullRequest?.url);
  output("head-sha", (result) => result.headSha);
  output("branch", (result) => result.branch);
  for (const result of results)
    summary.addRaw(redactSecrets(proposalSummary(command, result)));
  await summary.write();
}
async function runPropose({ values }) {
  const { propose } = await import("./propose-5YD66TO5.js");
  const env = tokenEnv(values.token);
  const result = await group(
    "ferry propose",
    () => propose(proposeOptions(values), actionsLogger, { env })
  );
  await publishProposals("propose", [result]);
}
async function runPromote({ values }) {
  const { promote } = await import("./promote-RNAA2RM5.js");
  const env = tokenEnv(values.token);
  const result = await group(
    "ferry promote",
    () => promote(promoteOptions(values), actionsLogger, { env })
  );
  const done = result.promotions.filter((promotion) => promotion.error === void 0);
  await publishProposals("promote", done);
  const failed = result.promotions.filter((promotion) => promotion.error !== void 0);
  if (failed.length > 0) {
    const reasons = failed.map((promotion) => `${promotion.to}: ${promotion.error}`);
    throw new OperationError(`promotion failed for ${reasons.join("; ")}`);
  }
}
async function runRollback({ values }) {
  const { rollback } = await import("./rollback-7WXOJ2H2.js");
  const env = tokenEnv(values.token);
  const result = await group(
    "ferry rollback",
    () => rollback(rollbackOptions(values), actionsLogger, { env })
  );
  await publishProposals("rollback", [result]);
}

// src/action/run-apply.ts
async function runApply({ values }) {
  const what = targetOf(values, (option) => `input ${option}`);
  if (what.kind === "sets") {
    const { runApplySets } = await import("./run-sets-ET4SRX3H.js");
    return runApplySets(values, what);
  }
  const { apply } = await import("./apply-ESJGL5AP.js");
  const { ACTIONS, ApplyFailure, formatMarkdown } = await import("./apply-report-DTTT46KL.js");
  const { reportApplyStatus } = await import("./apply-status-UIABB6N2.js");
  const { JOB_SUMMARY_LIMIT } = await import("./fold-SDQVVC4R.js");
  const kubeconfig = await prepareKubeconfig(values.kubeconfig);
  const source = detectSource(process.env);
  const target = reportTarget(values);
  warnIfNoApplyStatus(values, target);
  const publish = async (report, error2) => {
    for (const action of ACTIONS) setOutput(action, report.counts[action]);
    setOutput("restored", report.counts.restored);
    setOutput("report", redactSecrets(JSON.stringify(report)));
    const summary2 = formatMarkdown(report, { limit: JOB_SUMMARY_LIMIT });
    await summary.addRaw(redactSecrets(summary2)).write();
    if (target?.statusSha) {
      const status = {
        ...target,
        sha: target.statusSha,
        cluster: values.cluster,
        runUrl: source.runUrl || void 0
      };
      await reportApplyStatus(status, report, error2, actionsLogger);
    }
  };
  try {
    const report = await apply(
      { ...applyOptions(values, what), kubeconfig, annotations: applyTraceAnnotations(source) },
      actionsLogger
    );
    await publish(report);
  } catch (error2) {
    if (error2 instanceof ApplyFailure) await publish(error2.report, error2);
    throw error2;
  }
}

// src/action/run-drift.ts
async function runDrift({ values }) {
  const what = targetOf(values, (option) => `input ${option}`);
  const { drift } = await import("./drift-73GAII4Z.js");
  const { driftStatusLine, formatDriftMarkdown } = await import("./drift-report-DWXJ6CVH.js");
  const { DriftAlertFailure } = await import("./drift-NNWAITRE.js");
  const { JOB_SUMMARY_LIMIT } = await import("./fold-SDQVVC4R.js");
  const kubeconfig = await prepareKubeconfig(values.kubeconfig);
  const forge = reportTarget(values);
  const wantsGitHub = values.alertIssue || values.commitStatus;
  if (wantsGitHub && !forge)
    warning(
      `input ${values.alertIssue ? "alert-issue" : "commit-status"}: cannot post to GitHub: ${missingForReport(values, Boolean(values.commitStatus))}`
    );
  const github = wantsGitHub && forge ? { github: { ...forge, issue: values.alertIssue } } : {};
  const alerts = Object.keys(github).length > 0 || values.webhookUrl ? {
    cluster: values.cluster,
    runUrl: detectSource(process.env).runUrl || void 0,
    ...github,
    ...values.webhookUrl ? { webhookUrl: values.webhookUrl } : {}
  } : void 0;
  if (what.kind === "sets") {
    const { runDriftSets } = await import("./run-sets-ET4SRX3H.js");
    return runDriftSets(values, what, alerts);
  }
  const publish = async (report2) => {
    setOutput("drifted", String(!report2.clean));
    for (const kind of ["drifted", "missing", "extra"]) {
      setOutput(`${kind}-objects`, report2.counts[kind]);
    }
    setOutput("report", redactSecrets(JSON.stringify(report2)));
    const summary2 = formatDriftMarkdown(report2, {
      cluster: values.cluster,
      limit: JOB_SUMMARY_LIMIT,
      whole: "the `report` output holds every field"
    });
    await summary.addRaw(redactSecrets(summary2)).write();
  };
  const report = await group(
    "ferry drift",
    () => drift({ ...driftOptions(values, what), kubeconfig, alerts }, actionsLogger)
  ).catch(async (error2) => {
    if (error2 instanceof DriftAlertFailure) await publish(error2.report);
    throw error2;
  });
  await publish(report);
  if (!report.clean && values.failOnDrift)
    setFailed(`drift detected: ${driftStatusLine(report)}`);
}

// src/action/run-plan.ts
async function runPlan({ values }) {
  const what = targetOf(values, (option) => `input ${option}`);
  if (what.kind === "sets") {
    const { runPlanSets } = await import("./run-sets-ET4SRX3H.js");
    return runPlanSets(values, what);
  }
  const { planAndPublish } = await import("./plan-publish-6NWXFCSX.js");
  const { formatPlanMarkdown } = await import("./plan-markdown-UKSHX3SF.js");
  const { JOB_SUMMARY_LIMIT } = await import("./fold-SDQVVC4R.js");
  const kubeconfig = await prepareKubeconfig(values.kubeconfig);
  const ci = await ciPullRequest(process.env);
  const number = values.pullRequest ?? ci.number;
  if (values.comment && number === void 0)
    throw new ConfigError("input comment needs a pull_request event or input pull-request");
  const target = reportTarget(values);
  if ((values.comment || values.commitStatus) && !target)
    throw new ConfigError(
      `input ${values.comment ? "comment" : "commit-status"}: cannot post to GitHub: ${missingForReport(values, false)}`
    );
  const statusSha = values.commitStatus ? ci.headSha ?? target?.statusSha : void 0;
  const runUrl = detectSource(process.env).runUrl || void 0;
  const { report, comment } = await group(
    "ferry plan",
    () => planAndPublish(
      { ...planOptions(values, what), kubeconfig },
      {
        ...target ? { target } : {},
        ...values.comment && number !== void 0 ? { comment: { number, runUrl } } : {},
        ...statusSha ? { statusSha } : {},
        runUrl
      },
      actionsLogger
    )
  );
  setOutput("created", report.counts.created);
  setOutput("changed", report.counts.changed);
  setOutput("unchanged", report.counts.unchanged);
  setOutput("pruned", report.counts.pruned);
  setOutput("comment-url", comment?.url ?? "");
  setOutput("report", JSON.stringify(report));
  await summary.addRaw(
    formatPlanMarkdown(report, {
      named: true,
      limit: JOB_SUMMARY_LIMIT,
      whole: "the `report` output holds the whole plan"
    })
  ).write();
  if (report.counts.rejected > 0)
    setFailed(`the server rejects ${report.counts.rejected} object(s); merging would fail`);
}

// src/action/run-rbac.ts
async function runRbac({ values }) {
  const { rbac } = await import("./rbac-MG7AZY3P.js");
  const kubeconfig = await prepareKubeconfig(values.kubeconfig);
  const result = await group(
    "ferry rbac",
    () => rbac({ ...rbacTarget(values, (option) => `input ${option}`), kubeconfig }, actionsLogger)
  );
  setOutput("rbac", result.yaml);
  await summary.addRaw(
    `### ferry rbac for ${values.inventory !== void 0 ? codeSpan(values.inventory) : `the sets of cluster ${codeSpan(values.cluster)}`}

`
  ).addRaw(`Review, then apply once as an admin: ${codeSpan("kubectl apply -f rbac.yaml")}

`).addRaw(`\`\`\`\`yaml
${result.yaml}\`\`\`\`
`).write();
}

// src/options/commands.ts
var COMMAND_OPTIONS = {
  render: RENDER_OPTIONS,
  propose: PROPOSE_OPTIONS,
  promote: PROMOTE_OPTIONS,
  rollback: ROLLBACK_OPTIONS,
  apply: APPLY_OPTIONS,
  plan: PLAN_OPTIONS,
  drift: DRIFT_OPTIONS,
  sets: SETS_OPTIONS,
  status: STATUS_OPTIONS,
  rbac: RBAC_OPTIONS
};
var COMMAND_NAMES = Object.keys(COMMAND_OPTIONS);

// src/action/inputs.ts
function readInputs(command, specs) {
  const values = {};
  for (const spec of onSurface(specs, "action")) {
    const name = inputName(spec);
    const text = getInput(name);
    if (spec.secret) maskSecret(text);
    let value;
    if (text !== "") value = spec.parse(text, `input ${name}`);
    else if (spec.required)
      throw new ConfigError(`input ${name} is required for command ${command}`);
    else value = (spec.inputFallback ?? spec.fallback)?.value;
    values[camel(spec.name)] = value;
  }
  return values;
}

// src/action/settings.ts
var ACTION_COMMANDS = COMMAND_NAMES;
function readSettings() {
  const command = getInput("command", { required: true });
  if (!ACTION_COMMANDS.includes(command))
    throw new ConfigError(
      `input command: "${command}" is not one of ${ACTION_COMMANDS.join(", ")}`
    );
  const name = command;
  return { command: name, values: readInputs(name, COMMAND_OPTIONS[name]) };
}

// src/action/main.ts
async function run() {
  let configDir = ".";
  try {
    for (const name of TOKEN_VARIABLES) maskSecret(process.env[name]);
    const settings = readSettings();
    if ("config" in settings.values) configDir = dirname(settings.values.config);
    if (settings.command === "render") await runRender(settings);
    else if (settings.command === "propose") await runPropose(settings);
    else if (settings.command === "apply") await runApply(settings);
    else if (settings.command === "plan") await runPlan(settings);
    else if (settings.command === "promote") await runPromote(settings);
    else if (settings.command === "rollback") await runRollback(settings);
    else if (settings.command === "sets") await runSets(settings);
    else if (settings.command === "status") await runStatus(settings);
    else if (settings.command === "rbac") await runRbac(settings);
    else await runDrift(settings);
  } catch (error2) {
    fail(error2, configDir);
  } finally {
    await removeWrittenKubeconfigs();
  }
}
function fail(error2, configDir = ".") {
  const message = redactSecrets(messageOf(error2));
  if (error2 instanceof Error && !(error2 instanceof FerryError) && error2.stack)
    debug(redactSecrets(error2.stack));
  const at = /^([^\s:]+\.(?:ya?ml|hbs|json)):(\d+): /.exec(message);
  const file = at && (existsSync(at[1]) ? at[1] : join2(configDir, at[1]));
  error(message, file ? { file, startLine: Number(at[2]) } : {});
  process.exitCode = ExitCode.Failure;
}
export {
  fail,
  run
};
//# sourceMappingURL=main-EIR74TQ7.js.map
