import { allChecks, assertUniqueIds, checkById, checksFor } from '../../src/checks/registry';
import { unknownCheckIds } from '../../src/checks/selection';

describe('registry lookups and selection', () => {
  it('finds checks by id, case-insensitively', () => {
    expect(checkById('aml-net-001')?.id).toBe('AML-NET-001');
    expect(checkById('AML-NOPE-999')).toBeUndefined();
  });

  it('selects all, an area, a category and explicit ids', () => {
    expect(checksFor({ kind: 'all' })).toBe(allChecks);
    const rbac = checksFor({ kind: 'area', area: 'rbac' });
    expect(rbac.map((c) => c.id)).toEqual(expect.arrayContaining(['AML-PRA-001', 'AML-PRA-004', 'AML-PRA-005']));
    expect(rbac.every((c) => c.areas.includes('rbac'))).toBe(true);
    const network = checksFor({ kind: 'area', area: 'public-network' });
    expect(network.map((c) => c.id)).toEqual(expect.arrayContaining(['AML-NET-001', 'AML-NET-010', 'AML-NET-015']));
    expect(checksFor({ kind: 'category', category: 'privileged-access' }).map((c) => c.id)).toEqual(['AML-PRA-001', 'AML-PRA-002', 'AML-PRA-003', 'AML-PRA-004', 'AML-PRA-005', 'AML-PRA-006']);
    expect(checksFor({ kind: 'checks', checkIds: ['aml-idm-003', 'AML-NET-002'] }).map((c) => c.id)).toEqual(['AML-NET-002', 'AML-IDM-003']);
  });

  it('reports unknown ids of a checks selection', () => {
    expect(unknownCheckIds(allChecks, { kind: 'checks', checkIds: ['AML-NET-001', 'AML-XYZ-001'] })).toEqual(['AML-XYZ-001']);
    expect(unknownCheckIds(allChecks, { kind: 'all' })).toEqual([]);
  });

  it('refuses duplicate ids', () => {
    const one = checkById('AML-NET-001')!;
    expect(() => assertUniqueIds([one, one])).toThrow(/AML-NET-001/);
  });
});
