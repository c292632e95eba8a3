import type { KubeObject } from '../../core/manifest.js';
import type { KubeClient } from './client.js';
import type { ResourceInfo } from './discovery.js';
import { listObjects } from './objects.js';

/** What was listed of one kind: everywhere, or in some namespaces. */
interface Listed {
  scope: '*' | Set<string>;
  items: Promise<KubeObject[]>;
}

/**
 * LISTs made once for several sets (`drift --all`): each kind is listed unfiltered, once, in
 * every namespace the sets use (or cluster-wide past a few namespaces), and each set's reads
 * are answered from it by namespace and label. A read it cannot answer goes to the server.
 */
export class ListCache {
  private readonly listed = new Map<string, Listed>();

  constructor(private readonly client: KubeClient) {}

  /** Lists `info` in `namespaces`, or cluster-wide with `'*'` (cluster-scoped kinds always). */
  prefetch(info: ResourceInfo, namespaces: '*' | Set<string>): void {
    const key = keyOf(info);
    if (this.listed.has(key)) return;
    const everywhere = !info.namespaced || namespaces === '*';
    const items = everywhere
      ? listObjects(this.client, info, '')
      : Promise.all([...namespaces].map((ns) => listObjects(this.client, info, '', ns))).then(
          (lists) => lists.flat(),
        );
    // A failed LIST is reported by the read that needs it, not as an unhandled rejection here.
    items.catch(() => undefined);
    this.listed.set(key, { scope: everywhere ? '*' : namespaces, items });
  }

  /** The objects a LIST of `info` (in `namespace`, by `selector`) would return, if listed. */
  lookup(
    info: ResourceInfo,
    selector: string,
    namespace?: string,
  ): Promise<KubeObject[]> | undefined {
    const listed = this.listed.get(keyOf(info));
    const match = matcher(selector);
    if (!listed || !match) return undefined;
    if (listed.scope !== '*' && (namespace === undefined || !listed.scope.has(namespace)))
      return undefined;
    return listed.items.then((items) =>
      items.filter(
        (o) =>
          (namespace === undefined || !info.namespaced || o.metadata.namespace === namespace) &&
          match(o),
      ),
    );
  }
}

const keyOf = (info: ResourceInfo): string => `${info.group}/${info.kind}`;

/** A test for the selectors ferry uses: none, or one `key=value`; undefined for any other. */
function matcher(selector: string): ((o: KubeObject) => boolean) | undefined {
  if (selector === '') return () => true;
  const equality = /^([^=!,\s]+)=([^=!,\s]*)$/.exec(selector);
  if (!equality) return undefined;
  const [, key, value] = equality as unknown as [string, string, string];
  return (o) => o.metadata.labels?.[key] === value;
}
