/**
 * The named reads of a snapshot, the skipped read, and the recording view that derives and guards each
 * check's reads.
 */
import { keepOnlyReads, recordReads, SNAPSHOT_FIELDS, skippedRead } from '../../src/azure/snapshot-fields';
import { SNAPSHOT_READ_COUNT } from '../../src/azure/collect';
import { notAssessed } from '../../src/checks/define';
import { hardenedSnapshot } from '../support/snapshot-builder';

describe('snapshot fields', () => {
  test('29 reads: the top-level ones and each diagnostics and role-assignments scope', () => {
    expect(SNAPSHOT_FIELDS).toHaveLength(29);
    expect(SNAPSHOT_READ_COUNT).toBe(29);
    expect(SNAPSHOT_FIELDS.filter((f) => f.includes('.'))).toEqual([
      'diagnostics.workspace',
      'diagnostics.keyVault',
      'diagnostics.onlineEndpoints',
      'diagnostics.subscription',
      'roleAssignments.workspace',
      'roleAssignments.storageAccount',
      'roleAssignments.keyVault',
      'roleAssignments.containerRegistry',
    ]);
  });

  test('keepOnlyReads keeps the workspace and the named reads, and skips the rest', () => {
    const full = hardenedSnapshot();
    const kept = keepOnlyReads(full, new Set(['roleAssignments.keyVault', 'computes']));
    expect(kept.workspace).toBe(full.workspace);
    expect(kept.computes).toBe(full.computes);
    expect(kept.roleAssignments.keyVault).toBe(full.roleAssignments.keyVault);
    expect(kept.roleAssignments.workspace).toEqual(skippedRead('roleAssignments.workspace', full.workspaceId));
    expect(kept.keyVault.ok ? 'ok' : kept.keyVault.error.kind).toBe('skipped');
  });

  test('a skipped read that ever reached a check reads as "not assessed, run a full scan", never as a permission problem', () => {
    const result = notAssessed(skippedRead('keyVault', '/subscriptions/x').error);
    expect(result.status).toBe('error');
    expect(result.message).toBe('Not assessed: This scan did not read the key vault: the selected checks do not need it. Run a full scan to assess it.');
    expect(result.message).not.toMatch(/needs/);
  });
});

describe('recordReads', () => {
  test('records the fields read, sub-fields included, and nothing else', () => {
    const { view, touched } = recordReads(hardenedSnapshot());
    void view.workspace;
    void view.diagnostics.keyVault;
    void view.roleAssignments.storageAccount;
    void view.workspaceId;
    expect([...touched].sort()).toEqual(['diagnostics.keyVault', 'roleAssignments.storageAccount', 'workspace']);
  });

  test('enumerating counts as touching everything it could reach', () => {
    const top = recordReads(hardenedSnapshot());
    void Object.keys(top.view);
    expect(top.touched.size).toBe(29);
    const nested = recordReads(hardenedSnapshot());
    void { ...nested.view.roleAssignments };
    expect([...nested.touched].sort()).toEqual(['roleAssignments.containerRegistry', 'roleAssignments.keyVault', 'roleAssignments.storageAccount', 'roleAssignments.workspace']);
  });

  test('works over a deeply frozen snapshot and returns the same values', () => {
    const snapshot = hardenedSnapshot();
    Object.freeze(snapshot);
    Object.freeze(snapshot.diagnostics);
    const { view } = recordReads(snapshot);
    expect(view.diagnostics.workspace).toBe(snapshot.diagnostics.workspace);
    expect(view.storageAccount).toBe(snapshot.storageAccount);
  });
});
