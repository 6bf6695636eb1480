/** Fakes for notification tests: findings and reports, a scan service that plays a script, a recording sender, a clock. */
import type { Finding, ScanReport, Status } from '../../src/checks/types';
import type { AdaptiveCard } from '../../src/dialogs/port';
import type { Resolution, ScanRequest, ScanService, WorkspaceRef } from '../../src/scan/scan-service';
import { SendError, type ConversationRefJson, type ProactiveSender } from '../../src/notifications/sender';
import type { GuardianStore } from '../../src/storage/store';
import { silentLogger, type Logger } from '../../src/logging';

export const WS_ID = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ws-prod';
export const WORKSPACE: WorkspaceRef = { id: WS_ID, name: 'ws-prod', resourceGroup: 'rg-ml', subscriptionId: '00000000-0000-0000-0000-000000000001', location: 'westeurope' };

export function finding(checkId: string, status: Status, overrides: Partial<Finding> = {}): Finding {
  return {
    checkId,
    status,
    resourceId: WS_ID,
    message: `${checkId} is ${status}`,
    evidence: [],
    title: `Title of ${checkId}`,
    category: 'network-security',
    severity: 'high',
    remediation: { portal: [], url: 'https://learn.microsoft.com/' },
    workshopQuestions: [],
    ...overrides,
  };
}

export function report(findings: readonly Finding[], scannedAt = '2030-01-01T08:00:00.000Z'): ScanReport {
  const summary: Record<Status, number> = { pass: 0, fail: 0, error: 0, not_applicable: 0, manual: 0, accepted: 0 };
  for (const f of findings) summary[f.status]++;
  return { workspace: { id: WS_ID, name: 'ws-prod' }, scannedAt, checkSetVersion: '1.0.0', summary, findings };
}

/** Returns the scripted reports in order (the last one repeats); counts scans. */
export class ScriptedScanService implements ScanService {
  readonly requests: ScanRequest[] = [];
  constructor(private readonly script: (ScanReport | Error)[]) {}
  scan(request: ScanRequest): Promise<ScanReport> {
    this.requests.push(request);
    const next = this.script.length > 1 ? this.script.shift()! : this.script[0]!;
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  }
  resolve(target: string): Promise<Resolution> {
    if (target === 'ws-prod' || target.toLowerCase() === WS_ID.toLowerCase()) return Promise.resolve({ kind: 'found', workspace: WORKSPACE });
    if (target === 'ws-dup') return Promise.resolve({ kind: 'ambiguous', candidates: [WORKSPACE, { ...WORKSPACE, id: `${WS_ID}2`, resourceGroup: 'rg-other' }] });
    return Promise.resolve({ kind: 'not_found', message: `No workspace named ${target}.` });
  }
  listWorkspaces(): Promise<readonly WorkspaceRef[]> {
    return Promise.resolve([WORKSPACE]);
  }
}

export interface SentMessage {
  readonly ref: ConversationRefJson;
  readonly card: AdaptiveCard;
  readonly text?: string;
}

/** Records successful sends; `failures` are thrown first, one per call. */
export class RecordingSender implements ProactiveSender {
  readonly sent: SentMessage[] = [];
  attempts = 0;
  constructor(public failures: (SendError | Error)[] = []) {}
  send(ref: ConversationRefJson, card: AdaptiveCard, text?: string): Promise<void> {
    this.attempts++;
    const failure = this.failures.shift();
    if (failure !== undefined) return Promise.reject(failure);
    this.sent.push({ ref, card, text });
    return Promise.resolve();
  }
}

/** A clock that moves only when told (sleep advances it). */
export class FakeClock {
  readonly sleeps: number[] = [];
  constructor(public ms = Date.parse('2030-01-01T07:00:00.000Z')) {}
  readonly now = (): number => this.ms;
  readonly sleep = (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.ms += Math.max(0, ms);
    return Promise.resolve();
  };
  advance(ms: number): void {
    this.ms += ms;
  }
  date(): Date {
    return new Date(this.ms);
  }
}

/** The options every notification-service test shares: one instance, the fake clock for time and sleeps, no jitter. */
export function fakeServiceOptions(clock: FakeClock): { logger: Logger; instanceId: string; now: () => number; sleep: (ms: number) => Promise<void>; random: () => number } {
  return { logger: silentLogger(), instanceId: 'a', now: clock.now, sleep: clock.sleep, random: () => 0 };
}

export const CONVERSATION_ID = '19:channel@thread.tacv2';
export const CONVERSATION_REF: ConversationRefJson = {
  conversation: { id: CONVERSATION_ID, conversationType: 'channel', tenantId: 't' },
  serviceUrl: 'http://127.0.0.1:9/',
  channelId: 'msteams',
  bot: { id: 'bot' },
};

export async function saveConversationRef(store: GuardianStore): Promise<void> {
  await store.put(`conversation-ref/${CONVERSATION_ID}`, CONVERSATION_REF);
}

export function cardText(card: AdaptiveCard): string {
  return JSON.stringify(card);
}

export { SendError };
