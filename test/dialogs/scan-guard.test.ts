import { createScanFeature } from '../../src/dialogs/scan';
import { createGuardedScans } from '../../src/security/guarded-scans';
import type { Feature, RouteResult } from '../../src/dialogs/feature';
import type { GuardDecision, ScanGuard } from '../../src/security/scan-guard';
import { lookupFrom } from '../../src/report/catalog';
import { createMemoryStore } from '../../src/storage/memory-store';
import { smallReport, WORKSPACE_ID } from '../support/report-fixtures';
import { cardText, FakePort, FakeScanService, ref } from './scan-fakes';
import { offer } from '../support/conversation';

const { report, checks } = smallReport();

/** A guard that records every question and answers from the test's rules. */
class RecordingGuard implements ScanGuard {
  readonly asked: string[] = [];
  deny: (target: string) => string | undefined = () => undefined;
  budget = 10;
  authorize(target: string): Promise<GuardDecision> {
    this.asked.push(`authorize ${target}`);
    return Promise.resolve(this.decide(target));
  }
  authorizeResolved(workspaceId: string): Promise<GuardDecision> {
    this.asked.push(`resolved ${workspaceId}`);
    return Promise.resolve(this.decide(workspaceId));
  }
  authorizeListing(): Promise<GuardDecision> {
    this.asked.push('listing');
    return Promise.resolve(this.decide('listing'));
  }
  filterVisible<T extends { id: string }>(workspaces: readonly T[]): Promise<readonly T[]> {
    return Promise.resolve(workspaces.filter((w) => this.deny(w.id) === undefined));
  }
  takeScan(): Promise<GuardDecision> {
    this.budget -= 1;
    return Promise.resolve(this.budget >= 0 ? { allowed: true } : { allowed: false, reason: 'You have started many scans just now. Try again in 42 s.' });
  }
  private decide(target: string): GuardDecision {
    const reason = this.deny(target);
    return reason === undefined ? { allowed: true } : { allowed: false, reason };
  }
}

function setup(): { service: FakeScanService; port: FakePort; feature: Feature; guard: RecordingGuard } {
  const service = new FakeScanService(report);
  service.resolution = { kind: 'found', workspace: ref(WORKSPACE_ID, 'ws-prod') };
  const guard = new RecordingGuard();
  const feature = createScanFeature({ scans: createGuardedScans(service, guard), checks: lookupFrom(checks), store: createMemoryStore() });
  return { service, port: new FakePort(), feature, guard };
}

const scanMessage = (target: string): { text: string; route: RouteResult } => ({ text: `scan ${target}`, route: { intent: 'check', check: 'all', target, confidence: 1 } });

describe('scan feature with a guard', () => {
  it('refuses a target outside the allowed scopes before resolving or reading anything', async () => {
    const { feature, port, service, guard } = setup();
    guard.deny = () => 'That workspace is outside the scopes this bot may scan.';
    await offer(feature, port, scanMessage(WORKSPACE_ID));
    expect(service.requests).toHaveLength(0);
    expect(service.resolved).toHaveLength(0);
    expect(cardText(port.sent()[0]!)).toContain('outside the scopes this bot may scan');
  });

  it('re-authorises the id a name resolves to before collecting, and does not reveal where that workspace is', async () => {
    const { feature, port, service, guard } = setup();
    guard.deny = (t) => (t === WORKSPACE_ID ? `This team is linked to another resource group, and ${t} is outside it.` : undefined);
    await offer(feature, port, scanMessage('ws-prod'));
    expect(guard.asked).toEqual(['authorize ws-prod', `resolved ${WORKSPACE_ID}`]);
    expect(service.requests).toHaveLength(0);
    const answer = cardText(port.sent()[0]!);
    expect(answer).toContain('I found no workspace named "ws-prod" that this conversation may scan');
    expect(answer).not.toContain(WORKSPACE_ID);
  });

  it('re-authorises a workspace id carried by a card action (a forged id is not trusted)', async () => {
    const { feature, port, service, guard } = setup();
    const forged = WORKSPACE_ID.replace('ws-prod', 'ws-other');
    guard.deny = (t) => (t === forged ? 'outside the scopes' : undefined);
    const result = await feature.onAction!(port, { verb: 'scan.rescan', data: { workspaceId: forged, target: forged }, via: 'execute' });
    expect(result).toEqual({ kind: 'text', text: 'outside the scopes' });
    expect(service.requests).toHaveLength(0);
  });

  it('a notification card re-scan carries only the workspace id, which is the target', async () => {
    const { feature, port, service } = setup();
    const result = await feature.onAction!(port, { verb: 'scan.rescan', data: { workspaceId: WORKSPACE_ID }, via: 'execute' });
    expect(result.kind).toBe('card');
    expect(service.requests[0]!.target).toBe(WORKSPACE_ID);
  });

  it('answers "try again in N s" when the scan budget is spent, and scans nothing', async () => {
    const { feature, port, service, guard } = setup();
    guard.budget = 1;
    await offer(feature, port, scanMessage('sample'));
    await offer(feature, port, scanMessage('sample'));
    expect(service.requests).toHaveLength(1);
    expect(cardText(port.sent()[port.sent().length - 1]!)).toContain('Try again in 42 s');
  });
});
