/**
 * "link this channel to rg-ml-prod" / "unlink": a team owner narrows what the bot may scan from the team to
 * some of the allowed scopes. Only a team owner may change it (checked through the roster port, since the
 * Bot Framework roster's `userRole` says user/guest/anonymous, not owner); anyone may ask what it is
 * ("link" with nothing after it), but only an owner is shown the scopes the bot may scan: to everyone else
 * they are a map of the organisation's subscriptions and resource groups.
 */
import type { ChannelBinding, ChannelBindings } from '../security/channel-binding';
import { BindingLimitError } from '../security/channel-binding';
import { quoteUserText } from '../security/input';
import { isWithinScope, parseResourceId, ResourceIdError } from '../shared/resource-id';
import type { Feature, TurnCommandHandlers } from './feature';
import type { ConversationInfo, TurnPort } from './port';

/** The port the bot implements with Teams' roster (see src/bot/auth/team-owner.ts). */
export interface TeamRosterCheck {
  /** True only when the sender is an owner of the team the conversation belongs to. */
  isTeamOwner(conversation: ConversationInfo): Promise<boolean>;
}

export interface LinkFeatureOptions {
  readonly bindings: ChannelBindings;
  readonly rosterCheck: TeamRosterCheck;
  /** config.azure.allowedScopes: a binding can only pick from these. */
  readonly allowedScopes: readonly string[];
  readonly onError?: (error: unknown) => void;
}

const RG_NAME = /^[A-Za-z0-9][A-Za-z0-9._()-]{0,89}$/;

export const LINK_TEXT = {
  notInTeam:
    'Linking applies to a team: mention me in one of the team\'s channels with "link this channel to <subscription, resource group or workspace>". In this chat I can scan what the bot is allowed to scan.',
  notOwner: 'Only an owner of this team can change what it is linked to. Ask a team owner to say "link this channel to <scope>".',
  rosterFailed: 'I could not check the team roster just now, so I changed nothing. Please try again in a minute.',
  sampleOnly: "This bot is set up for the sample environment only, so there is nothing to link. Ask the bot's administrator to allow the subscriptions or resource groups your team works in.",
  storeFailed: 'I could not save that change; nothing was changed. Please try again in a minute.',
} as const;

/** What names the scope in "link this channel to <scope>": the arguments without "to" and a final full stop. */
function scopeText(args: string): string {
  return args.trim().replace(/^(to|with)\s+/i, '').replace(/[.!]+$/, '').trim();
}

/** Whether the arguments name one scope (an id or a name), as "link" takes it; "private DNS zones" names none. */
export function namesOneScope(args: string): boolean {
  const text = scopeText(args);
  return text.startsWith('/') ? !/\s/.test(text) : RG_NAME.test(text);
}

export type ScopeResolution = { readonly ok: true; readonly scope: string } | { readonly ok: false; readonly reason: string };

/**
 * A scope from what the user typed: a full id (which must be within an allowed scope), or a resource-group or
 * workspace name matched against the allowed scopes. No ARM call: only configured scopes can be named.
 */
export function resolveScopeArgument(args: string, allowedScopes: readonly string[]): ScopeResolution {
  const text = scopeText(args);
  if (text === '') return { ok: false, reason: 'Say which scope: "link this channel to <resource group name or id>".' };
  if (text.startsWith('/')) {
    let id: string;
    try {
      id = parseResourceId(text).id;
    } catch (error) {
      return { ok: false, reason: `That is not a valid scope: ${error instanceof ResourceIdError ? error.message : 'not a resource id'}` };
    }
    const within = allowedScopes.some((scope) => isWithinScope(id, scope));
    return within ? { ok: true, scope: id } : { ok: false, reason: `${quoteUserText(id, 200)} is outside the scopes this bot may scan, so a team cannot be linked to it.` };
  }
  if (!RG_NAME.test(text)) return { ok: false, reason: `"${quoteUserText(text)}" is neither a resource id nor a resource group name.` };
  const name = text.toLowerCase();
  const parsed = allowedScopes.map((s) => parseResourceId(s));
  const named = parsed.filter((p) => (p.name ?? p.resourceGroup)?.toLowerCase() === name && (p.name !== undefined || p.segments.length === 0));
  const exact = [...new Map(named.map((p) => [p.id.toLowerCase(), p.id])).values()];
  if (exact.length === 1 && exact[0] !== undefined) return { ok: true, scope: exact[0] };
  if (exact.length > 1) return { ok: false, reason: `Several allowed scopes are called "${quoteUserText(text)}": ${exact.join(', ')}. Give the full id.` };
  // A resource group inside an allowed subscription.
  const subscriptions = parsed.filter((p) => p.resourceGroup === undefined).map((p) => p.id);
  if (subscriptions.length === 1 && subscriptions[0] !== undefined) return { ok: true, scope: `${subscriptions[0]}/resourceGroups/${text}` };
  if (subscriptions.length > 1) {
    return { ok: false, reason: `The bot may scan several subscriptions; give the resource group's full id (/subscriptions/<id>/resourceGroups/${quoteUserText(text)}).` };
  }
  return { ok: false, reason: `No allowed scope is called "${quoteUserText(text)}". Allowed: ${allowedScopes.join(', ')}.` };
}

/** `allowedScopes` are named only when `toOwner` (the bot-wide list is for team owners, not every member). */
export function describeBinding(binding: ChannelBinding | undefined, allowedScopes: readonly string[], toOwner = true): string {
  if (binding === undefined) {
    if (allowedScopes.length === 0) return 'This team is not linked, and the bot scans only the sample environment.';
    return toOwner
      ? `This team is not linked: it may scan everything the bot may scan (${allowedScopes.join(', ')}). A team owner can narrow it with "link this channel to <scope>".`
      : 'This team is not linked: it may scan everything the bot may scan. A team owner can see those scopes and narrow them with "link this channel to <scope>".';
  }
  return `This team is linked to ${binding.scopes.join(', ')}: scans from here are limited to those. A team owner can change it with "link this channel to <scope>" or "unlink".`;
}

export function createLinkFeature(options: LinkFeatureOptions): Feature & { readonly commands: Pick<TurnCommandHandlers, 'link' | 'unlink'> } {
  const { bindings, rosterCheck, allowedScopes } = options;

  async function ownerOrExplain(port: TurnPort): Promise<boolean> {
    let owner: boolean;
    try {
      owner = await rosterCheck.isTeamOwner(port.conversation);
    } catch (error) {
      options.onError?.(error);
      await port.sendText(LINK_TEXT.rosterFailed);
      return false;
    }
    if (!owner) await port.sendText(LINK_TEXT.notOwner);
    return owner;
  }

  /** Owner or not, without telling the user: a roster failure counts as "not shown to an owner". */
  async function isOwnerQuietly(conversation: ConversationInfo): Promise<boolean> {
    if (conversation.teamId === undefined || conversation.teamId === '') return false;
    try {
      return await rosterCheck.isTeamOwner(conversation);
    } catch (error) {
      options.onError?.(error);
      return false;
    }
  }

  async function link(port: TurnPort, args: string): Promise<void> {
    const conversation = port.conversation;
    if (conversation.teamId === undefined || conversation.teamId === '') return port.sendText(LINK_TEXT.notInTeam);
    if (args.trim() === '') {
      await port.sendText(describeBinding(await bindings.get(conversation), allowedScopes, await isOwnerQuietly(conversation)));
      return;
    }
    if (allowedScopes.length === 0) return port.sendText(LINK_TEXT.sampleOnly);
    // Owner first: resolving names the allowed scopes in its answers ("Allowed: …", "Several … are called").
    if (!(await ownerOrExplain(port))) return;
    const resolved = resolveScopeArgument(args, allowedScopes);
    if (!resolved.ok) return port.sendText(resolved.reason);
    let binding: ChannelBinding;
    try {
      binding = await bindings.add(conversation, resolved.scope, conversation.userId);
    } catch (error) {
      if (error instanceof BindingLimitError) return port.sendText(`${error.message} Say "unlink <scope>" to remove one first.`);
      options.onError?.(error);
      return port.sendText(LINK_TEXT.storeFailed);
    }
    await port.sendText(`Linked. ${describeBinding(binding, allowedScopes)}`);
  }

  async function unlink(port: TurnPort, args: string): Promise<void> {
    const conversation = port.conversation;
    if (conversation.teamId === undefined || conversation.teamId === '') return port.sendText(LINK_TEXT.notInTeam);
    const text = args.trim().replace(/^(this )?(channel|team)\b\s*(from)?/i, '').trim();
    if (!(await ownerOrExplain(port))) return;
    let scope: string | undefined;
    if (text !== '') {
      const current = await bindings.get(conversation);
      const resolved = resolveScopeArgument(text, current?.scopes ?? []);
      if (!resolved.ok) return port.sendText(`This team is not linked to "${quoteUserText(text)}". ${describeBinding(current, allowedScopes)}`);
      scope = resolved.scope;
    }
    let left: ChannelBinding | undefined;
    try {
      left = await bindings.remove(conversation, scope, conversation.userId);
    } catch (error) {
      options.onError?.(error);
      return port.sendText(LINK_TEXT.storeFailed);
    }
    await port.sendText(`Done. ${describeBinding(left, allowedScopes)}`);
  }

  return {
    name: 'link',
    commands: {
      link: ({ args }, { port }) => link(port, args),
      unlink: ({ args }, { port }) => unlink(port, args),
    },
  };
}
