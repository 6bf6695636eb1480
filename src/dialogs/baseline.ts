/**
 * "my baseline": compiles the customer's security baseline for this conversation — the workshop answers, the
 * reference guidance and, if this conversation has a last scan (LastScans, the scan feature's own record), the current findings — and
 * delivers it as a summary card plus the Markdown document (offered as a file in personal chat when the bot
 * provides `offerFile`, i.e. Teams' file-consent flow).
 */
import { buildBaselineDocument, summarizeBaseline } from '../knowledge/baseline-document';
import type { KnowledgeContent } from '../knowledge/content-types';
import type { GuardianStore } from '../storage/store';
import { dispatchAction, unknownButton, type ActionHandlers } from './action-handlers';
import type { Feature, TurnCommandHandlers } from './feature';
import type { TurnPort } from './port';
import { buildBaselineCard } from './baseline-cards';
import { readSession } from './workshop/session';
import { baselineScan, LastScans } from './scan-state';
import { lastScanRefusal, type LastScanAccess } from './last-scan-access';
import { BASELINE_ACTIONS } from '../routing/actions/baseline';

export type OfferFile = (port: TurnPort, fileName: string, content: string) => Promise<void>;

export interface BaselineDependencies {
  readonly content: KnowledgeContent;
  readonly store: GuardianStore;
  /** Sends the document through Teams' file-consent flow (personal chat only); provided by src/bot. */
  readonly offerFile?: OfferFile;
  /** Whether the conversation's last scan may be shown to this user now: the same rule as paging through it. */
  readonly lastScanAccess: LastScanAccess;
  readonly now?: () => Date;
}

export function createBaselineFeature({ content, store, offerFile, lastScanAccess, now = () => new Date() }: BaselineDependencies): Feature & { readonly commands: Pick<TurnCommandHandlers, 'baseline'> } {
  // The same record the scan feature writes, read through its own accessor so the shapes cannot drift apart.
  const lastScans = new LastScans(store);

  async function deliver(port: TurnPort): Promise<void> {
    await port.typing();
    const conversationId = port.conversation.conversationId;
    const workshop = await readSession(store, conversationId);
    const stored = await lastScans.get(conversationId);
    // A scoped scan that followed a full one leaves the baseline on the full one: it alone has every category.
    const last = stored === undefined ? undefined : baselineScan(stored);
    // Someone else's scan (user-delegated mode), or one no longer authorised here, stays out of the document.
    const shown = last !== undefined && (await lastScanRefusal(lastScanAccess, last, port.conversation)) === undefined ? last : undefined;
    const report = shown?.report;
    const scanScope = shown?.scope;
    const input = { content, ...(workshop !== undefined ? { workshop } : {}), ...(report !== undefined ? { report } : {}), ...(scanScope !== undefined ? { scanScope } : {}) };
    const document = buildBaselineDocument({ ...input, generatedAt: now() });
    const personal = port.conversation.conversationType === 'personal';
    const canOffer = personal && offerFile !== undefined;
    await port.sendCard(buildBaselineCard({ summaries: summarizeBaseline(input), report, ...(scanScope !== undefined ? { scanScope } : {}), workshop, fileOffered: canOffer }), 'Your security baseline');
    if (canOffer) await offerFile(port, document.fileName, document.markdown);
  }

  const actions: ActionHandlers<typeof BASELINE_ACTIONS> = {
    [BASELINE_ACTIONS.show]: async (port) => {
      await deliver(port);
      return { kind: 'handled' };
    },
  };

  return {
    name: 'baseline',
    commands: { baseline: (_intent, { port }) => deliver(port) },
    onAction: dispatchAction(actions, unknownButton),
  };
}
