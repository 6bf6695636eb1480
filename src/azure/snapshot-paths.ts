/**
 * The names of a snapshot's reads, derived from the WorkspaceSnapshot type: each top-level Collected field, and
 * `group.key` for each Collected inside a plain group (`diagnostics`, `roleAssignments`). Types only, so that
 * the read table (snapshot-reads.ts) can be a mapped type over these names and refuse a field it lacks.
 */
import type { WorkspaceSnapshot } from './snapshot';

/** Snapshot properties that are not reads. */
type SnapshotMeta = 'collectedAt' | 'workspaceId';

type IsRead<X> = X extends { readonly ok: boolean } ? true : false;

/** The read names of a snapshot-shaped type `S`. */
export type ReadNamesOf<S> = {
  [K in Exclude<keyof S, SnapshotMeta> & string]: IsRead<S[K]> extends true ? K : `${K}.${Exclude<keyof S[K], symbol | number>}`;
}[Exclude<keyof S, SnapshotMeta> & string];

/** The type at a read name's path in `S`. */
export type ReadTypeOf<S, F extends string> = F extends `${infer G}.${infer K}`
  ? G extends keyof S
    ? K extends keyof S[G]
      ? S[G][K]
      : never
    : never
  : F extends keyof S
    ? S[F]
    : never;

/** What an ok read holds (`T | null` for a linked resource). */
export type ReadValue<C> = C extends { readonly ok: true; readonly value: infer V } ? V : never;

export type SnapshotField = ReadNamesOf<WorkspaceSnapshot>;
export type SnapshotFieldType<F extends SnapshotField> = ReadTypeOf<WorkspaceSnapshot, F>;

/** One value per read: the flat form of a snapshot's reads. */
export type SnapshotFieldValues = { readonly [F in SnapshotField]: SnapshotFieldType<F> };
