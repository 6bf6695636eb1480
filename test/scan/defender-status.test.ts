/**
 * "defender status for subscription <id>" runs the subscription-level Defender checks over the subscription's own
 * reads; the plans a workspace needs only when it uses what they protect are asked of the subscription as a whole. A missing or Free plan fails, an extension that is off fails, a read that failed is
 * "not assessed" and never a pass.
 */
import { evaluateDefenderStatus, SUBSCRIPTION_DEFENDER_CHECKS, subscriptionChecks, subscriptionSnapshot } from '../../src/scan/defender-status';
import { runChecks } from '../../src/checks/runner';
import { defenderHeadline, defenderStatusSentence } from '../../src/report/wording';
import { DEFENDER_SUB, hardenedCollected, labCollected } from './defender-fixtures';

const NOW = new Date('2026-11-25T20:31:00Z');

describe('Defender status of a subscription', () => {
  test('only subscription-level checks are used: over a subscription snapshot none of them needs a workspace read', () => {
    const checks = subscriptionChecks();
    expect(checks.every((c) => c.areas.includes('defender'))).toBe(true);
    const findings = runChecks(subscriptionSnapshot(hardenedCollected()), checks);
    expect(findings.filter((f) => f.status === 'error')).toEqual([]);
    // The workspace-level Defender checks would be "not assessed" here: they are not part of it.
    expect(SUBSCRIPTION_DEFENDER_CHECKS.map((c) => c.checkId)).not.toContain('AML-LT-014');
    expect(SUBSCRIPTION_DEFENDER_CHECKS.map((c) => c.checkId)).not.toContain('AML-PV-002');
  });

  test('the lab subscription: every plan Free fails with its az fix; no DevOps connector; open recommendations by severity', () => {
    const report = evaluateDefenderStatus(labCollected(), NOW);
    expect(report.subscription).toBe(`/subscriptions/${DEFENDER_SUB}`);
    expect(report.plans.map((p) => p.plan)).toEqual(['CloudPosture', 'AI', 'StorageAccounts', 'KeyVaults', 'Containers', 'Arm', 'VirtualMachines']);
    const cspm = report.plans[0]!;
    expect(cspm).toMatchObject({ checkId: 'AML-LT-006', tier: 'Free', status: 'fail', fix: `az security pricing create --subscription ${DEFENDER_SUB} -n CloudPosture --tier Standard` });
    expect(cspm.message).toContain(`/subscriptions/${DEFENDER_SUB}`);
    expect(report.plans.every((p) => p.status === 'fail' && p.fix?.startsWith(`az security pricing create --subscription ${DEFENDER_SUB} -n `))).toBe(true);
    expect(report.plans.find((p) => p.plan === 'VirtualMachines')?.subPlan).toBe('P2');
    expect(report.findings.find((f) => f.checkId === 'AML-LT-013')?.status).toBe('fail');
    expect(report.openRecommendations).toEqual({
      ok: true,
      count: 3,
      top: [
        expect.objectContaining({ displayName: 'Recommendation 2', severity: 'High' }),
        expect.objectContaining({ displayName: 'Recommendation 3', severity: 'Medium' }),
        expect.objectContaining({ displayName: 'Recommendation 1', severity: 'Low' }),
      ],
    });
    expect(defenderStatusSentence(report)).toBe(
      `No — 5 of 5 Defender plans the baseline asks for in every subscription are not fully on in /subscriptions/${DEFENDER_SUB}: CloudPosture (Free), StorageAccounts (Free), KeyVaults (Free), Containers (Free), Arm (Free).` +
        ' Not on, and needed only where workspaces use what they protect: AI (Free; needed where workspaces connect to AI services), VirtualMachines (Free; needed for attached VMs).',
    );
    expect(defenderHeadline(report)).toBe('5 of 5 required plans not fully on');
  });

  test('a plan that is on but lacks its required extension still fails (the checks are not weakened)', () => {
    const report = evaluateDefenderStatus(hardenedCollected(), NOW);
    const storage = report.plans.find((p) => p.plan === 'StorageAccounts')!;
    expect(storage).toMatchObject({ tier: 'Standard', status: 'fail' });
    expect(storage.message).toMatch(/malware scanning/);
    expect(storage.extensions).toEqual([{ name: 'OnUploadMalwareScanning', isEnabled: false }]);
    expect(report.plans.filter((p) => p.status === 'pass').map((p) => p.plan)).toEqual(['CloudPosture', 'AI', 'KeyVaults', 'Containers', 'Arm', 'VirtualMachines']);
    expect(report.plans.find((p) => p.plan === 'AI')?.fix).toBeUndefined();
    expect(report.findings.find((f) => f.checkId === 'AML-LT-013')?.status).toBe('pass');
    expect(report.openRecommendations).toEqual({ ok: true, count: 0, top: [] });
  });

  test('a plan missing from the pricings fails as "not enabled"', () => {
    const collected = labCollected();
    const report = evaluateDefenderStatus({ ...collected, defenderPlans: { ok: true, value: [] } }, NOW);
    expect(report.plans.every((p) => p.status === 'fail' && p.tier === undefined)).toBe(true);
    expect(report.plans[0]!.message).toMatch(/not in the subscription's Defender pricings/);
  });

  test('failed reads are not assessed, never a pass', () => {
    const error = { kind: 'forbidden' as const, message: 'needs Microsoft.Security/pricings/read', resourceId: `/subscriptions/${DEFENDER_SUB}`, requiredAction: 'Microsoft.Security/pricings/read' };
    const report = evaluateDefenderStatus({ ...labCollected(), defenderPlans: { ok: false, error }, securityConnectors: { ok: false, error }, assessments: { ok: false, error } }, NOW);
    expect(report.plans.every((p) => p.status === 'error')).toBe(true);
    expect(report.findings.every((f) => f.status === 'error')).toBe(true);
    expect(report.openRecommendations).toEqual({ ok: false, message: 'needs Microsoft.Security/pricings/read' });
    expect(defenderStatusSentence(report)).toMatch(/^I could not tell: 5 of 5 Defender plans the baseline asks for in every subscription could not be read/);
  });

  test('the headline counts only the plans the baseline asks for unconditionally: AI and Servers off is not a failing subscription', () => {
    const hardened = hardenedCollected();
    const plans = hardened.defenderPlans.ok ? hardened.defenderPlans.value : [];
    // Every unconditional plan on (Storage with both extensions it needs), the two conditional plans Free.
    const value = plans.map((p) => {
      if (p.name === 'AI' || p.name === 'VirtualMachines') return { ...p, pricingTier: 'Free' };
      if (p.name === 'StorageAccounts') return { ...p, extensions: [{ name: 'OnUploadMalwareScanning', isEnabled: true }, { name: 'SensitiveDataDiscovery', isEnabled: true }] };
      return p;
    });
    const report = evaluateDefenderStatus({ ...hardened, defenderPlans: { ok: true, value } }, NOW);
    expect(report.plans.filter((p) => p.condition !== undefined).map((p) => `${p.plan}:${p.status}`)).toEqual(['AI:fail', 'VirtualMachines:fail']);
    expect(report.plans.filter((p) => p.condition === undefined).every((p) => p.status === 'pass')).toBe(true);
    expect(defenderHeadline(report)).toBe('All 5 required plans on');
    expect(defenderStatusSentence(report)).toMatch(/^Yes — all 5 Defender plans the baseline asks for in every subscription are on/);
    expect(defenderStatusSentence(report)).toContain('AI (Free; needed where workspaces connect to AI services), VirtualMachines (Free; needed for attached VMs)');
  });

  test('a failing required plan is the whole headline: the conditional plans, both on, add nothing to it', () => {
    const report = evaluateDefenderStatus(hardenedCollected(), NOW);
    expect(defenderHeadline(report)).toBe('1 of 5 required plans not fully on');
    expect(defenderStatusSentence(report)).toMatch(/^No — 1 of 5 Defender plans .*: StorageAccounts \(Standard\)\.$/);
  });
});
