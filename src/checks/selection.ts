/**
 * Which checks a scan runs: all, one named area ("check rbac"), one category, or explicit ids (re-check from
 * a card). Pure over a check list, so the registry and tests share it.
 */
import type { Area, Category, CheckDefinition } from './types';

/** Which checks to run: all, one of the named areas, one category, or explicit check ids (re-check from a card). */
export type ScanSelection =
  | { readonly kind: 'all' }
  | { readonly kind: 'area'; readonly area: Area }
  | { readonly kind: 'category'; readonly category: Category }
  | { readonly kind: 'checks'; readonly checkIds: readonly string[] };

const normaliseId = (id: string): string => id.trim().toUpperCase();

export function selectChecks(checks: readonly CheckDefinition[], selection: ScanSelection): readonly CheckDefinition[] {
  switch (selection.kind) {
    case 'all':
      return checks;
    case 'area':
      return checks.filter((c) => c.areas.includes(selection.area));
    case 'category':
      return checks.filter((c) => c.category === selection.category);
    case 'checks': {
      const wanted = new Set(selection.checkIds.map(normaliseId));
      return checks.filter((c) => wanted.has(c.id));
    }
  }
}

/** Ids in a `checks` selection that no registered check has (e.g. a stale card); empty for other kinds. */
export function unknownCheckIds(checks: readonly CheckDefinition[], selection: ScanSelection): readonly string[] {
  if (selection.kind !== 'checks') return [];
  const known = new Set(checks.map((c) => c.id));
  return selection.checkIds.filter((id) => !known.has(normaliseId(id)));
}
