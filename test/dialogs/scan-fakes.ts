/**
 * An in-memory ScanService and TurnPort for the scan feature's tests.
 */
import type { ScanReport } from '../../src/checks/types';
import type { AdaptiveCard, ConversationInfo, TurnPort } from '../../src/dialogs/port';
import type { DefenderStatusReport, Resolution, ScanRequest, ScanService, WorkspaceRef } from '../../src/scan/scan-service';
import { createScanRateLimiter } from '../../src/security/rate-limit';
import { createScanAuthorizer } from '../../src/security/scan-authorization';
import { createScanGuard, type ScanGuard } from '../../src/security/scan-guard';

export type PortEvent =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'send'; readonly id: string; readonly card: AdaptiveCard }
  | { readonly kind: 'update'; readonly id: string; readonly card: AdaptiveCard }
  | { readonly kind: 'typing' };

export class FakePort implements TurnPort {
  readonly events: PortEvent[] = [];
  failUpdates = false;
  private next = 1;

  constructor(readonly conversation: ConversationInfo = { conversationId: 'conv-1', conversationType: 'personal', tenantId: 't', userId: 'u1', userName: 'Ada', teamId: undefined, channelId: undefined }) {}

  sendText(text: string): Promise<void> {
    this.events.push({ kind: 'text', text });
    return Promise.resolve();
  }

  sendCard(card: AdaptiveCard): Promise<string> {
    const id = `activity-${this.next++}`;
    this.events.push({ kind: 'send', id, card });
    return Promise.resolve(id);
  }

  updateCard(activityId: string, card: AdaptiveCard): Promise<void> {
    if (this.failUpdates) return Promise.reject(new Error('update failed'));
    this.events.push({ kind: 'update', id: activityId, card });
    return Promise.resolve();
  }

  typing(): Promise<void> {
    this.events.push({ kind: 'typing' });
    return Promise.resolve();
  }

  sent(): AdaptiveCard[] {
    return this.events.flatMap((e) => (e.kind === 'send' ? [e.card] : []));
  }

  updates(): AdaptiveCard[] {
    return this.events.flatMap((e) => (e.kind === 'update' ? [e.card] : []));
  }
}

export const ref = (id: string, name: string): WorkspaceRef => ({ id, name, resourceGroup: 'rg-ml', subscriptionId: id.split('/')[2]!, location: 'westeurope' });

export class FakeScanService implements ScanService {
  readonly requests: ScanRequest[] = [];
  /** Targets passed to resolve(), in order. */
  readonly resolved: string[] = [];
  workspaces: WorkspaceRef[] = [];
  resolution: Resolution | Error = { kind: 'not_found', message: 'No workspace is called that.' };
  result: ScanReport | Error;
  listError: Error | undefined;
  /** Progress events the scan reports before it returns; `tick` runs between them (advance a fake clock). */
  progressSteps = 0;
  tick: () => void = () => undefined;

  constructor(result: ScanReport) {
    this.result = result;
  }

  scan(request: ScanRequest): Promise<ScanReport> {
    this.requests.push(request);
    for (let done = 1; done <= this.progressSteps; done++) {
      this.tick();
      request.onProgress?.({ done, total: this.progressSteps, label: `read ${done}` });
    }
    if (this.result instanceof Error) return Promise.reject(this.result);
    const { selection } = request;
    if (selection.kind === 'checks') {
      const ids = new Set(selection.checkIds);
      return Promise.resolve({ ...this.result, findings: this.result.findings.filter((f) => ids.has(f.checkId)) });
    }
    return Promise.resolve(this.result);
  }

  resolve(target: string): Promise<Resolution> {
    this.resolved.push(target);
    return this.resolution instanceof Error ? Promise.reject(this.resolution) : Promise.resolve(this.resolution);
  }

  listWorkspaces(): Promise<readonly WorkspaceRef[]> {
    return this.listError !== undefined ? Promise.reject(this.listError) : Promise.resolve(this.workspaces);
  }

  /** Subscriptions passed to defenderStatus(), in order; `defender` is what it answers. */
  readonly defenderAsked: string[] = [];
  defender: DefenderStatusReport | Error = new Error('no Defender status in this test');

  defenderStatus(subscriptionId: string): Promise<DefenderStatusReport> {
    this.defenderAsked.push(subscriptionId);
    return this.defender instanceof Error ? Promise.reject(this.defender) : Promise.resolve(this.defender);
  }
}

/** All TextBlock texts of a card, joined: what the user reads. */
export function cardText(card: AdaptiveCard): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      const o = node as Record<string, unknown>;
      if (o.type === 'TextBlock' && typeof o.text === 'string') texts.push(o.text.replace(/\\(.)/g, '$1'));
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return texts.join('\n');
}

/**
 * The product's guard configured wide open — any tenant (local mode), any workspace (user-delegated with no scope
 * list), no team bindings, budgets nobody reaches — for tests about something other than who may scan.
 */
export function openGuard(): ScanGuard {
  const authorizer = createScanAuthorizer({ allowedScopes: [], allowedTenants: [], botTenantId: '', localMode: true, userDelegated: true, sampleSubscriptionIds: [] });
  const unlimited = { capacity: 1_000_000, refillMs: 1 };
  return createScanGuard(authorizer, createScanRateLimiter({ limits: { perUser: unlimited, perConversation: unlimited, perTenant: unlimited } }));
}
