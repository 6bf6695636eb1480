/**
 * One result per resource (compute, endpoint, datastore…), or one `not_applicable` when there are none,
 * so that a finding always names the resource it is about and an empty list is visible, not silent.
 */
import type { CheckResult } from './types';
import { notApplicable } from './define';

export function perResource<T>(
  items: readonly T[],
  none: { readonly resourceId: string; readonly message: string },
  evaluate: (item: T) => CheckResult,
): readonly CheckResult[] {
  if (items.length === 0) return [notApplicable(none.resourceId, none.message)];
  return items.map(evaluate);
}

/** Resource name from an ARM id, for messages. */
export function nameOf(resourceId: string): string {
  return resourceId.split('/').filter((s) => s !== '').pop() ?? resourceId;
}
