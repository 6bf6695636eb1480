import { checkById } from '../../src/checks/registry';
import { createMemoryStore } from '../../src/storage/memory-store';
import { loadKnowledge } from '../../src/knowledge/content';
import { createRouter } from '../../src/knowledge/router';
import { createBaselineFeature } from '../../src/dialogs/baseline';
import { lastScanKey, LastScans } from '../../src/dialogs/scan-state';
import { createWorkshopFeature } from '../../src/dialogs/workshop';
import type { ScanReport } from '../../src/checks/types';
import { cardSchemaErrors } from '../support/card-schema';
import { createScanRateLimiter } from '../../src/security/rate-limit';
import { createScanAuthorizer } from '../../src/security/scan-authorization';
import { createScanGuard } from '../../src/security/scan-guard';
import { cardText, message, RecordingPort } from './qna-fakes';
import { openGuard } from './scan-fakes';
import { offer } from '../support/conversation';

const content = loadKnowledge();
const router = createRouter(content);
const now = (): Date => new Date('2026-03-01T10:00:00Z');

const report: ScanReport = {
  workspace: { id: '/subscriptions/8c1f3e2a-4b5d-4e6f-9a0b-1c2d3e4f5a6b/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws-prod', name: 'ws-prod' },
  scannedAt: '2026-03-01T09:00:00Z',
  checkSetVersion: '1',
  summary: { pass: 0, fail: 1, error: 0, not_applicable: 0, manual: 0, accepted: 0 },
  findings: [
    {
      checkId: 'AML-NET-001', title: 'Workspace public network access disabled', category: 'network-security', severity: 'high', status: 'fail',
      resourceId: 'ws', message: 'Public network access is Enabled', evidence: [], remediation: { portal: [], url: 'https://learn.microsoft.com/x' }, workshopQuestions: ['NS-01'],
    },
  ],
};

describe('baseline feature', () => {
  it('sends the summary card and offers the document in personal chat', async () => {
    const store = createMemoryStore();
    const offered: { fileName: string; content: string }[] = [];
    const baseline = createBaselineFeature({ content, store, now, lastScanAccess: { guard: openGuard(), userScopedResults: false }, offerFile: (_port, fileName, text) => { offered.push({ fileName, content: text }); return Promise.resolve(); } });
    const workshop = createWorkshopFeature({ content, store, checks: checkById, now });
    const port = new RecordingPort();
    await offer(workshop, port, message(router, 'start workshop network security'));
    await workshop.onFreeText!(port, message(router, 'ExpressRoute and private endpoints'));
    await store.put(lastScanKey('conv-1'), { report, target: report.workspace.id });
    port.take();

    expect(await offer(baseline, port, message(router, 'my baseline'))).toBe(true);
    const [sent] = port.take();
    const card = sent?.kind === 'card' ? sent.card : undefined;
    expect(cardSchemaErrors(card)).toEqual([]);
    expect(cardText(card)).toContain('1/9 answered · 1 failed');
    expect(offered).toHaveLength(1);
    expect(offered[0]!.fileName).toBe('aml-security-baseline-ws-prod-2026-03-01.md');
    expect(offered[0]!.content).toContain('**Ada**: ExpressRoute and private endpoints');
    expect(offered[0]!.content).toContain('Public network access is Enabled');
  });

  it('says where a stopped workshop stopped, not that it finished', async () => {
    const store = createMemoryStore();
    const baseline = createBaselineFeature({ content, store, now, lastScanAccess: { guard: openGuard(), userScopedResults: false }, offerFile: () => Promise.resolve() });
    const workshop = createWorkshopFeature({ content, store, checks: checkById, now });
    const port = new RecordingPort();
    await offer(workshop, port, message(router, 'start workshop network security'));
    await workshop.onFreeText!(port, message(router, 'ExpressRoute and private endpoints'));
    await offer(workshop, port, message(router, 'stop workshop'));
    port.take();

    await offer(baseline, port, message(router, 'my baseline'));
    const [sent] = port.take();
    const text = cardText(sent?.kind === 'card' ? sent.card : undefined);
    expect(text).toContain('Workshop stopped at question 2 of 9.');
    expect(text).not.toContain('finished');
  });

  it('in a channel sends only the card (file consent is personal-only), and answers baseline.show', async () => {
    const store = createMemoryStore();
    let offers = 0;
    const baseline = createBaselineFeature({ content, store, now, lastScanAccess: { guard: openGuard(), userScopedResults: false }, offerFile: () => { offers += 1; return Promise.resolve(); } });
    const port = new RecordingPort({ conversationType: 'channel', conversationId: 'chan' });
    expect(await baseline.onAction!(port, { verb: 'baseline.show', data: {}, via: 'submit' })).toEqual({ kind: 'handled' });
    expect(cardText((port.take()[0] as { card: unknown }).card)).toContain('reference baseline');
    expect(offers).toBe(0);
    expect(await offer(baseline, port, message(router, 'what ports does aml need?'))).toBe(false);
  });

  describe('leaves a stored scan out of the document when this user may not see it now', () => {
    const documentFor = async (options: { scannedBy: string; userScopedResults: boolean; allowedScopes: string[] }): Promise<string> => {
      const store = createMemoryStore();
      const authorizer = createScanAuthorizer({ allowedScopes: options.allowedScopes, allowedTenants: [], botTenantId: '', localMode: true, sampleSubscriptionIds: [] });
      const guard = createScanGuard(authorizer, createScanRateLimiter());
      const offered: string[] = [];
      const baseline = createBaselineFeature({ content, store, now, lastScanAccess: { guard, userScopedResults: options.userScopedResults }, offerFile: (_port, _name, text) => { offered.push(text); return Promise.resolve(); } });
      await store.put(lastScanKey('conv-1'), { report, target: report.workspace.id, scannedBy: options.scannedBy });
      await offer(baseline, new RecordingPort(), message(router, 'my baseline'));
      return offered.join('\n');
    };
    const SCOPE = '/subscriptions/8c1f3e2a-4b5d-4e6f-9a0b-1c2d3e4f5a6b';

    it('shows the findings of an authorised scan', async () => {
      expect(await documentFor({ scannedBy: 'u2', userScopedResults: false, allowedScopes: [SCOPE] })).toContain('Public network access is Enabled');
    });

    it("not another user's scan in user-delegated mode", async () => {
      expect(await documentFor({ scannedBy: 'u2', userScopedResults: true, allowedScopes: [SCOPE] })).not.toContain('Public network access is Enabled');
    });

    it('not a workspace that is no longer within the allowed scopes', async () => {
      expect(await documentFor({ scannedBy: 'u1', userScopedResults: false, allowedScopes: ['/subscriptions/0f1e2d3c-4b5a-4697-8877-665544332211'] })).not.toContain('Public network access is Enabled');
    });
  });

  describe('after a scoped scan', () => {
    const identityFinding = {
      checkId: 'AML-IAM-001', title: 'Local authentication disabled on computes', category: 'identity-management' as const, severity: 'high' as const, status: 'fail' as const,
      resourceId: 'ws', message: 'Compute cpu-cluster allows SSH with local accounts', evidence: [], remediation: { portal: [], url: 'https://learn.microsoft.com/x' }, workshopQuestions: [],
    };
    const fullReport: ScanReport = { ...report, findings: [...report.findings, identityFinding], summary: { ...report.summary, fail: 2 } };
    const scopedReport: ScanReport = { ...report, scannedAt: '2026-03-01T09:30:00Z' };
    const publicNetwork = { kind: 'area', area: 'public-network' } as const;

    const baselineAfter = async (scans: readonly { report: ScanReport; scope?: typeof publicNetwork }[]): Promise<{ card: string; document: string }> => {
      const store = createMemoryStore();
      const lastScans = new LastScans(store);
      for (const scan of scans) await lastScans.put('conv-1', { report: scan.report, target: report.workspace.id, scannedBy: 'u1', ...(scan.scope !== undefined ? { scope: scan.scope } : {}) });
      const offered: string[] = [];
      const baseline = createBaselineFeature({ content, store, now, lastScanAccess: { guard: openGuard(), userScopedResults: false }, offerFile: (_port, _name, text) => { offered.push(text); return Promise.resolve(); } });
      const port = new RecordingPort();
      await offer(baseline, port, message(router, 'my baseline'));
      const [sent] = port.take();
      return { card: cardText(sent?.kind === 'card' ? sent.card : undefined), document: offered.join('\n') };
    };

    it('keeps the full scan of the same workspace, with every category counted', async () => {
      const { card, document } = await baselineAfter([{ report: fullReport }, { report: scopedReport, scope: publicNetwork }]);
      expect(card).toContain('Findings from the scan of ws-prod at 2026-03-01 09:00 UTC.');
      expect(card).toMatch(/Identity management[^·]*· 1 failed/i);
      expect(document).toContain('Compute cpu-cluster allows SSH with local accounts');
      expect(document).not.toContain('partial scan');
    });

    it('labels a partial scan when no full one exists and leaves the categories it did not check uncounted', async () => {
      const { card, document } = await baselineAfter([{ report: scopedReport, scope: publicNetwork }]);
      expect(card).toContain('Findings from the scan of ws-prod at 2026-03-01 09:30 UTC — partial scan: Public network access checks only.');
      expect(card).toMatch(/Identity management[^·]*· not checked by this scan/i);
      expect(card).not.toMatch(/0 failed, 0 not assessed, 0 accepted, 0 passed/);
      expect(document).toContain('partial scan: Public network access checks only');
      expect(document).toMatch(/\| Identity management \| [^|]+ \| not checked \|/i);
      expect(document).toContain('_Not checked by this partial scan._');
    });

    it('uses a scoped scan of another workspace rather than the full scan of the previous one', async () => {
      const other: ScanReport = { ...scopedReport, workspace: { id: report.workspace.id.replace('ws-prod', 'ws-dev'), name: 'ws-dev' } };
      const { card } = await baselineAfter([{ report: fullReport }, { report: other, scope: publicNetwork }]);
      expect(card).toMatch(/Findings from the scan of ws-dev at [^\n]* — partial scan: Public network access checks only\./);
    });
  });
});
