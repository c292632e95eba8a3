import yaml from 'js-yaml';
import { ConfigError } from './errors.js';

/**
 * What ferry reads of a Helm chart before templating it (issue 22): whether it is a local
 * folder, and whether every dependency its Chart.yaml declares is vendored in `charts/`, so a
 * render never reaches a repository unless allowRemote says so.
 */

/** A chart reference helm would fetch: `oci://…`, a URL, or `repo/name` from a repository. */
export function isRemoteChartReference(chart: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(chart);
}

/** One `dependencies:` entry of a Chart.yaml. */
export interface ChartDependency {
  name: string;
  version?: string;
  repository?: string;
}

/** A chart's name and declared dependencies, from its Chart.yaml text. */
export function parseChartFile(
  text: string,
  file: string,
): { name: string; dependencies: ChartDependency[] } {
  let data: unknown;
  try {
    data = yaml.load(text);
  } catch (error) {
    throw new ConfigError(`${file}: invalid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const chart = (data ?? {}) as { name?: unknown; dependencies?: unknown };
  if (typeof chart.name !== 'string' || chart.name === '')
    throw new ConfigError(`${file}: name is required (a Chart.yaml)`);
  const dependencies = Array.isArray(chart.dependencies) ? chart.dependencies : [];
  return {
    name: chart.name,
    dependencies: dependencies.map((d: unknown, i) => {
      const dep = (d ?? {}) as Record<string, unknown>;
      if (typeof dep.name !== 'string')
        throw new ConfigError(`${file}: dependencies[${i}].name is required`);
      return {
        name: dep.name,
        ...(typeof dep.version === 'string' ? { version: dep.version } : {}),
        ...(typeof dep.repository === 'string' ? { repository: dep.repository } : {}),
      };
    }),
  };
}

/**
 * The dependencies not vendored in `charts/`: `vendored` lists the chart names of its folders
 * and the file names of its archives (`redis-18.1.0.tgz`, as `helm dependency build` writes them).
 */
export function missingDependencies(
  dependencies: ChartDependency[],
  vendored: { folders: string[]; archives: string[] },
): ChartDependency[] {
  return dependencies.filter(
    (dep) =>
      !vendored.folders.includes(dep.name) &&
      !vendored.archives.some(
        (file) => file.startsWith(`${dep.name}-`) && /^\d/.test(file.slice(dep.name.length + 1)),
      ),
  );
}
