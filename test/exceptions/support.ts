/** Exception entries for tests, over the report fixtures' workspace and vault. */
import type { ExceptionEntry } from '../../src/exceptions/model';

export function entryOf(overrides: Partial<ExceptionEntry> & Pick<ExceptionEntry, 'checkId' | 'resource'>): ExceptionEntry {
  return {
    id: `exc-${overrides.checkId.toLowerCase()}`,
    reason: 'partner network needs the studio',
    owner: 'jane@contoso.com',
    expires: '2027-03-01',
    createdBy: 'Jane Doe',
    createdAt: '2026-12-01T10:00:00.000Z',
    ...overrides,
  };
}
