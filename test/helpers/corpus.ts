import { readManifestDir } from '../../src/adapters/files.js';
import type { KubeObject } from '../../src/core/manifest.js';

/** One project's published manifests from test/fixtures/real, moved into this run's namespaces. */
export interface CorpusSet {
  objects: KubeObject[];
  /** This run's name for each upstream namespace (`monitoring` → `monitoring-1a2b3c`). */
  namespace: (upstream: string) => string;
  /** Namespaces the objects use that the set does not declare itself: the test creates them. */
  undeclared: string[];
}

interface Subject {
  kind?: string;
  namespace?: string;
}

/**
 * Reads a corpus set as ferry reads a folder, and gives every namespace it names (objects,
 * RBAC subjects, Namespace objects, and `home` for objects naming none) a per-run suffix, so
 * runs and other tests never share a namespace. Cluster-scoped objects keep their upstream names:
 * CRD names are fixed by their group, and no other test uses these projects' names.
 */
export async function loadCorpusSet(
  folder: string,
  home: string,
  suffix: string,
): Promise<CorpusSet> {
  const namespace = (upstream: string): string => `${upstream}-${suffix}`;
  const used = new Set<string>([namespace(home)]);
  const declared = new Set<string>();
  const objects = (await readManifestDir(`test/fixtures/real/${folder}`)).map(({ object }) => {
    const o = structuredClone(object);
    if (o.kind === 'Namespace' && o.apiVersion === 'v1') {
      o.metadata.name = namespace(o.metadata.name);
      declared.add(o.metadata.name);
    }
    if (o.metadata.namespace) {
      o.metadata.namespace = namespace(o.metadata.namespace);
      used.add(o.metadata.namespace);
    }
    for (const subject of ((o as { subjects?: Subject[] }).subjects ?? []).filter(
      (s) => s.namespace,
    )) {
      subject.namespace = namespace(subject.namespace!);
      used.add(subject.namespace);
    }
    return o;
  });
  return { objects, namespace, undeclared: [...used].filter((n) => !declared.has(n)) };
}
