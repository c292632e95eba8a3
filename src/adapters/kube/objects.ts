import { FIELD_MANAGER } from '../../core/applyset.js';
import { OperationError } from '../../core/errors.js';
import { describeObject, type KubeObject } from '../../core/manifest.js';
import { statusMessage, type KubeClient, type KubeResponse, type KubeStatus } from './client.js';
import { collectionPath, objectPath, type ResourceInfo } from './discovery.js';
import { watchUntil } from './watch.js';

/** ferry's field manager, defined in core (reports name it). */
export { FIELD_MANAGER };

export interface ApplyCall {
  dryRun: boolean;
  force: boolean;
  /** Default: ferry's own field manager. */
  fieldManager?: string;
}

/** URL path of an object of `info`'s kind (its namespace only when the kind is namespaced). */
function pathOf(info: ResourceInfo, object: KubeObject): string {
  return objectPath(
    info,
    object.metadata.name,
    info.namespaced ? object.metadata.namespace : undefined,
  );
}

/** A field another manager owns, from a 409 apply response. */
export interface FieldConflict {
  field: string;
  manager: string;
}

export type ApplyOutcome =
  | { ok: true; created: boolean; object: KubeObject }
  | { ok: false; status: number; message: string; conflicts: FieldConflict[] };

/** Server-side apply of one object with ferry's field manager. */
export async function serverSideApply(
  client: KubeClient,
  info: ResourceInfo,
  object: KubeObject,
  call: ApplyCall,
): Promise<ApplyOutcome> {
  const response = await client.request<KubeObject | KubeStatus>({
    method: 'PATCH',
    path: pathOf(info, object),
    query: {
      fieldManager: call.fieldManager ?? FIELD_MANAGER,
      force: call.force ? 'true' : undefined,
      dryRun: call.dryRun ? 'All' : undefined,
    },
    contentType: 'application/apply-patch+yaml',
    // YAML is JSON's superset; sending JSON keeps numbers and strings exactly as parsed.
    body: JSON.stringify(object),
  });
  if (response.status === 200 || response.status === 201) {
    return { ok: true, created: response.status === 201, object: response.body as KubeObject };
  }
  return {
    ok: false,
    status: response.status,
    message: statusMessage(response),
    conflicts: conflictsOf(response),
  };
}

/** Parses field-manager conflicts (`conflict with "kubectl-edit" using apps/v1` on `.spec.replicas`). */
function conflictsOf(response: KubeResponse): FieldConflict[] {
  if (response.status !== 409) return [];
  const causes = (response.body as KubeStatus | undefined)?.details?.causes ?? [];
  return causes
    .filter((cause) => cause.reason === 'FieldManagerConflict')
    .map((cause) => ({
      field: cause.field ?? '?',
      manager: /conflict with "([^"]+)"/.exec(cause.message ?? '')?.[1] ?? '?',
    }));
}

/** Every object of one kind carrying `labelSelector`: one LIST request (per namespace when told). */
export async function listObjects(
  client: KubeClient,
  info: ResourceInfo,
  labelSelector: string,
  namespace?: string,
): Promise<KubeObject[]> {
  return (await listObjectsAt(client, info, labelSelector, namespace)).items;
}

/**
 * {@link listObjects}, with the list's resourceVersion: the revision at which it saw exactly
 * these objects (an object created later has a higher one, so it never carries this one).
 */
export async function listObjectsAt(
  client: KubeClient,
  info: ResourceInfo,
  labelSelector: string,
  namespace?: string,
): Promise<{ items: KubeObject[]; resourceVersion: string | undefined }> {
  const response = await client.request<{
    items?: KubeObject[];
    metadata?: { resourceVersion?: string };
  }>({
    verb: 'list',
    method: 'GET',
    path: collectionPath(info, namespace),
    query: { labelSelector },
  });
  if (response.status !== 200) {
    throw new Error(
      `list ${info.resource}${namespace ? ` in ${namespace}` : ''}: ${statusMessage(response)}`,
    );
  }
  // LIST items omit apiVersion and kind.
  const apiVersion = info.group ? `${info.group}/${info.version}` : info.version;
  return {
    items: (response.body.items ?? []).map((item) => ({ ...item, apiVersion, kind: info.kind })),
    resourceVersion: response.body.metadata?.resourceVersion,
  };
}

/** One object as the API server has it now; undefined when it does not exist. */
export async function getObject(
  client: KubeClient,
  info: ResourceInfo,
  object: KubeObject,
): Promise<KubeObject | undefined> {
  const response = await client.request<KubeObject>({
    method: 'GET',
    path: pathOf(info, object),
  });
  if (response.status === 404) return undefined;
  if (response.status !== 200)
    throw new OperationError(`get ${describeObject(object)}: ${statusMessage(response)}`);
  return { ...response.body, apiVersion: object.apiVersion, kind: object.kind };
}

/**
 * Deletes one object only if it is still the object ferry listed (uid precondition), so an object
 * recreated by someone else in the meantime is never deleted. Resolves with an error message, or
 * undefined on success (already gone counts as success).
 */
export async function deleteObject(
  client: KubeClient,
  info: ResourceInfo,
  live: KubeObject,
  dryRun: boolean,
): Promise<string | undefined> {
  const uid = (live.metadata as { uid?: string }).uid;
  const response = await client.request({
    method: 'DELETE',
    path: pathOf(info, live),
    query: { dryRun: dryRun ? 'All' : undefined },
    body: {
      kind: 'DeleteOptions',
      apiVersion: 'v1',
      propagationPolicy: 'Background',
      ...(uid ? { preconditions: { uid } } : {}),
    },
  });
  if (response.status === 200 || response.status === 202 || response.status === 404)
    return undefined;
  return statusMessage(response);
}

/** Waits (by watch) until a CRD reports Established=True. */
export async function waitForEstablished(
  client: KubeClient,
  name: string,
  timeoutMs: number,
): Promise<void> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let established = false;
  try {
    await watchUntil(
      client,
      '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
      { fieldSelector: `metadata.name=${name}` },
      (_type, object) => {
        const conditions =
          (object.status as { conditions?: { type: string; status: string }[] } | undefined)
            ?.conditions ?? [];
        if (conditions.some((c) => c.type === 'Established' && c.status === 'True')) {
          established = true;
          controller.abort();
        }
      },
      controller.signal,
    );
  } finally {
    clearTimeout(timer);
  }
  if (!established)
    throw new Error(
      `CustomResourceDefinition ${name} was not Established within ${timeoutMs / 1000}s`,
    );
}

/**
 * Validates an object as a new one (a server-side dry-run create), for an object that is
 * replaced rather than patched (a Job whose template changed: it is immutable). The create runs
 * admission and validation before storage, so "already exists" means the object is valid.
 */
export async function validateAsNew(
  client: KubeClient,
  info: ResourceInfo,
  object: KubeObject,
): Promise<string | undefined> {
  const response = await client.request<KubeStatus>({
    method: 'POST',
    path: collectionPath(info, info.namespaced ? object.metadata.namespace : undefined),
    query: { dryRun: 'All', fieldManager: FIELD_MANAGER },
    body: object,
  });
  const exists = response.status === 409 && response.body?.reason === 'AlreadyExists';
  if (response.status === 200 || response.status === 201 || exists) return undefined;
  return statusMessage(response);
}

/** Waits until an object is gone (after a delete), polling; false when it is still there. */
export async function waitUntilGone(
  client: KubeClient,
  info: ResourceInfo,
  object: KubeObject,
  timeoutMs: number,
): Promise<boolean> {
  const path = pathOf(info, object);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await client.request({ method: 'GET', path });
    if (response.status === 404) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((done) => setTimeout(done, 250));
  }
}
