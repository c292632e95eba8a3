import { statusMessage, type KubeClient } from '../../../adapters/kube/client.js';
import {
  APPLYSET_ID,
  APPLYSET_TOOLING,
  applySetParent,
  FIELD_MANAGER,
  parentObject,
} from '../../../core/applyset.js';
import { OperationError } from '../../../core/errors.js';
import { SET_RECORDS_LIST } from '../../../core/access.js';
import { missingError } from '../access/preflight.js';
import type { KubeObject } from '../../../core/manifest.js';
import {
  recordOf,
  recordPatch,
  SET_RECORD_MANAGER,
  type AppliedRecord,
  type SetOutcome,
} from '../../../core/set-record.js';

/** A ferry inventory on the cluster: its parent and what it records of its set. */
export interface RecordedSet {
  namespace: string;
  name: string;
  record: AppliedRecord;
}

/** Records by `namespace/name` of the parent. */
export type SetRecords = Map<string, RecordedSet>;

export const recordKey = (namespace: string, name: string): string => `${namespace}/${name}`;

/**
 * Every ferry inventory of the cluster in one request: a LIST of ConfigMaps by the ApplySet id
 * label, across namespaces (kubectl's ApplySets, which carry the same label, are left out by
 * their tooling annotation).
 */
export async function readSetRecords(
  client: KubeClient,
  command = 'this command',
): Promise<SetRecords> {
  const response = await client.request<{ items?: KubeObject[] }>({
    verb: 'list',
    method: 'GET',
    path: '/api/v1/configmaps',
    query: { labelSelector: APPLYSET_ID },
  });
  // RBAC's answer to a LIST names no missing rule: say which, as the preflight says it.
  if (response.status === 403) throw await missingError(client, [SET_RECORDS_LIST], command);
  if (response.status !== 200)
    throw new OperationError(
      `reading the inventories' records (list configmaps with label ${APPLYSET_ID}): ${statusMessage(response)}`,
    );
  const records: SetRecords = new Map();
  for (const parent of response.body.items ?? []) {
    if (!parent.metadata.annotations?.[APPLYSET_TOOLING]?.startsWith('ferry/')) continue;
    const namespace = parent.metadata.namespace ?? '';
    records.set(recordKey(namespace, parent.metadata.name), {
      namespace,
      name: parent.metadata.name,
      record: recordOf(parent),
    });
  }
  return records;
}

/**
 * Records how an apply of a set ended on its parent (a JSON merge patch by its own field
 * manager). A set that failed before it wrote anything has no parent yet: an empty one (what
 * its apply would have created first) is created to hold the failure, so `ferry status` shows
 * it and `--set` jobs waiting for this set stop waiting. Returns false when there is still no
 * parent to record on (its namespace does not exist): a merge patch never creates an object.
 */
export async function writeSetRecord(
  client: KubeClient,
  parent: { namespace: string; name: string },
  outcome: SetOutcome,
): Promise<boolean> {
  const path = `/api/v1/namespaces/${encodeURIComponent(parent.namespace)}`;
  const patch = () =>
    client.request({
      method: 'PATCH',
      path: `${path}/configmaps/${encodeURIComponent(parent.name)}`,
      query: { fieldManager: SET_RECORD_MANAGER },
      contentType: 'application/merge-patch+json',
      body: { metadata: { annotations: recordPatch(outcome) } },
    });
  let response = await patch();
  if (response.status === 404 && !outcome.ok) {
    const created = await client.request({
      method: 'POST',
      path: `${path}/configmaps`,
      query: { fieldManager: FIELD_MANAGER },
      body: parentObject(applySetParent(parent.name, parent.namespace), [], []),
    });
    // 409: another run created it meanwhile; either way there is a parent to record on now.
    if (created.status === 201 || created.status === 409) response = await patch();
  }
  if (response.status === 404) return false;
  if (response.status !== 200)
    throw new OperationError(
      `recording the apply on inventory ${parent.namespace}/${parent.name}: ${statusMessage(response)}`,
    );
  return true;
}
