import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ConfigError } from '../../core/errors.js';
import { quoteForMessage } from '../../core/image.js';
import { checkToolVersion, type ToolName } from '../../core/tool-version.js';

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
  /** `kustomize v5.8.1`, `helm v3.21.4`, `kubectl kustomize v5.5.0`: recorded with the output. */
  label: string;
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

async function printed(command: string, args: string[]): Promise<string> {
  try {
    return (await execFileAsync(command, args, { timeout: VERSION_TIMEOUT_MS })).stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new ConfigError(
      `${command} ${args.join(' ')} failed: ${(e.stderr || e.message).trim().split('\n')[0]}`,
    );
  }
}

async function checked(name: ToolName, command: string): Promise<RenderTool> {
  const args = name === 'helm' ? ['version', '--short'] : ['version'];
  const version = checkToolVersion(name, await printed(command, args), command);
  return { name, command, prefix: [], label: `${name} ${version}` };
}

/** kubectl's built-in kustomize (`kubectl kustomize`), with the kustomize version it embeds. */
async function kubectlKustomize(kubectl: string): Promise<RenderTool> {
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
  return {
    name: 'kustomize',
    command: kubectl,
    prefix: ['kustomize'],
    label: `kubectl kustomize ${version}`,
  };
}

const found = new Map<string, Promise<RenderTool>>();

/**
 * Finds a renderer: the flag (`--kustomize`/`--helm`), else `FERRY_KUSTOMIZE`/`FERRY_HELM`, else
 * `kustomize`/`helm` on PATH, else (kustomize only) `kubectl kustomize`. Its version is checked
 * against the minimum once per process. Missing or too old is a ConfigError naming where ferry looked.
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
    tool.catch(() => found.delete(key));
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
