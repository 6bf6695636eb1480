/**
 * Who may scan what, decided before any ARM read. Three gates, in order:
 *   1. the user's tenant is allowed (GUARDIAN_ALLOWED_TENANTS; else the bot's own tenant; any tenant only in
 *      local mode, where there is no token check anyway);
 *   2. the workspace is within GUARDIAN_ALLOWED_SCOPES (empty: only the sample environment);
 *   3. the workspace is within the team's binding, when the team has one.
 * Names are not ids: a name must be resolved (Resource Graph, or the sample environment's names) before its
 * workspace can be checked, so `authorize` lets a name through gate 1 only as "needs resolution", and the caller
 * must call `authorizeResolved` with the id it found before collecting anything. Gates 2–3 are never decided on a
 * name: in sample-only mode a name may still be a sample workspace's (which is always allowed once resolved).
 * A subscription (Defender status) passes the same gates as a scope of its own: the subscription itself must be
 * within an allowed scope and the team's binding; an allowed resource group does not open its subscription.
 * Card actions carry ids the client can forge: they go through the same calls, never a cached "allowed".
 */
import type { ConversationInfo } from '../shared/conversation';
import type { WorkspaceRef } from '../scan/scan-service';
import type { GuardianStore } from '../storage/store';
import { isWithinScope, parseResourceId, parseWorkspaceId, ResourceIdError } from '../shared/resource-id';
import { isSampleTarget } from '../shared/scan-target';
import { createChannelBindings, isWithinBinding, type ChannelBinding, type ChannelBindings } from './channel-binding';

export type AuthorizationDecision =
  | {
      readonly allowed: true;
      /** Set for a workspace name: call `authorizeResolved` with the id it resolves to before collecting. */
      readonly needsResolution?: true;
    }
  | { readonly allowed: false; readonly reason: string };

export interface ScanAuthorizerOptions {
  /** config.azure.allowedScopes */
  readonly allowedScopes: readonly string[];
  /** config.azure.allowedTenants */
  readonly allowedTenants: readonly string[];
  /** config.bot.tenantId ('' when not set) */
  readonly botTenantId: string;
  /** config.bot.id === '': no token check on /api/messages, so tenant ids are not trustworthy anyway. */
  readonly localMode: boolean;
  /** Where team bindings live; without it there are no bindings. */
  readonly store?: GuardianStore;
  /** Or the bindings object itself (shared with the link feature). */
  readonly bindings?: ChannelBindings;
  /** Subscriptions of the built-in sample environment: always scannable, they exist only on the local sample server. */
  readonly sampleSubscriptionIds: readonly string[];
  /**
   * User-delegated mode: each scan runs with the user's own Azure token, so with no GUARDIAN_ALLOWED_SCOPES the
   * user's RBAC is the limit (tenant and team bindings still apply). In bot-identity mode empty means samples only.
   */
  readonly userDelegated?: boolean;
}

export interface ScanAuthorizationRequest {
  /** `sample`, `sample:<name>`, a full workspace resource id, or a workspace name. */
  readonly target: string;
  readonly conversation: ConversationInfo;
}

export interface ScanAuthorizer {
  /** Before anything else: the raw target the user typed or the card carried. */
  authorize(request: ScanAuthorizationRequest): Promise<AuthorizationDecision>;
  /** After a name was resolved (or a card carried an id), before any collection. */
  authorizeResolved(workspaceId: string, conversation: ConversationInfo): Promise<AuthorizationDecision>;
  /** A subscription (GUID or `/subscriptions/<guid>`) whose Defender settings are to be read. */
  authorizeSubscription(subscription: string, conversation: ConversationInfo): Promise<AuthorizationDecision>;
  /** Gate 1 alone: whether this conversation's tenant may have Azure read for it at all (before a listing). */
  authorizeTenant(conversation: ConversationInfo): AuthorizationDecision;
  /** True for a target that reads only the built-in sample environment (a sample name, or an id in a sample subscription). */
  isSample(target: string): boolean;
  /** The workspaces this conversation may scan, for "which workspace?" prompts. */
  filterVisible<T extends Pick<WorkspaceRef, 'id'>>(workspaces: readonly T[], conversation: ConversationInfo): Promise<T[]>;
  /** The scopes in force here: the allowed scopes, narrowed by the team's binding. */
  effectiveScopes(conversation: ConversationInfo): Promise<readonly string[]>;
}

const WORKSPACE_ID_SHAPE = '…/providers/Microsoft.MachineLearningServices/workspaces/<name>';

const lowerFirst = (text: string): string => (/^[A-Z][a-z]/.test(text) ? `${text.charAt(0).toLowerCase()}${text.slice(1)}` : text);

/** Why `text` is not a workspace id, as one sentence for the user. */
function notAWorkspaceReason(text: string): string {
  let parsed;
  try {
    parsed = parseResourceId(text);
  } catch (error) {
    return REASONS.notAWorkspace(error instanceof ResourceIdError ? error.message : 'it is not a resource id.');
  }
  if (parsed.provider === undefined) return REASONS.notAWorkspaceButScope(parsed.resourceGroup === undefined ? 'subscription' : 'resource group');
  return REASONS.notAWorkspaceButResource(`${parsed.provider}/${parsed.type ?? ''}`);
}

/**
 * A refusal says what the person reading it can do. In Teams that person cannot change the bot's settings, so no
 * sentence they can see names an environment variable: they are told whom to ask. Only the local bot's own user
 * (`guardian chat`, `npm start` without BOT_ID, who runs the bot) is told what to change.
 */
export const REASONS = {
  tenant:
    'This bot scans Azure only for people in the organizations it is set up for, and yours is not one of them. ' +
    "Ask the bot's administrator to add your organization.",
  tenantUnknown:
    'I cannot tell which organization you are in, so I cannot scan Azure for you. Try again from Microsoft Teams, or try "scan sample".',
  noTenantPolicy:
    'This bot is not set up for any organization yet, so it scans only the sample environment. Try "scan sample", and ask the bot\'s administrator to set it up for yours.',
  sampleOnly:
    'This bot is set up for the sample environment only: try "scan sample". ' +
    "Ask the bot's administrator to allow the subscriptions or resource groups you want scanned.",
  /** Local mode ignores allowed scopes: Azure is scanned by a registered bot, or by `guardian scan` in a terminal. */
  sampleOnlyLocal:
    'This bot runs locally, without a bot registration, so it scans only the sample environment: try "scan sample". ' +
    'To scan a workspace in Azure, run `guardian scan <workspace id>` in a terminal signed in with `az login`, or run the bot registered (BOT_ID) with the scopes it may read (GUARDIAN_ALLOWED_SCOPES).',
  /** One sentence: what the id is instead (a resource group, a subscription, another resource), or why it is no id. */
  notAWorkspace: (detail: string): string => `That is not a workspace I can scan: ${lowerFirst(detail)}`,
  notAWorkspaceButScope: (what: 'resource group' | 'subscription'): string =>
    `That is a ${what}, not a workspace: name a workspace in it, by its name or its id (${WORKSPACE_ID_SHAPE}).`,
  notAWorkspaceButResource: (type: string): string =>
    `That is not a workspace I can scan: it is a ${type} resource, not an Azure Machine Learning workspace (${WORKSPACE_ID_SHAPE}).`,
  notASubscription: 'That is not a subscription id: give its GUID, for example "defender status for subscription 1b6d3c4e-7f80-4a91-b2c3-d4e5f6a70001".',
  subscriptionOutsideAllowed: (scope: string): string =>
    `${scope} is outside the scopes this bot may read. Defender plans are set per subscription, so ask the bot's administrator to allow the whole subscription (an allowed resource group is not enough).`,
  outsideAllowed: (id: string): string =>
    `${id} is outside the scopes this bot may scan. Ask the bot's administrator to allow its subscription or resource group.`,
  outsideBinding: (id: string, binding: ChannelBinding): string =>
    `This team is linked to ${binding.scopes.join(', ')}, and ${id} is outside it. ` +
    `A team owner can change it with "link this channel to <scope>" (or "unlink" to remove the link).`,
} as const;

export function createScanAuthorizer(options: ScanAuthorizerOptions): ScanAuthorizer {
  const allowedScopes = [...options.allowedScopes];
  const sampleSubscriptions = new Set(options.sampleSubscriptionIds.map((s) => s.toLowerCase()));
  const tenants = tenantPolicy(options);
  const bindings = options.bindings ?? (options.store !== undefined ? createChannelBindings(options.store) : undefined);

  const tenantDecision = (conversation: ConversationInfo): AuthorizationDecision => {
    if (tenants.kind === 'any') return { allowed: true };
    if (tenants.kind === 'none') return { allowed: false, reason: REASONS.noTenantPolicy };
    const tenantId = conversation.tenantId?.toLowerCase();
    if (tenantId === undefined || tenantId === '') return { allowed: false, reason: REASONS.tenantUnknown };
    return tenants.ids.has(tenantId) ? { allowed: true } : { allowed: false, reason: REASONS.tenant };
  };

  const isSampleWorkspace = (subscriptionId: string): boolean => sampleSubscriptions.has(subscriptionId.toLowerCase());
  const sampleOnly = options.localMode ? REASONS.sampleOnlyLocal : REASONS.sampleOnly;

  /** Gates 2 and 3 for an id already parsed as a workspace id (gate 1 is checked by the caller). */
  const anyScope = options.userDelegated === true && allowedScopes.length === 0;
  const scopeDecision = async (id: string, conversation: ConversationInfo): Promise<AuthorizationDecision> => {
    if (!anyScope) {
      if (allowedScopes.length === 0) return { allowed: false, reason: sampleOnly };
      if (!allowedScopes.some((scope) => isWithinScope(id, scope))) return { allowed: false, reason: REASONS.outsideAllowed(id) };
    }
    const binding = await bindings?.get(conversation);
    if (binding !== undefined && !isWithinBinding(id, binding)) return { allowed: false, reason: REASONS.outsideBinding(id, binding) };
    return { allowed: true };
  };

  const effectiveScopes = async (conversation: ConversationInfo): Promise<readonly string[]> => {
    const binding = await bindings?.get(conversation);
    if (binding === undefined) return allowedScopes;
    if (anyScope) return binding.scopes;
    // A bound scope counts only while it is still within an allowed one.
    return binding.scopes.filter((scope) => allowedScopes.some((allowed) => isWithinScope(scope, allowed)));
  };

  const authorizeResolved = async (workspaceId: string, conversation: ConversationInfo): Promise<AuthorizationDecision> => {
    let parsed;
    try {
      parsed = parseWorkspaceId(workspaceId);
    } catch {
      return { allowed: false, reason: notAWorkspaceReason(workspaceId) };
    }
    if (isSampleWorkspace(parsed.subscriptionId)) return { allowed: true };
    const tenant = tenantDecision(conversation);
    if (!tenant.allowed) return tenant;
    return scopeDecision(parsed.id, conversation);
  };

  return {
    async authorize({ target, conversation }) {
      const text = target.trim();
      // The sample is local and fictional: anyone who may talk to the bot may scan it.
      if (isSampleTarget(text)) return { allowed: true };
      if (text.startsWith('/')) return authorizeResolved(text, conversation);
      // A name: only the tenant is decided now. Scopes and bindings are decided on the id it resolves to
      // (authorizeResolved), so that the sample's own names work in sample-only mode and in bound teams.
      const tenant = tenantDecision(conversation);
      if (!tenant.allowed) return tenant;
      return { allowed: true, needsResolution: true };
    },

    authorizeResolved,

    authorizeTenant: tenantDecision,

    async authorizeSubscription(subscription, conversation) {
      const guid = subscriptionGuid(subscription);
      if (guid === undefined) return { allowed: false, reason: REASONS.notASubscription };
      if (isSampleWorkspace(guid)) return { allowed: true };
      const tenant = tenantDecision(conversation);
      if (!tenant.allowed) return tenant;
      const scope = `/subscriptions/${guid}`;
      if (!anyScope) {
        if (allowedScopes.length === 0) return { allowed: false, reason: sampleOnly };
        if (!allowedScopes.some((allowed) => isWithinScope(scope, allowed))) return { allowed: false, reason: REASONS.subscriptionOutsideAllowed(scope) };
      }
      const binding = await bindings?.get(conversation);
      if (binding !== undefined && !isWithinBinding(scope, binding)) return { allowed: false, reason: REASONS.outsideBinding(scope, binding) };
      return { allowed: true };
    },

    isSample(target) {
      const text = target.trim();
      if (isSampleTarget(text)) return true;
      const guid = subscriptionGuid(text);
      if (guid !== undefined) return isSampleWorkspace(guid);
      try {
        return isSampleWorkspace(parseWorkspaceId(text).subscriptionId);
      } catch {
        return false;
      }
    },

    async filterVisible(workspaces, conversation) {
      const out: (typeof workspaces)[number][] = [];
      for (const ws of workspaces) if ((await authorizeResolved(ws.id, conversation)).allowed) out.push(ws);
      return out;
    },

    effectiveScopes,
  };
}

const SUBSCRIPTION = /^(?:\/subscriptions\/)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;

/** The GUID of `<guid>` or `/subscriptions/<guid>` (lower case); undefined for anything else. */
export function subscriptionGuid(text: string): string | undefined {
  return SUBSCRIPTION.exec(text.trim())?.[1]?.toLowerCase();
}

type TenantPolicy = { readonly kind: 'any' } | { readonly kind: 'none' } | { readonly kind: 'list'; readonly ids: ReadonlySet<string> };

/**
 * The configured list; else the bot's own tenant; else any tenant in local mode. A registered multi-tenant bot
 * with neither setting scans nothing real: anyone in any tenant could otherwise scan the bot's scopes.
 */
function tenantPolicy(options: Pick<ScanAuthorizerOptions, 'allowedTenants' | 'botTenantId' | 'localMode'>): TenantPolicy {
  if (options.allowedTenants.length > 0) return { kind: 'list', ids: new Set(options.allowedTenants.map((t) => t.toLowerCase())) };
  if (options.botTenantId !== '') return { kind: 'list', ids: new Set([options.botTenantId.toLowerCase()]) };
  return options.localMode ? { kind: 'any' } : { kind: 'none' };
}

/** The authorizer as index.ts builds it from the configuration. */
export function createScanAuthorizerFromConfig(
  config: {
    readonly bot: { readonly id: string; readonly tenantId: string };
    readonly azure: { readonly allowedScopes: readonly string[]; readonly allowedTenants: readonly string[]; readonly authMode?: 'bot' | 'user' };
  },
  extra: Pick<ScanAuthorizerOptions, 'store' | 'bindings' | 'sampleSubscriptionIds'>,
): ScanAuthorizer {
  return createScanAuthorizer({
    allowedScopes: config.azure.allowedScopes,
    allowedTenants: config.azure.allowedTenants,
    botTenantId: config.bot.tenantId,
    localMode: config.bot.id === '',
    userDelegated: config.azure.authMode === 'user',
    ...extra,
  });
}
