import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  GIT_STALL_SECONDS
} from "./chunk-A3ITCGRW.js";
import {
  OperationError
} from "./chunk-PTXPLBH2.js";

// src/adapters/git-runner.ts
import { spawn } from "node:child_process";
var LEAKING = [
  "GIT_DIR",
  "GIT_WORK_TREE",
  "GIT_INDEX_FILE",
  "GIT_OBJECT_DIRECTORY",
  "GIT_NAMESPACE"
];
var GitRunner = class {
  constructor(config) {
    this.config = config;
  }
  config;
  /** Runs git; a failure is one OperationError line: the subcommand and git's first error. */
  run(args, options = {}, label = args[0] ?? "git") {
    const env = this.env(options.env ?? {});
    const ok = options.okExitCodes ?? [];
    return new Promise((resolve, reject) => {
      const child = spawn("git", args, { env, shell: false, stdio: ["pipe", "pipe", "pipe"] });
      const stdout = [];
      const stderr = [];
      child.stdout.on("data", (chunk) => stdout.push(chunk));
      child.stderr.on("data", (chunk) => stderr.push(chunk));
      child.stdin.on("error", () => void 0);
      child.stdin.end(options.input ?? "");
      child.once(
        "error",
        (error) => reject(new OperationError(`cannot run git: ${error.message}`))
      );
      child.once("close", (code) => {
        const output = {
          stdout: Buffer.concat(stdout),
          stderr: Buffer.concat(stderr).toString("utf8"),
          code: code ?? -1
        };
        if (output.code === 0 || ok.includes(output.code)) resolve(output);
        else reject(new OperationError(`git ${label} failed: ${firstError(output.stderr)}`));
      });
    });
  }
  /** Runs git and returns stdout as text (with stderr appended when the exit code was allowed). */
  async text(args, options = {}, label) {
    const output = await this.run(args, options, label);
    return output.stdout.toString("utf8") + (output.code === 0 ? "" : output.stderr);
  }
  env(extra) {
    const env = { ...process.env };
    for (const name of LEAKING) delete env[name];
    const first = Number(env.GIT_CONFIG_COUNT ?? 0) || 0;
    this.config.forEach(([key, value], i) => {
      env[`GIT_CONFIG_KEY_${first + i}`] = key;
      env[`GIT_CONFIG_VALUE_${first + i}`] = value;
    });
    return {
      ...env,
      GIT_CONFIG_COUNT: String(first + this.config.length),
      GIT_TERMINAL_PROMPT: "0",
      // Paths are data, never pathspec magic; only transports that cannot run commands.
      GIT_LITERAL_PATHSPECS: "1",
      GIT_ALLOW_PROTOCOL: "file:git:http:https:ssh",
      // A remote that stops sending (under 1 byte/s for a minute) aborts instead of hanging.
      GIT_HTTP_LOW_SPEED_LIMIT: "1",
      GIT_HTTP_LOW_SPEED_TIME: String(GIT_STALL_SECONDS),
      LC_ALL: "C",
      ...extra
    };
  }
};
function firstError(text) {
  const lines = text.split("\n").map((line) => line.trim()).filter(Boolean);
  return lines.find((line) => /^(fatal|error):/.test(line)) ?? lines.pop() ?? "no output";
}
function parseCatBatch(output, count) {
  const objects = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const newline = output.indexOf(10, offset);
    const header = output.subarray(offset, newline).toString("latin1");
    if (header.endsWith(" missing")) {
      objects.push({ type: "missing", content: Buffer.alloc(0) });
      offset = newline + 1;
      continue;
    }
    const [, type = "", size] = header.split(" ");
    const length = Number(size);
    objects.push({ type, content: output.subarray(newline + 1, newline + 1 + length) });
    offset = newline + 1 + length + 1;
  }
  return objects;
}

export {
  GitRunner,
  firstError,
  parseCatBatch
};
//# sourceMappingURL=chunk-ITHYXCSM.js.map
