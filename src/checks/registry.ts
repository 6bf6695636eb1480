/**
 * Every check, by explicit import (no registration by side effect), with lookups the scan service, CLI and
 * cards use. Loading fails loudly if two checks share an id.
 */
import type { CheckDefinition } from './types';
import type { ScanSelection } from './selection';
import { checks as networkSecurity } from './network-security';
import { checks as identityManagement } from './identity-management';
import { checks as privilegedAccess } from './privileged-access';
import { checks as dataProtection } from './data-protection';
import { checks as assetManagement } from './asset-management';
import { checks as loggingThreatDetection } from './logging-threat-detection';
import { checks as postureVulnerability } from './posture-vulnerability';
import { checks as backupRecovery } from './backup-recovery';
import { selectChecks } from './selection';

/** Version of the check set, shown on cards and in reports; bump when checks are added or change meaning. */
export const CHECK_SET_VERSION = '2026.11.0';

function assertUniqueIds(checks: readonly CheckDefinition[]): readonly CheckDefinition[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const c of checks) {
    if (seen.has(c.id)) duplicates.add(c.id);
    seen.add(c.id);
  }
  if (duplicates.size > 0) throw new Error(`Duplicate check ids in the registry: ${[...duplicates].join(', ')}`);
  return checks;
}

/** All checks, in workshop category order, then id order within a category. */
export const allChecks: readonly CheckDefinition[] = Object.freeze(
  assertUniqueIds([
    ...networkSecurity,
    ...identityManagement,
    ...privilegedAccess,
    ...dataProtection,
    ...assetManagement,
    ...loggingThreatDetection,
    ...postureVulnerability,
    ...backupRecovery,
  ]),
);

const byId: ReadonlyMap<string, CheckDefinition> = new Map(allChecks.map((c) => [c.id, c]));

/** A check by id (case-insensitive), or undefined. */
export function checkById(id: string): CheckDefinition | undefined {
  return byId.get(id.trim().toUpperCase());
}

export function checksFor(selection: ScanSelection): readonly CheckDefinition[] {
  return selectChecks(allChecks, selection);
}

export { assertUniqueIds };
