/**
 * Accepted risk in chat: the *Accept risk* button of a failed finding opens a form; "accept AML-NET-001 on ws-prod
 * for 90 days: <reason>" does the same in words; "show exceptions" lists them per workspace with owner, reason and
 * days left (and those whose finding passes now, for clean-up); reminder cards carry *Renew* and *Revoke*.
 * Everything is checked before anything is saved: a refusal names each bad field and changes nothing.
 */
import { ACCEPT_SCOPES, acceptRiskFormCard, type AcceptScope } from '../cards/accept-risk-card';
import { noticeCard } from '../cards/notice-card';
import { parseAcceptCommand } from '../exceptions/command';
import { dayAfter, daysLeft, expiryChoices, type ExceptionEntry } from '../exceptions/model';
import type { StoredException } from '../exceptions/repository';
import type { ExceptionService } from '../exceptions/service';
import type { ExceptionFieldError } from '../exceptions/validate';
import type { CheckLookup } from '../report/catalog';
import { ScanError, type Resolution } from '../scan/scan-service';
import { quoteUserText } from '../security/input';
import { parseResourceId, ResourceIdError } from '../shared/resource-id';
import type { ApproverCheck } from './exceptions-approvers';
import type { ActionResult, CardAction, Feature, TurnCommandHandlers } from './feature';
import { dispatchAction } from './action-handlers';
import type { ConversationInfo, TurnPort } from './port';
import { EXCEPTION_ACTIONS } from '../routing/actions/exceptions';
import type { GuardianStore } from '../storage/store';
import { lastScanVerdicts } from './exceptions-last-scan';
import type { LastScanAccess } from './last-scan-access';

export interface ExceptionsFeatureOptions {
  readonly service: ExceptionService;
  readonly approvers: ApproverCheck;
  readonly checks: CheckLookup;
  readonly maxDays: number;
  /** A workspace named in chat ("on ws-prod") as the scan service resolves it, after the scan guard allowed it. */
  readonly resolveWorkspace: (target: string, conversation: ConversationInfo) => Promise<{ readonly ok: true; readonly id: string; readonly name: string } | { readonly ok: false; readonly message: string }>;
  /** The conversation's last scan (the scan feature's record) and who may see it: it tells whether a finding fails. */
  readonly lastScan: { readonly store: GuardianStore; readonly access: LastScanAccess };
  readonly now?: () => Date;
}

/**
 * `resolveWorkspace` over name lookups made for one conversation (the product's guarded Azure handle): a refusal
 * or a lookup error is the answer, and an ambiguous name asks for the id without listing anyone's workspaces.
 */
export function workspaceResolverOver(lookupFor: (conversation: ConversationInfo) => { resolve(target: string): Promise<Resolution> }): ExceptionsFeatureOptions['resolveWorkspace'] {
  return async (target, conversation) => {
    const resolution = await lookupFor(conversation).resolve(target).catch((e: unknown): Resolution => {
      if (e instanceof ScanError) return { kind: 'not_found', message: e.message };
      throw e;
    });
    if (resolution.kind === 'found') return { ok: true, id: resolution.workspace.id, name: resolution.workspace.name };
    if (resolution.kind === 'ambiguous') return { ok: false, message: `"${target}" matches several workspaces; give its resource id.` };
    return { ok: false, message: resolution.message };
  };
}

export const EXCEPTIONS_TEXT = {
  none: 'No risks are accepted in this conversation. A failed finding\'s *Accept risk* button, or "accept AML-NET-001 on <workspace> for 90 days: <reason>", records one.',
  gone: 'That exception no longer exists, was revoked, or belongs to another conversation.',
  badCard: 'That button is not one I can act on (it names no finding I know). Scan again and use the new card.',
} as const;

function refusal(problems: readonly ExceptionFieldError[]): string {
  return [`I saved nothing: ${problems.length === 1 ? 'one field needs' : 'these fields need'} fixing.`, ...problems.map((p) => `- **${p.field}** ${quoteUserText(p.message, 300)}${p.next === undefined ? '' : ` ${p.next}`}`)].join('\n');
}

function displayName(conversation: ConversationInfo): string {
  return conversation.userName ?? conversation.userId;
}

function lastSegment(id: string): string {
  return id.split('/').filter((s) => s !== '').pop() ?? id;
}

/** The resource id a form scope stands for. */
function scopeId(scope: AcceptScope, resourceId: string, workspaceId: string): string {
  if (scope === 'resource') return resourceId;
  if (scope === 'workspace') return workspaceId;
  const parsed = parseResourceId(workspaceId);
  return `/subscriptions/${parsed.subscriptionId}/resourceGroups/${parsed.resourceGroup ?? ''}`;
}

export function exceptionLine(stored: StoredException, now: Date): string {
  const e = stored.entry;
  const left = daysLeft(e, now);
  const when = left < 0 ? `expired ${e.expires}` : left === 0 ? `expires today (${e.expires})` : `${left} day${left === 1 ? '' : 's'} left (until ${e.expires})`;
  const scope = e.resource.toLowerCase() === stored.workspace.id.toLowerCase() ? 'the workspace' : quoteUserText(lastSegment(e.resource), 80);
  const unused = stored.unusedSince === undefined ? '' : ' — **unused**: the finding passes now; revoke it to clean up';
  return `- **${quoteUserText(e.checkId, 20)}** on ${scope} — owner ${quoteUserText(e.owner, 80)}, ${when}: ${quoteUserText(e.reason, 300)} (id ${e.id})${unused}`;
}

/** "show exceptions": per workspace, the unused ones listed apart for clean-up. */
export function exceptionsListText(stored: readonly StoredException[], now: Date): string {
  if (stored.length === 0) return EXCEPTIONS_TEXT.none;
  const lines: string[] = [`**Accepted risks** (${stored.length})`];
  const byWorkspace = new Map<string, StoredException[]>();
  for (const s of stored) byWorkspace.set(s.workspace.name, [...(byWorkspace.get(s.workspace.name) ?? []), s]);
  for (const [name, list] of [...byWorkspace].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push('', `**${quoteUserText(name, 120)}**`, ...list.filter((s) => s.unusedSince === undefined).map((s) => exceptionLine(s, now)));
    const unused = list.filter((s) => s.unusedSince !== undefined);
    if (unused.length > 0) lines.push('', 'Unused, to clean up:', ...unused.map((s) => exceptionLine(s, now)));
  }
  return lines.join('\n');
}

/**
 * "Accepted AML-NET-001 on ws-prod until …", or, when the accept renewed the exception of the same risk, "… was
 * already accepted until …; renewed until …". `quote` escapes user text for where it goes: chat Markdown quotes
 * it, a notice card escapes its lines itself (quoting twice would show the backslashes).
 */
function acceptedText(entry: ExceptionEntry, workspaceName: string, quote: (text: string, max: number) => string, renewed?: ExceptionEntry): string {
  const resource = lastSegment(entry.resource);
  const where = resource.toLowerCase() === workspaceName.toLowerCase() ? quote(resource, 120) : `${quote(resource, 120)} (${quote(workspaceName, 120)})`;
  const terms = `owner ${quote(entry.owner, 80)}: ${quote(entry.reason, 300)}.`;
  if (renewed !== undefined) {
    return `${entry.checkId} on ${where} was already accepted until ${renewed.expires} (id ${entry.id}); renewed until ${entry.expires}, ${terms} The audit log keeps both decisions.`;
  }
  return `Accepted ${entry.checkId} on ${where} until ${entry.expires}, ${terms} The next scan shows it as accepted; when it expires, the finding fails again.`;
}

const unquoted = (text: string): string => text;

const text = (data: CardAction['data'], key: string): string => (typeof data[key] === 'string' ? (data[key]).trim() : '');

export function createExceptionsFeature(options: ExceptionsFeatureOptions): Feature & { readonly commands: Pick<TurnCommandHandlers, 'accept' | 'exceptions'> } {
  const { service, approvers, checks } = options;
  const now = options.now ?? ((): Date => new Date());
  const verdictOf = lastScanVerdicts(options.lastScan.store, options.lastScan.access);

  async function acceptInWords(port: TurnPort, args: string): Promise<void> {
    const parsed = parseAcceptCommand(args);
    if (!parsed.ok) return port.sendText(refusal(parsed.problems));
    const { command } = parsed;
    const resolved = await options.resolveWorkspace(command.target, port.conversation);
    if (!resolved.ok) return port.sendText(`I saved nothing. ${quoteUserText(resolved.message, 300)}`);
    const denied = await approvers.refusal(port.conversation, resolved.id);
    if (denied !== undefined) return port.sendText(denied);
    const verdict = await verdictOf(port.conversation, command.checkId, resolved);
    if (verdict.kind === 'does-not-fail') return port.sendText(verdict.refusal);
    const expires = command.until ?? dayAfter(now(), command.days ?? 0);
    const owner = displayName(port.conversation);
    const result = await service.accept({
      conversationId: port.conversation.conversationId,
      workspace: { id: resolved.id, name: resolved.name },
      checkId: command.checkId,
      resource: resolved.id,
      reason: command.reason,
      owner,
      ownerUserId: port.conversation.userId,
      expires,
      createdBy: owner,
    });
    if (!result.ok) return port.sendText(refusal(result.problems));
    const accepted = acceptedText(result.stored.entry, resolved.name, quoteUserText, result.renewed?.entry);
    return port.sendText(verdict.kind === 'unknown' ? `${accepted}\n\n${verdict.note}` : accepted);
  }

  /** The ids a card carries, parsed: untrusted until they parse as resource ids and name a known check. */
  function findingOf(data: CardAction['data']): { checkId: string; resourceId: string; workspaceId: string } | undefined {
    const checkId = text(data, 'checkId').toUpperCase();
    const resourceId = text(data, 'resourceId');
    const workspaceId = text(data, 'workspaceId');
    if (checks(checkId) === undefined) return undefined;
    try {
      parseResourceId(workspaceId);
      if (!resourceId.startsWith('/subscriptions/')) return undefined;
    } catch (e) {
      if (e instanceof ResourceIdError) return undefined;
      throw e;
    }
    return { checkId, resourceId, workspaceId };
  }

  async function openForm(port: TurnPort, data: CardAction['data']): Promise<ActionResult> {
    const finding = findingOf(data);
    if (finding === undefined) return { kind: 'text', text: EXCEPTIONS_TEXT.badCard };
    const denied = await approvers.refusal(port.conversation, finding.resourceId);
    if (denied !== undefined) return { kind: 'text', text: denied };
    const expiry = expiryChoices(now(), options.maxDays);
    const form = acceptRiskFormCard({
      checkId: finding.checkId,
      title: checks(finding.checkId)?.title ?? finding.checkId,
      resourceId: finding.resourceId,
      workspaceId: finding.workspaceId,
      workspaceName: lastSegment(finding.workspaceId),
      defaultOwner: displayName(port.conversation),
      minExpiry: expiry.min,
      maxExpiry: expiry.max,
      defaultExpiry: expiry.proposed,
      maxDays: options.maxDays,
    });
    // A new message: the finding card stays as it was until the risk is accepted.
    await port.sendCard(form, `Accept the risk of ${finding.checkId}`);
    return { kind: 'handled' };
  }

  async function acceptFromForm(port: TurnPort, data: CardAction['data']): Promise<ActionResult> {
    const finding = findingOf(data);
    if (finding === undefined) return { kind: 'text', text: EXCEPTIONS_TEXT.badCard };
    const scope = text(data, 'scope') || 'resource';
    if (!(ACCEPT_SCOPES as readonly string[]).includes(scope)) return { kind: 'text', text: refusal([{ field: 'scope', message: `must be one of ${ACCEPT_SCOPES.join(', ')}.` }]) };
    const resource = scopeId(scope as AcceptScope, finding.resourceId, finding.workspaceId);
    const denied = await approvers.refusal(port.conversation, resource);
    if (denied !== undefined) return { kind: 'text', text: denied };
    const accepting = displayName(port.conversation);
    const owner = text(data, 'owner') || accepting;
    const workspaceName = text(data, 'workspaceName') || lastSegment(finding.workspaceId);
    const result = await service.accept({
      conversationId: port.conversation.conversationId,
      workspace: { id: finding.workspaceId, name: workspaceName },
      checkId: finding.checkId,
      resource,
      reason: text(data, 'reason'),
      owner,
      ...(owner === accepting ? { ownerUserId: port.conversation.userId } : {}),
      expires: text(data, 'expires'),
      createdBy: accepting,
    });
    if (!result.ok) return { kind: 'text', text: refusal(result.problems) };
    const title = `${result.renewed === undefined ? 'Risk accepted' : 'Accepted risk renewed'}: ${finding.checkId}`;
    return { kind: 'card', card: noticeCard({ title, lines: [acceptedText(result.stored.entry, workspaceName, unquoted, result.renewed?.entry)], tone: 'success' }) };
  }

  /** Renew and Revoke act on the conversation that holds the exception: from there by an approver, or by its owner anywhere. */
  async function decide(port: TurnPort, action: CardAction): Promise<ActionResult> {
    const id = text(action.data, 'id');
    const conversationId = text(action.data, 'conversationId') || port.conversation.conversationId;
    const stored = await service.repository.get(conversationId, id);
    if (stored === undefined || stored.state !== 'active') return { kind: 'text', text: EXCEPTIONS_TEXT.gone };
    const isOwner = stored.ownerUserId !== undefined && stored.ownerUserId === port.conversation.userId;
    if (!isOwner) {
      if (conversationId !== port.conversation.conversationId) return { kind: 'text', text: EXCEPTIONS_TEXT.gone };
      const denied = await approvers.refusal(port.conversation, stored.entry.resource);
      if (denied !== undefined) return { kind: 'text', text: denied };
    }
    const by = displayName(port.conversation);
    if (action.verb === EXCEPTION_ACTIONS.revoke) {
      await service.revoke(conversationId, id, by);
      return { kind: 'card', card: noticeCard({ title: `Exception revoked: ${stored.entry.checkId}`, lines: [`${by} revoked it. The next scan reports the finding as failed if it still fails.`], tone: 'info' }) };
    }
    const result = await service.renew(conversationId, id, text(action.data, 'expires'), by);
    if (!result.ok) return { kind: 'text', text: refusal(result.problems) };
    return { kind: 'card', card: noticeCard({ title: `Exception renewed: ${stored.entry.checkId}`, lines: [`${by} renewed it until ${result.stored.entry.expires}.`], tone: 'success' }) };
  }

  return {
    name: 'exceptions',
    commands: {
      accept: ({ args }, { port }) => acceptInWords(port, args),
      exceptions: async (_intent, { port }) => port.sendText(exceptionsListText(await service.list(port.conversation.conversationId), now())),
    },
    onAction: dispatchAction<typeof EXCEPTION_ACTIONS>(
      {
        [EXCEPTION_ACTIONS.form]: (port, action) => openForm(port, action.data),
        [EXCEPTION_ACTIONS.accept]: (port, action) => acceptFromForm(port, action.data),
        [EXCEPTION_ACTIONS.renew]: decide,
        [EXCEPTION_ACTIONS.revoke]: decide,
      },
      () => ({ kind: 'text', text: EXCEPTIONS_TEXT.badCard }),
    ),
  };
}
