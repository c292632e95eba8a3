import yaml from 'js-yaml';

/**
 * The pin `ferry rollback` leaves for an app and environment: while it is in the environment
 * repo, `ferry propose` and `ferry promote` refuse to deploy any image but the pinned one there,
 * so the next build cannot undo the rollback unseen. Unpinning is deleting the file, reviewed
 * like any other change.
 */

/**
 * Where the pin lives in the environment repo: outside the environment's folder (which every
 * proposal replaces wholesale), in a dot-folder (which `ferry apply` and `ferry drift` never
 * read as manifests, even when pointed at the repository root).
 */
export function pinPath(app: string, env: string): string {
  return `.ferry/pins/${app}/${env}.yaml`;
}

/** What a pin records. */
export interface Pin {
  app: string;
  environment: string;
  /** The one image that may be deployed while pinned. */
  image: string;
  /** The env-repo commit whose folder the rollback restored. */
  revision: string;
  reason: string;
  /** Who and when (from CI variables) and the run: not compared, so a rerun is the same pin. */
  pinnedBy: string;
  pinnedAt: string;
  runUrl: string;
}

/** The pin file: a comment that says how to unpin, then the fields as YAML. */
export function pinText(pin: Pin): string {
  const header = [
    `# Pinned by ferry rollback. While this file exists, ferry propose and ferry promote refuse`,
    `# to deploy any image other than \`image\` to ${pin.app} in ${pin.environment}.`,
    `# To unpin, delete this file in a pull request.`,
  ];
  return `${header.join('\n')}\n${yaml.dump(pin, { lineWidth: -1 })}`;
}

/** Reads a pin file; fields that are missing or not strings read as ''. */
export function parsePin(text: string): Partial<Pin> | undefined {
  let data: unknown;
  try {
    data = yaml.load(text, { schema: yaml.JSON_SCHEMA });
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const fields = data as Record<string, unknown>;
  const field = (key: keyof Pin) => (typeof fields[key] === 'string' ? fields[key] : '');
  return {
    app: field('app'),
    environment: field('environment'),
    image: field('image'),
    revision: field('revision'),
    reason: field('reason'),
    pinnedBy: field('pinnedBy'),
    pinnedAt: field('pinnedAt'),
    runUrl: field('runUrl'),
  };
}

/** What makes two pins the same pin: everything but who, when and which run. */
export function pinIdentity(text: string): string {
  const pin = parsePin(text);
  if (!pin) return text;
  const { app, environment, image, revision, reason } = pin;
  return JSON.stringify({ app, environment, image, revision, reason });
}

/**
 * Why a proposal of `image` must be refused under the pin file `text` found at `where` (a
 * one-line message), or undefined when the pin allows it.
 */
export function pinRefusal(
  text: string,
  where: { app: string; env: string; path: string; branch: string },
  image: string,
): string | undefined {
  const pin = parsePin(text);
  if (pin?.image === image) return undefined;
  const unpin = `to unpin, delete ${where.path} from ${where.branch} in a pull request`;
  if (!pin?.image) {
    return `${where.app} in ${where.env} is pinned by ${where.path} on ${where.branch}, which names no image; ${unpin}`;
  }
  const why = [
    pin.reason,
    pin.pinnedBy && `by ${pin.pinnedBy}`,
    pin.pinnedAt && `at ${pin.pinnedAt}`,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    `${where.app} in ${where.env} is pinned to ${quoted(pin.image)} by ${where.path} on ${where.branch}` +
    `${why ? ` (${quoted(why)})` : ''}, so ${quoted(image)} is refused; ${unpin}`
  );
}

/** A value from the pin file in a message: one line, whole up to a generous length. */
function quoted(value: string): string {
  return JSON.stringify(value.length > 300 ? `${value.slice(0, 300)}…` : value);
}
