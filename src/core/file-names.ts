import { createHash } from 'node:crypto';
import { ConfigError } from './errors.js';
import { describeObject, groupOf, identityOf, type RenderedManifest } from './manifest.js';

/**
 * The file each rendered object is written to (`render --out`, and the folder `propose`
 * commits). One object per file, so two objects sharing a name would silently lose one — and
 * an apply with prune would then delete it. The names are injective by construction:
 *
 * - `<kind>-<name>.yaml` (lowercase), the usual name, when no other object of the set gets the
 *   same one and it holds only lowercase letters, digits, '.' and '-' (what Kubernetes names use);
 * - otherwise `<kind>-<name>_<namespace>[_<group>].yaml`, each part percent-encoded (anything
 *   but lowercase letters, digits, '.' and '-' becomes `%xx`, '-' too in the kind), so it always
 *   holds a '_', which a usual name never does, and decodes to one identity;
 * - a name over {@link MAX_LENGTH} characters keeps its start and ends in `~` and a hash of the
 *   identity (a file name is at most 255 bytes).
 *
 * Kinds are lowercased (file systems that ignore case must not see two names as one), so two
 * kinds differing only in case could still meet: any name still shared is refused, naming both.
 */
export function manifestFileNames(manifests: RenderedManifest[]): string[] {
  const usual = manifests.map(({ object }) =>
    `${object.kind}-${object.metadata.name}`.toLowerCase(),
  );
  const count = new Map<string, number>();
  for (const name of usual) count.set(name, (count.get(name) ?? 0) + 1);
  const names = manifests.map(({ object }, i) => {
    const plain = PLAIN.test(usual[i]!) && count.get(usual[i]!) === 1;
    const namespace = object.metadata.namespace ?? '';
    const group = groupOf(object.apiVersion);
    const name = plain
      ? usual[i]!
      : `${encoded(object.kind.toLowerCase(), KIND_KEPT)}-${encoded(object.metadata.name)}` +
        `_${encoded(namespace)}${group ? `_${encoded(group)}` : ''}`;
    return `${shortened(name, identityOf(object))}.yaml`;
  });
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const first = seen.get(name);
    if (first !== undefined) {
      const [a, b] = [manifests[first]!, manifests[i]!];
      throw new ConfigError(
        `${b.source}: ${describeObject(b.object)} (${b.object.apiVersion}) and ${describeObject(a.object)} (${a.object.apiVersion}) in ${a.source} would both be written to ${name}; rename one`,
      );
    }
    seen.set(name, i);
  });
  return names;
}

/** A usual name's characters: neither '_', '%' nor '~', which mark the other forms. */
const PLAIN = /^[a-z0-9.-]+$/;
const KEPT = /[a-z0-9.-]/;
/** In the kind, '-' is encoded too: the first '-' of a qualified name ends the kind. */
const KIND_KEPT = /[a-z0-9.]/;
/** Longest file name before `.yaml`, in characters (every form is ASCII). */
const MAX_LENGTH = 200;

/** `part` with every byte but `kept` characters written as `%xx` (lowercase hex). */
function encoded(part: string, kept = KEPT): string {
  let out = '';
  for (const byte of Buffer.from(part, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && kept.test(char) ? char : `%${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

function shortened(name: string, identity: string): string {
  if (name.length <= MAX_LENGTH) return name;
  const hash = createHash('sha256').update(identity).digest('hex').slice(0, 16);
  return `${name.slice(0, MAX_LENGTH - 17)}~${hash}`;
}
