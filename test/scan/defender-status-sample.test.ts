/**
 * Item 4 through the real collectors and the sample ARM server: the sample subscriptions' Defender plans,
 * connectors and recommendations, three ARM reads, no workspace read; routing and scope refusals.
 */
import { createCombinedScanService } from '../../src/scan/combined-scan-service';
import { createScanService } from '../../src/scan/create-scan-service';
import { ScanError } from '../../src/scan/scan-service';
import { HARDENED_NAMES, LAB_NAMES } from '../../src/sample';
import { useSampleEnvironment } from '../support/sample-environment';

const sample = useSampleEnvironment();

describe('Defender status over the sample environment', () => {
  test('the lab subscription: CSPM Free fails with its fix; three subscription reads and no workspace read', async () => {
    const report = await sample().scanService.defenderStatus!(LAB_NAMES.subscriptionId);
    const cspm = report.plans.find((p) => p.plan === 'CloudPosture')!;
    expect(cspm).toMatchObject({ tier: 'Free', status: 'fail', fix: `az security pricing create --subscription ${LAB_NAMES.subscriptionId} -n CloudPosture --tier Standard` });
    expect(report.plans.every((p) => p.status === 'fail')).toBe(true);
    expect(report.openRecommendations.ok && report.openRecommendations.count).toBeGreaterThan(0);
    // Three lists (their further pages carry a skip token).
    const paths = sample().arm.requests.filter((r) => r.skipToken === undefined).map((r) => r.path.toLowerCase());
    expect(paths).toHaveLength(3);
    expect(paths.every((p) => p.startsWith(`/subscriptions/${LAB_NAMES.subscriptionId}/providers/microsoft.security/`))).toBe(true);
    expect(paths.some((p) => p.includes('/workspaces/'))).toBe(false);
  });

  test('the hardened subscription passes every plan, with sub-plans and extensions read at 2024-01-01', async () => {
    const report = await sample().scanService.defenderStatus!(HARDENED_NAMES.subscriptionId.toUpperCase());
    expect(report.plans.map((p) => `${p.plan}:${p.status}`)).toEqual([
      'CloudPosture:pass',
      'AI:pass',
      'StorageAccounts:pass',
      'KeyVaults:pass',
      'Containers:pass',
      'Arm:pass',
      'VirtualMachines:pass',
    ]);
    const storage = report.plans.find((p) => p.plan === 'StorageAccounts')!;
    expect(storage.subPlan).toBe('DefenderForStorageV2');
    expect(storage.extensions).toContainEqual({ name: 'OnUploadMalwareScanning', isEnabled: true });
    expect(report.findings.find((f) => f.checkId === 'AML-LT-013')?.status).toBe('pass');
    expect(sample().arm.requests.some((r) => r.path.toLowerCase().includes('pricings') && r.apiVersion === '2024-01-01')).toBe(true);
  });

  test('a turned-on plan shows at once (no cache)', async () => {
    const cspm = `/subscriptions/${LAB_NAMES.subscriptionId}/providers/Microsoft.Security/pricings/CloudPosture`;
    const original = sample().arm.getResource(cspm)!;
    sample().arm.patch(cspm, { pricingTier: 'Standard' });
    try {
      const report = await sample().scanService.defenderStatus!(LAB_NAMES.subscriptionId);
      expect(report.plans.find((p) => p.plan === 'CloudPosture')?.status).toBe('pass');
    } finally {
      sample().arm.setResource(cspm, original);
    }
  });

  test('a 403 on the plans is a clear refusal; a 403 on connectors only makes that check not assessed', async () => {
    sample().arm.inject({ pathPattern: /pricings/i, status: 403 });
    await expect(sample().scanService.defenderStatus!(LAB_NAMES.subscriptionId)).rejects.toMatchObject({ name: 'ScanError', kind: 'forbidden' });
    sample().arm.clearFaults();
    sample().arm.inject({ pathPattern: /securityConnectors/i, status: 403 });
    const report = await sample().scanService.defenderStatus!(LAB_NAMES.subscriptionId);
    expect(report.findings.find((f) => f.checkId === 'AML-LT-013')?.status).toBe('error');
  });

  test('not a GUID, not a sample subscription: ScanErrors before any read', async () => {
    await expect(sample().scanService.defenderStatus!('not-a-guid')).rejects.toMatchObject({ kind: 'usage' });
    await expect(sample().scanService.defenderStatus!('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ kind: 'not_found' });
    expect(sample().arm.requestCount).toBe(0);
  });

  test('allowed scopes: the subscription itself must be allowed (a resource group is not enough)', async () => {
    const rgOnly = createScanService({ clients: sample().clients, timeoutMs: 10_000, concurrency: 4, allowedScopes: [`/subscriptions/${LAB_NAMES.subscriptionId}/resourceGroups/${LAB_NAMES.resourceGroup}`] });
    const error: unknown = await rgOnly.defenderStatus!(LAB_NAMES.subscriptionId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScanError);
    expect((error as ScanError).kind).toBe('forbidden');
    expect((error as ScanError).message).toContain('whole subscription');
    expect(sample().arm.requestCount).toBe(0);
    const whole = createScanService({ clients: sample().clients, timeoutMs: 10_000, concurrency: 4, allowedScopes: [`/subscriptions/${LAB_NAMES.subscriptionId}`] });
    expect((await whole.defenderStatus!(LAB_NAMES.subscriptionId)).plans).toHaveLength(7);
  });

  test('the combined service sends sample subscriptions to the sample and refuses others without Azure', async () => {
    const combined = createCombinedScanService({ sample: sample().scanService, sampleSubscriptionIds: [LAB_NAMES.subscriptionId, HARDENED_NAMES.subscriptionId] });
    expect((await combined.defenderStatus!(LAB_NAMES.subscriptionId)).subscription).toBe(`/subscriptions/${LAB_NAMES.subscriptionId}`);
    const refused: unknown = await combined.defenderStatus!('00000000-0000-4000-8000-000000000000').catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'forbidden' });
    expect((refused as Error).message).toContain('not connected to Azure');
  });
});
