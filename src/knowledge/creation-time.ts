/**
 * Settings Azure fixes when a resource is created: the checks that assess them, and the note an answer shows so
 * that a reader decides before creating the workspace or compute, not after a scan finds the gap.
 */

/** Check id → what cannot change later, in one sentence. */
export const DECIDED_AT_CREATION: ReadonlyMap<string, string> = new Map([
  ['AML-DP-001', 'Customer-managed key: set it when the workspace is created; an existing workspace cannot switch from Microsoft-managed keys (later you can only rotate to another key in the same vault).'],
  ['AML-DP-002', 'hbi_workspace: set it when the workspace is created; it cannot be changed afterwards.'],
  ['AML-NET-003', 'Managed virtual network: once enabled it cannot be disabled, and an existing workspace must first delete its computes and managed online endpoints.'],
  ['AML-NET-006', 'No public IP: a compute instance or cluster gets it only at creation; to change it, recreate the compute.'],
]);

/** The "decide at creation" notes for these checks, in their order. */
export function creationTimeNotes(checkIds: readonly string[]): readonly string[] {
  return checkIds.flatMap((id) => {
    const note = DECIDED_AT_CREATION.get(id);
    return note === undefined ? [] : [note];
  });
}
