/**
 * Subscription Defender snapshots and status reports for the Defender-status tests and the card list: the lab's
 * defaults (every plan Free, no DevOps connector, open recommendations), a hardened subscription, and one with
 * hostile strings from Azure.
 */
import type { SubscriptionDefenderSnapshot } from '../../src/azure/subscription-defender';
import type { DefenderPlan, SecurityAssessment } from '../../src/azure/snapshot';
import { evaluateDefenderStatus } from '../../src/scan/defender-status';
import type { DefenderStatusReport } from '../../src/scan/scan-service';

export const DEFENDER_SUB = '1b6d3c4e-7f80-4a91-b2c3-d4e5f6a70001';
const SCOPE = `/subscriptions/${DEFENDER_SUB}`;
const NOW = new Date('2026-11-25T20:31:00Z');

const plan = (name: string, pricingTier: string, subPlan?: string, extensions: DefenderPlan['extensions'] = []): DefenderPlan => ({ name, pricingTier, subPlan, extensions, deprecated: undefined });

const assessment = (n: number, severity: string, statusCode = 'Unhealthy'): SecurityAssessment => ({
  id: `${SCOPE}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st${n}/providers/Microsoft.Security/assessments/a${n}`,
  resourceId: `${SCOPE}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st${n}`,
  displayName: `Recommendation ${n}`,
  statusCode,
  severity,
});

export function labCollected(): SubscriptionDefenderSnapshot {
  return {
    collectedAt: NOW.toISOString(),
    subscriptionScope: SCOPE,
    defenderPlans: {
      ok: true,
      value: [
        plan('CloudPosture', 'Free'),
        plan('AI', 'Free'),
        plan('StorageAccounts', 'Free', 'DefenderForStorageV2'),
        plan('KeyVaults', 'Free'),
        plan('Containers', 'Free'),
        plan('Arm', 'Free'),
        plan('VirtualMachines', 'Free', 'P2'),
      ],
    },
    securityConnectors: { ok: true, value: [] },
    assessments: { ok: true, value: [assessment(1, 'Low'), assessment(2, 'High'), assessment(3, 'Medium'), assessment(4, 'High', 'Healthy')] },
  };
}

export function hardenedCollected(): SubscriptionDefenderSnapshot {
  return {
    ...labCollected(),
    defenderPlans: {
      ok: true,
      value: [
        plan('CloudPosture', 'Standard', undefined, [{ name: 'SensitiveDataDiscovery', isEnabled: true }]),
        plan('AI', 'Standard'),
        // Storage on, but malware scanning off: the plan check's second result fails.
        plan('StorageAccounts', 'Standard', 'DefenderForStorageV2', [{ name: 'OnUploadMalwareScanning', isEnabled: false }]),
        plan('KeyVaults', 'Standard', 'PerKeyVault'),
        plan('Containers', 'Standard', undefined, [{ name: 'ContainerRegistriesVulnerabilityAssessments', isEnabled: true }]),
        plan('Arm', 'Standard', 'PerSubscription'),
        plan('VirtualMachines', 'Standard', 'P2'),
      ],
    },
    securityConnectors: { ok: true, value: [{ id: `${SCOPE}/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/ado`, name: 'ado', environmentName: 'AzureDevOps' }] },
    assessments: { ok: true, value: [] },
  };
}

export function hostileCollected(): SubscriptionDefenderSnapshot {
  const lab = labCollected();
  return {
    ...lab,
    defenderPlans: { ok: true, value: [plan('CloudPosture', 'Free <at>everyone</at>', '[x](https://evil.example)', [{ name: '${evil}', isEnabled: true }])] },
    assessments: { ok: true, value: [{ ...assessment(9, 'High'), displayName: '<script>alert(1)</script> [click](https://evil.example)' }] },
  };
}

export const labDefenderReport = (): DefenderStatusReport => evaluateDefenderStatus(labCollected(), NOW);
export const hardenedDefenderReport = (): DefenderStatusReport => evaluateDefenderStatus(hardenedCollected(), NOW);
export const hostileDefenderReport = (): DefenderStatusReport => evaluateDefenderStatus(hostileCollected(), NOW);
