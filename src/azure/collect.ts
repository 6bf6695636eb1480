/**
 * Builds a WorkspaceSnapshot from Azure by walking the read table (snapshot-reads.ts). The workspace is read
 * first (everything else hangs off its properties), then every other read starts at once, at most `concurrency`
 * in flight, all under one AbortSignal that carries the scan's deadline. Each read becomes a Collected<T>: a
 * failed read is an error with the missing RBAC action, never a gap and never a throw. Each resource is read
 * once. With `only`, just those reads are made (the workspace always, the reads they wait for, linked reads still
 * only when the workspace names the resource); the others are `skipped`.
 */
import type { ArmClients } from './clients';
import { dependentError } from './errors';
import { createLimiter } from './limiter';
import { createReadRunner } from './read-runner';
import { armCall, readWalker, startOrder } from './read-walk';
import { collectionSignal } from './scan-signal';
import { parseWorkspaceId } from '../shared/resource-id';
import type { Collected, ReadError, WorkspaceSnapshot } from './snapshot';
import { keepOnlyReads, readOf, SNAPSHOT_FIELDS, skippedRead, snapshotFromFields, type SnapshotField } from './snapshot-fields';
import { readContext, SNAPSHOT_READS } from './snapshot-reads';

export interface CollectProgress {
  readonly done: number;
  readonly total: number;
  /** Short label of the read that just finished, e.g. "role assignments on the workspace". */
  readonly label: string;
}

export interface CollectOptions {
  /** The whole scan's deadline (config.azure.scanTimeoutMs). */
  readonly timeoutMs: number;
  /** ARM operations in flight at once (config.azure.armConcurrency). */
  readonly concurrency: number;
  /** The caller's cancellation, combined with the deadline. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: CollectProgress) => void;
  readonly now?: () => Date;
  /** The reads to make (the workspace is always read); absent means all of them. */
  readonly only?: ReadonlySet<SnapshotField>;
}

/** The number of snapshot fields reported through onProgress by a full collection. */
export const SNAPSHOT_READ_COUNT = SNAPSHOT_FIELDS.length;

/** The fields a collection with `only` reads: the workspace plus `only`. */
export function fieldsToRead(only: ReadonlySet<SnapshotField> | undefined): ReadonlySet<SnapshotField> {
  return only === undefined ? new Set(SNAPSHOT_FIELDS) : new Set(SNAPSHOT_FIELDS.filter((f) => f === 'workspace' || only.has(f)));
}

export async function collectWorkspaceSnapshot(clients: ArmClients, workspaceId: string, options: CollectOptions): Promise<WorkspaceSnapshot> {
  const collectedAt = (options.now?.() ?? new Date()).toISOString();
  const { signal, deadline } = collectionSignal(options);
  const run = createReadRunner({ limit: createLimiter(options.concurrency), signal, deadline, timeoutMs: options.timeoutMs });
  const wanted = fieldsToRead(options.only);
  let done = 0;
  const report = (label: string): void => {
    done += 1;
    try {
      options.onProgress?.({ done, total: wanted.size, label });
    } catch {
      // a progress card failing must not fail the scan
    }
  };
  /** A wanted read reports progress when it settles. */
  const reported = <T>(field: SnapshotField, read: Promise<T>): Promise<T> =>
    read.then((result) => {
      report(readOf(field).label);
      return result;
    });

  const root = SNAPSHOT_READS.workspace;
  const workspace = await reported(
    'workspace',
    run(root.about(workspaceId), (s) => {
      parseWorkspaceId(workspaceId);
      return root.arm(clients, workspaceId, s);
    }),
  );
  if (!workspace.ok) {
    const failed = failedSnapshot(collectedAt, workspaceId, workspace.error);
    for (let i = 1; i < wanted.size; i += 1) report('skipped: the workspace could not be read');
    return options.only === undefined ? failed : keepOnlyReads(failed, wanted);
  }

  const at = readContext(clients, workspace.value);
  const readField = readWalker(workspace, {
    one: (read, id) => run(read.about(id), armCall(read, at, id)),
    each: (read, endpoint) => run(read.aboutOne(endpoint), (s) => read.arm(at, endpoint, s)),
  });
  const pending = new Map<SnapshotField, Promise<Collected<unknown>>>();
  for (const field of startOrder(wanted)) pending.set(field, wanted.has(field) ? reported(field, readField(field)) : readField(field));
  const settled = new Map<SnapshotField, Collected<unknown>>([['workspace', workspace]]);
  for (const [field, read] of pending) settled.set(field, await read);
  return snapshotFromFields({ collectedAt, workspaceId: workspace.value.id }, (field) => (wanted.has(field) ? settled.get(field) : undefined) ?? skippedRead(field, workspaceId));
}

/** When the workspace itself cannot be read, every other field says so (nothing else is attempted). */
function failedSnapshot(collectedAt: string, workspaceId: string, cause: ReadError): WorkspaceSnapshot {
  return snapshotFromFields({ collectedAt, workspaceId }, (field) =>
    field === 'workspace' ? { ok: false, error: cause } : { ok: false, error: dependentError(cause, readOf(field).about(workspaceId)) },
  );
}
