import { createScanFeature } from '../../src/dialogs/scan';
import { createGuardedScans } from '../../src/security/guarded-scans';
import type { CardAction } from '../../src/dialogs/feature';
import { lookupFrom } from '../../src/report/catalog';
import { createMemoryStore } from '../../src/storage/memory-store';
import { cardSchemaErrors } from '../support/card-schema';
import { smallReport, WORKSPACE_ID } from '../support/report-fixtures';
import { cardText, FakePort, FakeScanService, openGuard, ref } from './scan-fakes';
import { loadKnowledge } from '../../src/knowledge/content';
import { createRouter } from '../../src/knowledge/router';
import { offer } from '../support/conversation';

const { report, checks } = smallReport();
const related = [checks[0]!.id, checks[3]!.id];

function setup(): { service: FakeScanService; port: FakePort; act: (verb: string, data: Record<string, unknown>, via?: CardAction['via']) => ReturnType<NonNullable<ReturnType<typeof createScanFeature>['onAction']>> } {
  const service = new FakeScanService(report);
  service.workspaces = [ref(WORKSPACE_ID, 'ws-prod')];
  service.resolution = { kind: 'found', workspace: ref(WORKSPACE_ID, 'ws-prod') };
  const feature = createScanFeature({ scans: createGuardedScans(service, openGuard()), checks: lookupFrom(checks), store: createMemoryStore() });
  const port = new FakePort();
  return { service, port, act: (verb, data, via = 'submit') => feature.onAction!(port, { verb, data, via }) };
}

/** The data of the Scan button on a "Which workspace?" card (the Action.Submit fallback carries the verb). */
function scanButtonData(card: unknown): Record<string, unknown> {
  const json = JSON.stringify(card);
  const match = /"data":(\{"check":[^}]*\}),"fallback"/.exec(json);
  if (match === null) throw new Error(`no Scan button in ${json}`);
  return JSON.parse(match[1]!) as Record<string, unknown>;
}

describe('"Run these checks on my workspace" before any scan in the conversation', () => {
  it('asks which workspace, then runs exactly the checks the answer named there', async () => {
    const { service, port, act } = setup();
    await act('scan.run-checks', { checkIds: related, questionId: 'NS-01' });
    expect(service.requests).toHaveLength(0);
    const choice = port.sent()[0]!;
    expect(cardSchemaErrors(choice)).toEqual([]);
    const data = scanButtonData(choice);
    expect(data.checkIds).toEqual(related);

    await act('scan.run', { ...data, target: WORKSPACE_ID }, 'execute');
    expect(service.requests[0]).toMatchObject({ target: WORKSPACE_ID, selection: { kind: 'checks', checkIds: related } });
    await act('scan.run', { ...data, target: 'sample' });
    expect(service.requests[1]).toMatchObject({ target: 'sample', selection: { kind: 'checks', checkIds: related } });
  });

  it('refuses a choice card whose checks are forged or unknown, and scans nothing', async () => {
    const { service, act } = setup();
    expect((await act('scan.run', { target: 'sample', check: 'all', checkIds: 'AML-NET-001' })).kind).toBe('text');
    expect((await act('scan.run', { target: 'sample', check: 'all', checkIds: ['AML-NOPE-999'] })).kind).toBe('text');
    expect((await act('scan.run', { target: 'sample', check: 'all', checkIds: [] })).kind).toBe('text');
    expect(service.requests).toHaveLength(0);
  });
});

describe('a check request typed in chat that names what to check', () => {
  const router = createRouter(loadKnowledge());

  function chat(text: string): { service: FakeScanService; port: FakePort; sent: Promise<boolean> } {
    const service = new FakeScanService(report);
    const feature = createScanFeature({ scans: createGuardedScans(service, openGuard()), checks: lookupFrom(checks), store: createMemoryStore() });
    const port = new FakePort();
    return { service, port, sent: offer(feature, port, { text, route: router.route(text) }) };
  }

  it('runs only the check a check id names', async () => {
    const id = checks[0]!.id;
    const { service, sent } = chat(`check ${id.toLowerCase()} on sample`);
    expect(await sent).toBe(true);
    expect(service.requests).toHaveLength(1);
    expect(service.requests[0]).toMatchObject({ target: 'sample', selection: { kind: 'checks', checkIds: [id] } });
  });

  it('answers a word that names no area with the areas it can check, and scans nothing', async () => {
    const { service, port, sent } = chat('check foo on sample');
    expect(await sent).toBe(true);
    expect(service.requests).toHaveLength(0);
    const answer = cardText(port.sent()[0]!);
    expect(answer).toContain('I don\'t know the area "foo"');
    expect(answer).toContain('rbac');
    expect(answer).toContain('network-security');
  });
});
