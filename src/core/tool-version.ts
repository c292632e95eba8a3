import { ConfigError } from './errors.js';

/**
 * The renderers ferry runs and the oldest version of each it accepts (issue 22): kustomize 5
 * (components, `patches:` and `labels:` as today's layouts use them) and helm 3.14 (or 4).
 */
export const MINIMUM_VERSIONS = { kustomize: [5, 0], helm: [3, 14] } as const;
export type ToolName = keyof typeof MINIMUM_VERSIONS;

/** `v5.8.1`, `kustomize/v4.5.7`, `v3.21` (helm built without release flags): the numbers. */
export function parseToolVersion(text: string): number[] | undefined {
  const match = /v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  if (!match) return undefined;
  return match
    .slice(1)
    .filter((part) => part !== undefined)
    .map(Number);
}

/** `v5.8.1` from whatever the tool printed; a ConfigError when it is older than the minimum. */
export function checkToolVersion(name: ToolName, printed: string, where: string): string {
  const version = parseToolVersion(printed);
  const minimum = MINIMUM_VERSIONS[name];
  if (!version)
    throw new ConfigError(
      `${where}: cannot tell its version from ${JSON.stringify(printed.trim().slice(0, 80))}; ferry needs ${name} ${minimum.join('.')} or newer`,
    );
  const [major = 0, minor = 0] = version;
  if (major < minimum[0] || (major === minimum[0] && minor < minimum[1]))
    throw new ConfigError(
      `${where}: ${name} v${version.join('.')} is older than ${minimum.join('.')}, the oldest ferry supports`,
    );
  return `v${version.join('.')}`;
}
