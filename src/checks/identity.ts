/**
 * Which finding is which, across scans and formats: a finding is named by (checkId, resourceId, subject).
 * ARM ids and names are case-insensitive, so the same resource may come back in another case; the key folds
 * case on both. Notifications (diff), SARIF fingerprints, re-check and the JSON report all use this one key.
 */
import type { Finding } from './types';

export type FindingIdentity = Pick<Finding, 'checkId' | 'resourceId' | 'subject'>;

/** One string per finding; equal for the same finding in two scans. */
export function findingIdentity(f: FindingIdentity): string {
  return [f.checkId, f.resourceId.toLowerCase(), (f.subject ?? '').toLowerCase()].join('\u0000');
}

/** Whether `f` is the finding a card action (or an earlier scan) names. */
export function isSameFinding(f: FindingIdentity, named: FindingIdentity): boolean {
  return findingIdentity(f) === findingIdentity(named);
}
