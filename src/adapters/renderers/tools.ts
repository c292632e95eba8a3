import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ConfigError } from '../../core/errors.js';
import { quoteForMessage } from '../../core/image.js';
import { checkToolVersion, type ToolName } from '../../core/tool-version.js';
import { rememberedVersion } from './version-cache.js';

const execFileAsync = promisify(execFile);

/** Where the user pointed ferry at a renderer (`--kustomize`, `--helm`); else env and PATH. */
export interface ToolPaths {
  kustomize?: string;
  helm?: string;
}

/** A renderer found and checked: how to run it, and what made the output (for annotations). */
export interface RenderTool {
  name: ToolName;
  /** The executable, and the arguments before the tool's own (`kubectl kustomize`). */
  command: string;
  prefix: string[];
  /**
   * `kustomize v5.8.1`, `helm v3.21.4`, `kubectl kustomize v5.5.0`, recorded with the output,
   * once the version check passed; it rejects when the tool is too old. The check runs while the
   * tool already renders (a helm process takes ~0.2 s to start): whoever uses the output awaits it.
   */
  label: Promise<string>;
}

/** The environment variable that names each tool, after the flag and before PATH. */
export const TOOL_ENV: Record<ToolName, string> = {
  kustomize: 'FERRY_KUSTOMIZE',
  helm: 'FERRY_HELM',
};

/** Asking a tool for its version must be quick; a hung binary is a fault, not a wait. */
const VERSION_TIMEOUT_MS = 30_000;

async function isExecutableFile(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** An executable by name on PATH (as a shell would find it), or undefined. */
async function onPath(name: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    if (await isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/** A path given by flag or variable: a file (relative to the working folder) or a name on PATH. */
async function named(value: string, what: string, env: NodeJS.ProcessEnv): Promise<string> {
  const found =
    value.includes('/') || isAbsolute(value)
      ? (await isExecutableFile(resolve(value)))
        ? resolve(value)
        : undefined
      : await onPath(value, env);
  if (!found) throw new ConfigError(`${what}: ${quoteForMessage(value)} is not an executable file`);
  return found;
}

/** What `command args` prints (a version), remembered per binary across runs. */
function printed(command: string, args: string[]): Promise<string> {
  return rememberedVersion(command, args, () => ask(command, args));
}

async function ask(command: string, args: string[]): Promise<string> {
  try {
    return (await execFileAsync(command, args, { timeout: VERSION_TIMEOUT_MS })).stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new ConfigError(
      `${command} ${args.join(' ')} failed: ${(e.stderr || e.message).trim().split('\n')[0]}`,
    );
  }
}

/** A tool whose version check has started; its rejection is handled when `label` is awaited. */
function started(name: ToolName, command: string, prefix: string[], check: Promise<string>) {
  check.catch(() => undefined);
  return { name, command, prefix, label: check };
}

function checked(name: ToolName, command: string): RenderTool {
  const args = name === 'helm' ? ['version', '--short'] : ['version'];
  const label = printed(command, args).then(
    (text) => `${name} ${checkToolVersion(name, text, command)}`,
  );
  return started(name, command, [], label);
}

/** kubectl's built-in kustomize (`kubectl kustomize`), with the kustomize version it embeds. */
function kubectlKustomize(kubectl: string): RenderTool {
  return started('kustomize', kubectl, ['kustomize'], embeddedKustomize(kubectl));
}

async function embeddedKustomize(kubectl: string): Promise<string> {
  const text = await printed(kubectl, ['version', '--client', '--output=json']);
  let embedded: unknown;
  try {
    embedded = (JSON.parse(text) as { kustomizeVersion?: unknown }).kustomizeVersion;
  } catch {
    embedded = undefined;
  }
  const version = checkToolVersion(
    'kustomize',
    typeof embedded === 'string' ? embedded : '',
    `${kubectl} kustomize`,
  );
  return `kubectl kustomize ${version}`;
}

const found = new Map<string, Promise<RenderTool>>();

/**
 * Finds a renderer: the flag (`--kustomize`/`--helm`), else `FERRY_KUSTOMIZE`/`FERRY_HELM`, else
 * `kustomize`/`helm` on PATH, else (kustomize only) `kubectl kustomize`. Missing is a ConfigError
 * naming where ferry looked; its version is checked against the minimum once per process, in
 * `label` (a ConfigError there when too old).
 */
export function findTool(
  name: ToolName,
  paths: ToolPaths = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<RenderTool> {
  const flag = paths[name];
  const variable = env[TOOL_ENV[name]];
  const key = `${name}\0${flag ?? ''}\0${variable ?? ''}\0${env.PATH ?? ''}`;
  let tool = found.get(key);
  if (!tool) {
    tool = locate(name, flag, variable, env);
    found.set(key, tool);
    // A failure is not remembered: the next call looks again (the user may fix PATH).
    const forget = () => found.delete(key);
    tool.then((t) => t.label.catch(forget), forget);
  }
  return tool;
}

async function locate(
  name: ToolName,
  flag: string | undefined,
  variable: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<RenderTool> {
  if (flag) return checked(name, await named(flag, `--${name}`, env));
  if (variable) return checked(name, await named(variable, TOOL_ENV[name], env));
  const direct = await onPath(name, env);
  if (direct) return checked(name, direct);
  const kubectl = name === 'kustomize' ? await onPath('kubectl', env) : undefined;
  if (kubectl) return kubectlKustomize(kubectl);
  const fallback = name === 'kustomize' ? ', `kubectl kustomize`' : '';
  throw new ConfigError(
    `${name}: not found (looked at --${name}, $${TOOL_ENV[name]}, \`${name}\` on PATH${fallback}); install it or point --${name} at it`,
  );
}
