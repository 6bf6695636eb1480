/**
 * Issue 3: "The test suite drives every check's pass and fail through it [the sample environment]".
 *
 * For every check in the registry, one `pass` and one `fail` are produced end to end: the real collectors and
 * SDK clients read the sample ARM server over loopback HTTPS, and the scan service evaluates only that check.
 * By default `sample:hardened` passes and `sample` (lab-default) fails; every other case names the one change to
 * the ARM data that makes the difference (test/support/sample-mutations.ts). The store is put back after each
 * case, so one environment serves the whole file.
 */
import { allChecks } from '../../src/checks/registry';
import type { Finding, Status } from '../../src/checks/types';
import { startSampleEnvironment, type SampleEnvironment } from '../../src/scan';
import { mutations, snapshotSample, type MutationName } from '../support/sample-mutations';

type SampleTarget = 'sample' | 'sample:hardened';

interface Scenario {
  readonly target: SampleTarget;
  /** The change made to the sample before the scan; none means the sample as seeded. */
  readonly mutation?: MutationName;
  /** Text the failing finding's message or evidence must contain: it names what the mutation changed. */
  readonly mentions?: string;
}

interface CheckCases {
  readonly pass: Scenario;
  readonly fail: Scenario;
}

const HARDENED: Scenario = { target: 'sample:hardened' };
const LAB: Scenario = { target: 'sample' };
const SEEDED: CheckCases = { pass: HARDENED, fail: LAB };

const labWith = (mutation: MutationName, mentions?: string): Scenario => ({ target: 'sample', mutation, ...(mentions !== undefined ? { mentions } : {}) });
const hardenedWith = (mutation: MutationName, mentions?: string): Scenario => ({ target: 'sample:hardened', mutation, ...(mentions !== undefined ? { mentions } : {}) });

/** Every check, by id. A new check needs a line here (the meta test below fails until it has one). */
const CASES: Readonly<Record<string, CheckCases>> = {
  'AML-NET-001': SEEDED,
  'AML-NET-002': SEEDED,
  'AML-NET-003': SEEDED,
  // lab-default has no managed network, so its outbound rules are not applicable.
  'AML-NET-004': { pass: HARDENED, fail: hardenedWith('hardenedOutboundRuleToAnyBlob', '*.blob.core.windows.net') },
  'AML-NET-005': SEEDED,
  'AML-NET-006': SEEDED,
  'AML-NET-007': SEEDED,
  'AML-NET-008': SEEDED,
  'AML-NET-009': SEEDED,
  'AML-NET-010': SEEDED,
  'AML-NET-011': SEEDED,
  'AML-NET-012': SEEDED,
  'AML-NET-013': SEEDED,
  // lab-default's resource group holds no AML registry.
  'AML-NET-014': { pass: HARDENED, fail: labWith('labPublicMlRegistry', 'publicNetworkAccess is Enabled') },
  // The hardened workspace is private, so an IP allow-list is not applicable to it.
  'AML-NET-015': { pass: hardenedWith('hardenedPublicWithIpAllowlist'), fail: LAB },
  'AML-IDM-001': SEEDED,
  'AML-IDM-002': SEEDED,
  'AML-IDM-003': SEEDED,
  'AML-IDM-004': SEEDED,
  'AML-IDM-005': SEEDED,
  'AML-IDM-006': SEEDED,
  'AML-IDM-007': SEEDED,
  'AML-IDM-008': { pass: HARDENED, fail: labWith('labRegistryAnonymousPull', 'anonymousPullEnabled true') },
  'AML-IDM-009': SEEDED,
  'AML-IDM-010': SEEDED,
  'AML-IDM-011': SEEDED,
  'AML-IDM-012': SEEDED,
  'AML-PRA-001': SEEDED,
  // The hardened vault uses RBAC, so its access policies are not applicable.
  'AML-PRA-002': { pass: labWith('labVaultLeastPrivilegePolicies'), fail: LAB },
  'AML-PRA-003': SEEDED,
  'AML-PRA-004': SEEDED,
  'AML-PRA-005': { pass: HARDENED, fail: labWith('labWorkspaceIdentityLosesVaultContributor', 'lacks Contributor on key vault') },
  'AML-PRA-006': SEEDED,
  // lab-default says nothing about its data, so these are manual there until it declares it sensitive.
  'AML-DP-001': { pass: HARDENED, fail: labWith('labWorkspaceHbi', 'high-business-impact flag') },
  'AML-DP-002': { pass: HARDENED, fail: labWith('labWorkspaceTaggedConfidential', 'dataClassification=confidential') },
  'AML-DP-003': SEEDED,
  'AML-DP-004': { pass: HARDENED, fail: labWith('labStorageTls10', 'TLS1_0') },
  'AML-DP-005': { pass: HARDENED, fail: labWith('labStorageAnonymousBlob', 'allowBlobPublicAccess') },
  'AML-DP-006': { pass: HARDENED, fail: labWith('labStorageCrossTenantReplication', 'allowCrossTenantReplication') },
  'AML-DP-007': { pass: HARDENED, fail: labWith('labWorkspaceHbi', 'flagged high business impact') },
  'AML-DP-008': SEEDED,
  // lab-default uses no CMK, so key rotation is not applicable there.
  'AML-DP-009': { pass: HARDENED, fail: hardenedWith('hardenedCmkWithoutRotation', 'no automatic rotation') },
  // Manual on both samples until the registry-models Deny policy is assigned.
  'AML-DP-010': {
    pass: hardenedWith('hardenedRegistryModelsDenyOwnRegistry'),
    fail: hardenedWith('hardenedRegistryModelsDenyOtherRegistry', 'azureml://registries/mlr-guardian-hardened/'),
  },
  // Nothing in the stable compute body says that idle shutdown is off: the lab is manual until policy 679ddf89 says so.
  'AML-AM-001': { pass: HARDENED, fail: labWith('labComputeInstanceIdleShutdownNonCompliant', 'NonCompliant') },
  'AML-AM-002': { pass: HARDENED, fail: labWith('labClusterMinNodes2', 'minNodeCount') },
  'AML-AM-003': SEEDED,
  'AML-AM-004': SEEDED,
  'AML-AM-005': SEEDED,
  'AML-AM-006': { pass: HARDENED, fail: labWith('labWorkspaceNonCompliant', 'NonCompliant') },
  'AML-AM-007': SEEDED,
  'AML-LT-001': SEEDED,
  'AML-LT-002': SEEDED,
  'AML-LT-003': SEEDED,
  'AML-LT-004': SEEDED,
  // lab-default connects to no AI service and attaches no VM: those plans apply only once it does.
  'AML-LT-005': { pass: HARDENED, fail: labWith('labAzureOpenAiConnection', 'aoai-lab-chat') },
  'AML-LT-006': SEEDED,
  'AML-LT-007': SEEDED,
  'AML-LT-008': SEEDED,
  'AML-LT-009': SEEDED,
  'AML-LT-010': SEEDED,
  'AML-LT-011': SEEDED,
  'AML-LT-012': { pass: hardenedWith('hardenedAttachedVm', 'attached-dsvm'), fail: labWith('labAttachedVm', 'attached-dsvm') },
  'AML-LT-013': SEEDED,
  'AML-LT-014': SEEDED,
  'AML-PV-001': SEEDED,
  'AML-PV-002': SEEDED,
  'AML-PV-003': SEEDED,
  'AML-BR-001': SEEDED,
  'AML-BR-002': SEEDED,
  'AML-BR-003': { pass: HARDENED, fail: labWith('labWorkspaceSoftDelete7Days', '7 day') },
  'AML-BR-004': SEEDED,
  'AML-BR-005': { pass: HARDENED, fail: labWith('labVaultRetention7Days', '7 days') },
};

const describeScenario = (s: Scenario): string => `${s.target}${s.mutation !== undefined ? ` + ${s.mutation}` : ' as seeded'}`;

/** `[check id, scenario label, scenario]` rows for test.each, in registry order. */
const rows = (expected: 'pass' | 'fail'): [string, string, Scenario][] =>
  allChecks.flatMap((c) => {
    const cases = CASES[c.id];
    return cases === undefined ? [] : [[c.id, describeScenario(cases[expected]), cases[expected]] as [string, string, Scenario]];
  });

const statuses = (findings: readonly Finding[]): Status[] => findings.map((f) => f.status);
/** A pass case needs every result to pass; a fail case needs at least one failure. */
const meets = (found: readonly Status[], expected: 'pass' | 'fail'): boolean =>
  expected === 'pass' ? found.length > 0 && found.every((s) => s === 'pass') : found.includes('fail');
const describeFindings = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.status}: ${f.message}`);

describe('every check through the sample environment', () => {
  let env: SampleEnvironment;
  let restore: () => void;

  beforeAll(async () => {
    env = await startSampleEnvironment({ now: () => new Date('2026-01-15T10:00:00Z') });
    restore = snapshotSample(env.arm);
  });
  afterAll(async () => {
    await env.close();
  });
  afterEach(() => restore());

  /** Applies the scenario's mutation, then scans the one check through the real collectors. */
  async function scanCheck(checkId: string, scenario: Scenario): Promise<readonly Finding[]> {
    if (scenario.mutation !== undefined) mutations[scenario.mutation](env.arm);
    const report = await env.scanService.scan({ target: scenario.target, selection: { kind: 'checks', checkIds: [checkId] } });
    expect(new Set(report.findings.map((f) => f.checkId))).toEqual(new Set([checkId]));
    return report.findings;
  }

  test.each(rows('pass'))('%s passes on %s', async (checkId, _label, scenario) => {
    const findings = await scanCheck(checkId, scenario);
    expect(findings.length).toBeGreaterThan(0);
    // every result of the check passes, not just one resource of several
    expect(describeFindings(findings.filter((f) => f.status !== 'pass'))).toEqual([]);
  });

  test.each(rows('fail'))('%s fails on %s', async (checkId, _label, scenario) => {
    const findings = await scanCheck(checkId, scenario);
    expect(statuses(findings)).toContain('fail');
    expect(describeFindings(findings.filter((f) => f.status === 'error'))).toEqual([]);
    if (scenario.mentions !== undefined) {
      const failed = findings.filter((f) => f.status === 'fail');
      const text = failed.map((f) => [f.message, ...f.evidence.flatMap((e) => [e.property, e.actual])].join(' ')).join('\n');
      expect(text).toContain(scenario.mentions);
    }
  });

  test('every mutated case differs from the sample as seeded (the mutation, not the seed, decides)', async () => {
    const mutated = allChecks.flatMap((c) => {
      const cases = CASES[c.id];
      if (cases === undefined) return [];
      return (['pass', 'fail'] as const).filter((k) => cases[k].mutation !== undefined).map((k) => ({ checkId: c.id, expected: k, target: cases[k].target }));
    });
    expect(mutated.length).toBeGreaterThan(0);
    // Read-only scans of the seeded samples may run side by side.
    const seeded = await Promise.all(mutated.map(async (m) => ({ ...m, found: statuses(await scanCheck(m.checkId, { target: m.target })) })));
    expect(seeded.filter((m) => meets(m.found, m.expected)).map((m) => `${m.checkId} ${m.expected}s on ${m.target} as seeded`)).toEqual([]);
  });

  test('restoring after a mutation gives back the sample exactly', () => {
    const before = env.arm.store.entries();
    for (const mutate of Object.values(mutations)) mutate(env.arm);
    expect(env.arm.store.entries()).not.toEqual(before);
    restore();
    expect(env.arm.store.entries()).toEqual(before);
  });
});

describe('the sample case table', () => {
  test('covers every check in the registry, and nothing else', () => {
    expect(Object.keys(CASES).sort()).toEqual(allChecks.map((c) => c.id).sort());
  });

  test('uses every named mutation', () => {
    const used = new Set(Object.values(CASES).flatMap((c) => [c.pass.mutation, c.fail.mutation]));
    expect(Object.keys(mutations).filter((name) => !used.has(name as MutationName))).toEqual([]);
  });
});
