/**
 * The scan feature's answers to review items 4 (Defender status of a subscription), 5 (sample names in sample-only
 * mode), 8 (re-check of a resource that is gone), 15 (area scans answer the question first) and 21 (a link or HTML
 * in the message is ignored, and the prompt says so).
 */
import type { Finding } from '../../src/checks/types';
import { createScanFeature } from '../../src/dialogs/scan';
import { createGuardedScans } from '../../src/security/guarded-scans';
import type { Feature, RouteResult } from '../../src/dialogs/feature';
import { lookupFrom } from '../../src/report/catalog';
import { areaAnswerSentence } from '../../src/report/wording';
import { ScanError } from '../../src/scan/scan-service';
import { createScanRateLimiter } from '../../src/security/rate-limit';
import { createScanAuthorizer } from '../../src/security/scan-authorization';
import { createScanGuard } from '../../src/security/scan-guard';
import { createMemoryStore } from '../../src/storage/memory-store';
import { cardSchemaErrors } from '../support/card-schema';
import { findingOf, fixtureCheck, reportOf, smallReport, SUB, WORKSPACE_ID } from '../support/report-fixtures';
import { DEFENDER_SUB, labDefenderReport } from '../scan/defender-fixtures';
import { cardText, FakePort, FakeScanService, openGuard, ref } from './scan-fakes';
import { offer } from '../support/conversation';

const { report, checks } = smallReport();
const SAMPLE_WS = `/subscriptions/${DEFENDER_SUB}/resourceGroups/rg-mlopsv2-0001prod/providers/Microsoft.MachineLearningServices/workspaces/mlw-mlopsv2-0001prod`;
const TENANT = '11111111-1111-4111-8111-111111111111';

function message(text: string, route: Partial<RouteResult>): { text: string; route: RouteResult } {
  return { text, route: { intent: 'check', check: 'all', confidence: 1, ...route } };
}

function setup(options: { guarded?: boolean; allowedScopes?: string[] } = {}): { service: FakeScanService; port: FakePort; feature: Feature } {
  const service = new FakeScanService(report);
  service.resolution = { kind: 'found', workspace: ref(WORKSPACE_ID, 'ws-prod') };
  const store = createMemoryStore();
  const guard =
    options.guarded === true
      ? createScanGuard(
          createScanAuthorizer({ allowedScopes: options.allowedScopes ?? [], allowedTenants: [], botTenantId: TENANT, localMode: false, store, sampleSubscriptionIds: [DEFENDER_SUB] }),
          createScanRateLimiter({ store }),
        )
      : undefined;
  const feature = createScanFeature({ scans: createGuardedScans(service, guard ?? openGuard()), checks: lookupFrom([...checks, fixtureCheck('network-security', 7, 'high')]), store });
  const port = new FakePort({ conversationId: 'conv-1', conversationType: 'personal', tenantId: TENANT, userId: 'u1', userName: 'Ada', teamId: undefined, channelId: undefined });
  return { service, port, feature };
}

describe('item 4: Defender status of a subscription', () => {
  it.each([DEFENDER_SUB, `/subscriptions/${DEFENDER_SUB}`])('"defender status for subscription %s" answers with the plans card', async (target) => {
    const { feature, port, service } = setup({ guarded: true });
    service.defender = labDefenderReport();
    expect(await offer(feature, port, message(`defender status for subscription ${target}`, { check: 'defender', target }))).toBe(true);
    expect(service.defenderAsked).toEqual([DEFENDER_SUB]);
    expect(service.requests).toEqual([]);
    const card = port.sent()[0]!;
    const text = cardText(card);
    expect(text).toMatch(/^No — 5 of 5 Defender plans the baseline asks for in every subscription are not fully on/m);
    expect(text).toContain('CloudPosture');
    expect(text).toContain('Free');
    expect(JSON.stringify(card)).toContain(`az security pricing create --subscription ${DEFENDER_SUB} -n CloudPosture --tier Standard`);
    expect(cardSchemaErrors(card)).toEqual([]);
  });

  it('refuses a subscription outside the allowed scopes before reading anything', async () => {
    const { feature, port, service } = setup({ guarded: true, allowedScopes: [`/subscriptions/${SUB}/resourceGroups/rg-ml`] });
    await offer(feature, port, message('defender status', { check: 'defender', target: `/subscriptions/${SUB}` }));
    expect(service.defenderAsked).toEqual([]);
    expect(cardText(port.sent()[0]!)).toMatch(/whole subscription/);
  });

  it('explains a subscription the service cannot read', async () => {
    const { feature, port, service } = setup();
    service.defender = new ScanError('forbidden', 'It needs Microsoft.Security/pricings/read.');
    await offer(feature, port, message('defender status', { check: 'defender', target: DEFENDER_SUB }));
    expect(cardText(port.sent()[0]!)).toContain(`I could not read the Defender plans of /subscriptions/${DEFENDER_SUB}: It needs Microsoft.Security/pricings/read.`);
  });

  it('other checks on a subscription offer its workspaces instead of treating the GUID as a name', async () => {
    const { feature, port, service } = setup();
    service.workspaces = [ref(SAMPLE_WS, 'mlw-mlopsv2-0001prod'), ref(WORKSPACE_ID, 'ws-prod')];
    await offer(feature, port, message('check rbac', { check: 'rbac', target: DEFENDER_SUB }));
    expect(service.resolved).toEqual([]);
    expect(service.defenderAsked).toEqual([]);
    const card = port.sent()[0]!;
    expect(cardText(card)).toContain('That is a subscription');
    expect(JSON.stringify(card)).toContain(SAMPLE_WS);
    expect(JSON.stringify(card)).not.toContain(WORKSPACE_ID);
  });
});

describe('item 5: a sample workspace name in sample-only mode', () => {
  it('is resolved, then allowed by the id it resolves to', async () => {
    const { feature, port, service } = setup({ guarded: true });
    service.resolution = { kind: 'found', workspace: ref(SAMPLE_WS, 'mlw-mlopsv2-0001prod') };
    await offer(feature, port, message('scan mlw-mlopsv2-0001prod', { target: 'mlw-mlopsv2-0001prod' }));
    expect(service.resolved).toEqual(['mlw-mlopsv2-0001prod']);
    expect(service.requests.map((r) => r.target)).toEqual([SAMPLE_WS]);
  });

  it('a name that resolves to a real workspace is still refused before the scan', async () => {
    const { feature, port, service } = setup({ guarded: true });
    await offer(feature, port, message('scan ws-prod', { target: 'ws-prod' }));
    expect(service.requests).toEqual([]);
    expect(cardText(port.sent()[0]!)).toContain('set up for the sample environment only');
  });

  it('sample scans are not rate-limited (item 9)', async () => {
    const { feature, port, service } = setup({ guarded: true });
    for (let i = 0; i < 8; i++) await offer(feature, port, message('scan sample:hardened', { target: 'sample:hardened' }));
    expect(service.requests).toHaveLength(8);
    expect(port.sent().map(cardText).join('\n')).not.toMatch(/limit of/);
  });
});

describe('item 8: re-check of a resource no longer in the results', () => {
  const compute = `${WORKSPACE_ID}/computes/ci-x`;
  const other = `${WORKSPACE_ID}/computes/ci-y`;
  const check = fixtureCheck('network-security', 7, 'high');
  const onCompute = (resourceId: string, status: Finding['status']): Finding => findingOf(check, status, { resourceId, message: `Compute ${resourceId.split('/').at(-1)} is ${status}.` });

  async function scannedWith(findings: Finding[]): Promise<ReturnType<typeof setup>> {
    const s = setup();
    s.service.result = reportOf(findings);
    await offer(s.feature, s.port, message('scan ws-prod', { target: 'ws-prod' }));
    return s;
  }
  const recheck = (s: ReturnType<typeof setup>) =>
    s.feature.onAction!(s.port, { verb: 'scan.recheck', data: { workspaceId: WORKSPACE_ID, target: WORKSPACE_ID, checkId: check.id, resourceId: compute }, via: 'execute' });

  it('says the resource is gone, and never shows another resource\u2019s finding', async () => {
    const s = await scannedWith([onCompute(compute, 'fail'), onCompute(other, 'pass')]);
    s.service.result = reportOf([onCompute(other, 'fail')]);
    const result = await recheck(s);
    expect(result).toEqual({ kind: 'text', text: 'compute ci-x is gone or no longer in scope: nothing to re-check.' });
    // The stored report follows the re-check: ci-x's old failure is gone from paging.
    const page = await s.feature.onAction!(s.port, { verb: 'scan.page', data: { workspaceId: WORKSPACE_ID, target: WORKSPACE_ID, page: 0 }, via: 'execute' });
    expect(JSON.stringify(page)).not.toContain('Compute ci-x is fail');
  });

  it('says it was resolved when the check now passes without it', async () => {
    const s = await scannedWith([onCompute(compute, 'fail')]);
    s.service.result = reportOf([findingOf(check, 'pass', { resourceId: WORKSPACE_ID })]);
    const result = await recheck(s);
    expect(result.kind).toBe('text');
    expect((result as { text: string }).text).toMatch(/^compute ci-x no longer appears in .* passes now: it was resolved, or the resource is gone\.$/);
  });

  it('still re-checks the card\u2019s own resource when it is there', async () => {
    const s = await scannedWith([onCompute(compute, 'fail'), onCompute(other, 'fail')]);
    s.service.result = reportOf([onCompute(other, 'fail'), onCompute(compute, 'pass')]);
    const result = await recheck(s);
    expect(result.kind).toBe('card');
    expect(cardText((result as { card: Parameters<typeof cardText>[0] }).card)).toContain('Compute ci-x is pass.');
  });
});

describe('item 15: area scans answer the question first', () => {
  const net = (id: string, status: Finding['status'], actual = 'Enabled'): Finding =>
    findingOf({ ...fixtureCheck('network-security', 1, 'high'), id }, status, { evidence: [{ property: 'properties.publicNetworkAccess', actual, expected: 'Disabled' }] });

  it('public network: "No — … publicNetworkAccess Enabled; n of m public-access check results fail"', () => {
    const r = reportOf([net('AML-NET-001', 'fail'), net('AML-NET-010', 'fail'), net('AML-NET-011', 'pass'), net('AML-NET-012', 'not_applicable')]);
    expect(areaAnswerSentence('public-network', r)).toBe('No — public network access is not off: ws-prod has publicNetworkAccess Enabled; 2 of 3 public-access check results fail.');
    const partly = reportOf([net('AML-NET-001', 'pass', 'Disabled'), net('AML-NET-010', 'fail')]);
    expect(areaAnswerSentence('public-network', partly)).toMatch(/^Partly — public network access is off on ws-prod itself, but 1 of 2/);
    const yes = reportOf([net('AML-NET-001', 'pass', 'Disabled'), net('AML-NET-010', 'pass')]);
    expect(areaAnswerSentence('public-network', yes)).toBe('Yes — public network access is off on ws-prod, and all 2 public-access check results pass.');
    const unread = reportOf([net('AML-NET-001', 'error'), net('AML-NET-010', 'pass')]);
    expect(areaAnswerSentence('public-network', unread)).toMatch(/^I could not tell/);
  });

  it('an area scan posts one card: titled as what it is, opening with the answer, with no overall score', async () => {
    const { feature, port, service } = setup();
    service.result = reportOf([net('AML-NET-001', 'fail'), net('AML-NET-010', 'pass')]);
    await offer(feature, port, message('is public network access off on ws-prod?', { check: 'public-network', target: 'ws-prod' }));
    const answer = cardText(port.updates().at(-1)!);
    expect(answer).toContain('Is public network access off on ws-prod?');
    expect(answer).toContain('No — public network access is not off: ws-prod has publicNetworkAccess Enabled; 1 of 2 public-access check results fail.');
    expect(answer).toMatch(/^Public network access checks$/m);
    expect(answer).not.toContain('Security baseline scan');
    expect(answer).not.toContain('score');
    // The answer's counts are the card's counts.
    expect(answer).toContain('1 failed · 1 passed');
    expect(port.sent()).toHaveLength(1);
  });

  it('a full scan has no answer (the summary replaces the progress card)', async () => {
    const { feature, port } = setup();
    await offer(feature, port, message('scan ws-prod', { target: 'ws-prod' }));
    expect(cardText(port.updates().at(-1)!)).toContain('Security baseline scan');
  });
});

describe('item 21: ignored link, mention or HTML', () => {
  it.each([
    ['scan [evil](https://evil.example)', 'link'],
    ['scan https://evil.example/ws', 'link'],
    ['scan <b>ws</b>', 'HTML'],
    ['scan @everyone', 'mention'],
  ])('"%s" → the prompt says the %s was ignored', async (text, kind) => {
    const { feature, port, service } = setup();
    await offer(feature, port, message(text, {}));
    const prompt = cardText(port.sent()[0]!);
    expect(prompt).toContain(`I ignored the ${kind} in your message`);
    expect(prompt).toContain('Name the workspace by its name or resource id.');
    expect(prompt).not.toContain('evil.example');
    expect(service.requests).toEqual([]);
  });

  it('a plain "scan" asks without a notice', async () => {
    const { feature, port } = setup();
    await offer(feature, port, message('scan', {}));
    expect(cardText(port.sent()[0]!)).not.toContain('ignored');
  });
});
