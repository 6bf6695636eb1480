import type { Finding } from '../../src/checks/types';
import { createScanFeature } from '../../src/dialogs/scan';
import { createGuardedScans } from '../../src/security/guarded-scans';
import type { ActionResult, CardAction, Feature, RouteResult } from '../../src/dialogs/feature';
import type { AdaptiveCard } from '../../src/dialogs/port';
import { lookupFrom } from '../../src/report/catalog';
import { ScanError } from '../../src/scan/scan-service';
import { createMemoryStore } from '../../src/storage/memory-store';
import { cardSchemaErrors } from '../support/card-schema';
import { reportOf, smallReport, SUB, WORKSPACE_ID } from '../support/report-fixtures';
import { cardText, FakePort, FakeScanService, openGuard, ref } from './scan-fakes';
import { offer } from '../support/conversation';

const { report, checks } = smallReport();
const lookup = lookupFrom(checks);
const failing = report.findings[1]!;

function message(target: string | undefined, check: RouteResult['check'] = 'all'): { text: string; route: RouteResult } {
  return { text: `scan ${target ?? ''}`, route: { intent: 'check', check, ...(target === undefined ? {} : { target }), confidence: 1 } };
}

function setup(options: { clock?: { t: number }; store?: boolean } = {}): { service: FakeScanService; port: FakePort; feature: Feature; store: ReturnType<typeof createMemoryStore> } {
  const service = new FakeScanService(report);
  service.resolution = { kind: 'found', workspace: ref(WORKSPACE_ID, 'ws-prod') };
  const store = createMemoryStore();
  const clock = options.clock ?? { t: 0 };
  const feature = createScanFeature({ scans: createGuardedScans(service, openGuard()), checks: lookup, now: () => clock.t, ...(options.store === false ? {} : { store }) });
  return { service, port: new FakePort(), feature, store };
}

function cardOf(result: ActionResult): AdaptiveCard {
  if (result.kind !== 'card') throw new Error(`expected a card, got ${JSON.stringify(result)}`);
  return result.card;
}

const act = (feature: Feature, port: FakePort, verb: string, data: Record<string, unknown>, via: CardAction['via'] = 'execute') => feature.onAction!(port, { verb, data, via });

describe('scan feature: messages', () => {
  it('ignores messages that are not check requests', async () => {
    const { feature, port } = setup();
    expect(await offer(feature, port, { text: 'hi', route: { intent: 'question', confidence: 1 } })).toBe(false);
    expect(port.events).toEqual([]);
  });

  it('posts progress at once, updates the same message, then replaces it with the one summary card', async () => {
    const clock = { t: 0 };
    const { feature, port, service, store } = setup({ clock });
    service.progressSteps = 12;
    service.tick = () => (clock.t += 1500);
    expect(await offer(feature, port, message('ws-prod', 'rbac'))).toBe(true);
    expect(service.requests[0]!.target).toBe(WORKSPACE_ID);
    expect(service.requests[0]!.selection).toEqual({ kind: 'area', area: 'rbac' });
    const sends = port.events.flatMap((e) => (e.kind === 'send' ? [e] : []));
    const progressId = sends[0]!.id;
    expect(cardText(sends[0]!.card)).toContain('Scanning ws-prod');
    const updates = port.events.flatMap((e) => (e.kind === 'update' ? [e] : []));
    expect(updates.every((u) => u.id === progressId)).toBe(true);
    expect(updates.length).toBeGreaterThanOrEqual(2);
    expect(cardText(updates[0]!.card)).toMatch(/Scanning ws-prod… \d+\/12 reads/);
    // The progress card becomes the summary, which opens with the area question's answer; nothing else is posted.
    const summary = cardText(updates[updates.length - 1]!.card);
    expect(summary).toMatch(/^RBAC checks$/m);
    expect(summary).toContain('Who holds Owner, and are role assignments on ws-prod least privilege?');
    expect(summary).toMatch(/^No — role assignments on ws-prod are not least privilege: 2 of 7 RBAC check results fail/m);
    expect(summary).toContain(failing.title);
    expect(port.sent()).toHaveLength(1);
    for (const card of port.sent().concat(port.updates())) expect(cardSchemaErrors(card)).toEqual([]);
    const stored = await store.get<{ report: { workspace: { id: string } }; target: string }>('scan/last/conv-1');
    expect(stored?.value.report.workspace.id).toBe(WORKSPACE_ID);
    expect(stored?.value.target).toBe(WORKSPACE_ID);
  });

  it('throttles progress updates when reads complete faster than the interval', async () => {
    const { feature, port, service } = setup();
    service.progressSteps = 40;
    await offer(feature, port, message('ws-prod'));
    // Clock never moves: an update every quarter of the reads at most, plus the final summary.
    expect(port.updates().length).toBeLessThanOrEqual(5);
  });

  it('turns the progress card into an error card with the reason when the scan throws', async () => {
    const { feature, port, service } = setup();
    service.progressSteps = 3;
    service.result = new ScanError('forbidden', 'ws-prod is outside the scopes this bot may scan.');
    await offer(feature, port, message('ws-prod'));
    const last = port.updates().pop()!;
    expect(cardText(last)).toContain('I am not allowed to scan that workspace: ws-prod is outside the scopes this bot may scan.');
    expect(port.sent()).toHaveLength(1);
  });

  it('does not leak internals of an unexpected failure', async () => {
    const { feature, port, service } = setup();
    service.result = new Error('ECONNRESET at /internal/path with token=abc');
    await offer(feature, port, message('ws-prod'));
    const text = cardText(port.updates().pop()!);
    expect(text).toContain('The scan failed unexpectedly');
    expect(text).not.toContain('ECONNRESET');
  });

  it('sends the summary as a new message when the update fails', async () => {
    const { feature, port } = setup();
    port.failUpdates = true;
    await offer(feature, port, message('ws-prod'));
    expect(cardText(port.sent()[1]!)).toContain('Security baseline scan');
  });

  it('asks which workspace, listing what it can see plus the sample, when the target is missing', async () => {
    const { feature, port, service } = setup();
    service.workspaces = [ref(WORKSPACE_ID, 'ws-prod')];
    await offer(feature, port, message(undefined));
    const card = port.sent()[0]!;
    const choices = JSON.stringify(card);
    expect(choices).toContain(WORKSPACE_ID);
    expect(choices).toContain('"value":"sample"');
    expect(JSON.stringify(card.actions)).toContain('scan.run');
    expect(service.requests).toHaveLength(0);
  });

  it('still offers the sample when listing workspaces fails', async () => {
    const { feature, port, service } = setup();
    service.listError = new Error('no credential');
    await offer(feature, port, message(undefined));
    expect(JSON.stringify(port.sent()[0])).toContain('"value":"sample"');
  });

  it('offers a choice for an ambiguous name and a clear answer for an unknown one', async () => {
    const { feature, port, service } = setup();
    const other = `/subscriptions/${SUB.replace(/1$/, '2')}/resourceGroups/rg2/providers/Microsoft.MachineLearningServices/workspaces/ws-prod`;
    service.resolution = { kind: 'ambiguous', candidates: [ref(WORKSPACE_ID, 'ws-prod'), ref(other, 'ws-prod')] };
    await offer(feature, port, message('ws-prod'));
    const json = JSON.stringify(port.sent()[0]);
    expect(json).toContain(other);
    expect(cardText(port.sent()[0]!)).toContain('Several workspaces are called "ws-prod"');
    service.resolution = { kind: 'not_found', message: 'No workspace called ws-nope is visible to the bot.' };
    await offer(feature, port, message('ws-nope'));
    expect(cardText(port.sent()[1]!)).toContain('No workspace called ws-nope is visible to the bot.');
    expect(service.requests).toHaveLength(0);
  });

  it('scans the sample without resolving it', async () => {
    const { feature, port, service } = setup();
    service.resolution = new Error('resolve must not be called');
    await offer(feature, port, message('sample'));
    expect(service.requests[0]!.target).toBe('sample');
    expect(cardText(port.sent()[0]!)).toContain('Scanning the sample workspace');
  });

  it('explains a refused resolution (auth) in one sentence', async () => {
    const { feature, port, service } = setup();
    service.resolution = new ScanError('auth', 'Run "az login" first.');
    await offer(feature, port, message('ws-prod'));
    expect(cardText(port.sent()[0]!)).toContain('I could not sign in to Azure: Run "az login" first.');
  });
});

describe('scan feature: card actions', () => {
  async function scanned(): Promise<ReturnType<typeof setup>> {
    const s = setup();
    await offer(s.feature, s.port, message('ws-prod'));
    return s;
  }
  const ids = { workspaceId: WORKSPACE_ID, target: WORKSPACE_ID };

  it('re-checks one check and returns the updated finding card', async () => {
    const { feature, port, service } = await scanned();
    const fixed: Finding = { ...failing, status: 'pass', message: 'Fixed now.', evidence: [] };
    service.result = reportOf(report.findings.map((f) => (f === failing ? fixed : f)));
    const result = await act(feature, port, 'scan.recheck', { ...ids, checkId: failing.checkId, resourceId: failing.resourceId });
    expect(service.requests.pop()!.selection).toEqual({ kind: 'checks', checkIds: [failing.checkId] });
    expect(result.kind).toBe('card');
    const text = cardText(cardOf(result));
    expect(text).toContain(`Fixed: ${failing.checkId} passes now.`);
    expect(text).toContain('Fixed now.');
    // The stored report now holds the re-checked result.
    const page = await act(feature, port, 'scan.page', { ...ids, page: 0 });
    expect(JSON.stringify(page)).toContain('Fixed now.');
  });

  it('pages through the last report and opens a finding from it', async () => {
    const { feature, port } = await scanned();
    const page = await act(feature, port, 'scan.page', { ...ids, page: 0 }, 'submit');
    expect(page.kind).toBe('card');
    const detail = await act(feature, port, 'scan.detail', { ...ids, checkId: failing.checkId, resourceId: failing.resourceId });
    expect(cardText(cardOf(detail))).toContain(failing.message);
  });

  it('re-scans and returns the new summary', async () => {
    const { feature, port, service } = await scanned();
    const result = await act(feature, port, 'scan.rescan', ids);
    expect(service.requests.pop()!.selection).toEqual({ kind: 'all' });
    expect(cardText(cardOf(result))).toContain('Security baseline scan');
  });

  it('runs the scan chosen on the prompt card', async () => {
    const { feature, port, service } = setup();
    const result = await act(feature, port, 'scan.run', { target: 'sample', check: 'defender' }, 'submit');
    expect(result.kind).toBe('handled');
    expect(service.requests[0]).toMatchObject({ target: 'sample', selection: { kind: 'area', area: 'defender' } });
    const byId = await act(feature, port, 'scan.run', { target: WORKSPACE_ID, check: 'network-security' });
    expect(service.requests[1]).toMatchObject({ target: WORKSPACE_ID, selection: { kind: 'category', category: 'network-security' } });
    // Action.Execute: the choice card is replaced by one that names the scan and has no button left to press.
    const replacement = cardOf(byId);
    expect(cardText(replacement)).toContain('Scanning ws-prod…');
    expect(cardText(replacement)).toContain('Results below.');
    expect(JSON.stringify(replacement)).not.toContain('Action.');
    expect(cardSchemaErrors(replacement)).toEqual([]);
  });

  it('replaces the choice card after a sample scan too, and refusals still answer as text', async () => {
    const { feature, port } = setup();
    expect(cardText(cardOf(await act(feature, port, 'scan.run', { target: 'sample:hardened', check: 'all' })))).toContain('Scanning hardened…');
    const refused = await act(feature, port, 'scan.run', { target: 'sample:../../etc', check: 'all' });
    expect(refused.kind).toBe('text');
  });

  const forged: [string, string, Record<string, unknown>][] = [
    ['unknown verb', 'scan.explode', ids],
    ['missing workspace id', 'scan.recheck', { target: WORKSPACE_ID, checkId: failing.checkId }],
    ['workspace id of the wrong type', 'scan.recheck', { workspaceId: 42, target: WORKSPACE_ID, checkId: failing.checkId }],
    ['path traversal in the workspace id', 'scan.recheck', { workspaceId: `${WORKSPACE_ID}/../../x`, target: WORKSPACE_ID, checkId: failing.checkId }],
    ['query in the target', 'scan.rescan', { workspaceId: WORKSPACE_ID, target: `${WORKSPACE_ID}?api-version=1` }],
    ['another host', 'scan.rescan', { workspaceId: WORKSPACE_ID, target: 'https://evil.example/subscriptions/x' }],
    ['not a workspace', 'scan.rescan', { workspaceId: `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.KeyVault/vaults/kv`, target: WORKSPACE_ID }],
    ['two different workspaces', 'scan.rescan', { workspaceId: WORKSPACE_ID, target: WORKSPACE_ID.replace('ws-prod', 'ws-other') }],
    ['unknown check id', 'scan.recheck', { ...ids, checkId: 'AML-NET-999' }],
    ['malformed check id', 'scan.recheck', { ...ids, checkId: '<script>' }],
    ['page of the wrong type', 'scan.page', { ...ids, page: '1' }],
    ['negative page', 'scan.page', { ...ids, page: -1 }],
    ['resource id of the wrong type', 'scan.detail', { ...ids, checkId: failing.checkId, resourceId: { $ne: 1 } }],
    ['unknown check scope', 'scan.run', { target: 'sample', check: 'everything; drop table' }],
    ['bad sample name', 'scan.run', { target: 'sample:../../etc' }],
  ];

  it.each(forged)('answers forged data (%s) with a sentence and scans nothing', async (_name, verb, data) => {
    const { feature, port, service } = await scanned();
    const before = service.requests.length;
    const result = await act(feature, port, verb, data);
    expect(result.kind).toBe('text');
    expect((result as { text: string }).text.length).toBeGreaterThan(10);
    expect(service.requests.length).toBe(before);
  });

  it('answers stale paging and details (no stored scan, or another workspace) with a sentence', async () => {
    const { feature, port } = setup({ store: false });
    expect(await act(feature, port, 'scan.page', { ...ids, page: 0 })).toMatchObject({ kind: 'text' });
    const s = await scanned();
    const other = WORKSPACE_ID.replace('ws-prod', 'ws-other');
    expect(await act(s.feature, s.port, 'scan.page', { workspaceId: other, target: other, page: 0 })).toMatchObject({ kind: 'text' });
    expect(await act(s.feature, s.port, 'scan.detail', { ...ids, checkId: 'AML-NET-777' })).toMatchObject({ kind: 'text' });
  });

  it('explains a re-check that the scan service refuses', async () => {
    const { feature, port, service } = await scanned();
    service.result = new ScanError('timeout', 'The scan deadline of 60 s passed.');
    const result = await act(feature, port, 'scan.recheck', { ...ids, checkId: failing.checkId });
    expect(result).toEqual({ kind: 'text', text: 'The scan took too long and was stopped: The scan deadline of 60 s passed.' });
  });

  it('works without a store (in-process memory)', async () => {
    const { feature, port } = setup({ store: false });
    await offer(feature, port, message('ws-prod'));
    expect((await act(feature, port, 'scan.page', { ...ids, page: 0 })).kind).toBe('card');
  });
});
