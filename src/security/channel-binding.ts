/**
 * Team bindings: a team owner can narrow what the bot may scan from that team to a few of the allowed scopes
 * ("link this channel to rg-ml-prod"). A binding only ever narrows: the scan authorizer still requires every
 * target to be within GUARDIAN_ALLOWED_SCOPES, so a binding that outlives a config change cannot widen access.
 *
 * Bindings are per team (`binding/<teamId>`), not per channel thread: Teams channel conversation ids change with
 * each reply thread (`…;messageid=…`), the team id does not. Conversations outside a team use their
 * conversation id as the key, which the link command never creates today but the authorizer honours.
 */
import type { ConversationInfo } from '../shared/conversation';
import { ETagConflictError, type GuardianStore } from '../storage/store';
import { isWithinScope, parseResourceId } from '../shared/resource-id';

export const BINDING_PREFIX = 'binding/';
/** A binding lists a few scopes, not an inventory. */
export const MAX_BINDING_SCOPES = 10;

export interface ChannelBinding {
  /** Subscription, resource-group or workspace ids; each within the allowed scopes when it was linked. */
  readonly scopes: readonly string[];
  /** AAD object id of the team owner who last changed it (no names: the id is enough for an audit). */
  readonly linkedBy: string;
  readonly linkedAt: string;
}

export function bindingKeyOf(conversation: Pick<ConversationInfo, 'teamId' | 'conversationId'>): string {
  const owner = conversation.teamId !== undefined && conversation.teamId !== '' ? conversation.teamId : conversation.conversationId;
  return `${BINDING_PREFIX}${owner}`;
}

export interface ChannelBindings {
  get(conversation: Pick<ConversationInfo, 'teamId' | 'conversationId'>): Promise<ChannelBinding | undefined>;
  /** Adds a scope (deduplicated, case-insensitive); returns the binding as stored. */
  add(conversation: Pick<ConversationInfo, 'teamId' | 'conversationId'>, scope: string, linkedBy: string): Promise<ChannelBinding>;
  /** Removes one scope, or the whole binding when `scope` is undefined. Returns what is left (undefined: none). */
  remove(conversation: Pick<ConversationInfo, 'teamId' | 'conversationId'>, scope: string | undefined, linkedBy: string): Promise<ChannelBinding | undefined>;
}

export class BindingLimitError extends Error {
  override readonly name = 'BindingLimitError';
}

/** Reads a stored binding defensively: anything malformed counts as "bound to nothing", never as "unbound". */
export function parseStoredBinding(value: unknown): ChannelBinding {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const rawScopes = Array.isArray(record.scopes) ? record.scopes : [];
  const scopes: string[] = [];
  for (const s of rawScopes) {
    if (typeof s !== 'string') continue;
    try {
      scopes.push(parseResourceId(s).id);
    } catch {
      // A scope that no longer parses is dropped: it narrows further, it never widens.
    }
  }
  return {
    scopes,
    linkedBy: typeof record.linkedBy === 'string' ? record.linkedBy : '',
    linkedAt: typeof record.linkedAt === 'string' ? record.linkedAt : '',
  };
}

export function createChannelBindings(store: GuardianStore, now: () => Date = () => new Date()): ChannelBindings {
  const read = async (key: string): Promise<{ binding: ChannelBinding; eTag: string } | undefined> => {
    const item = await store.get<unknown>(key);
    return item === undefined ? undefined : { binding: parseStoredBinding(item.value), eTag: item.eTag };
  };

  /** Read-modify-write with the eTag, retried a few times when two owners edit at once. */
  const update = async (key: string, change: (current: ChannelBinding | undefined) => ChannelBinding | undefined): Promise<ChannelBinding | undefined> => {
    for (let attempt = 0; ; attempt += 1) {
      const current = await read(key);
      const next = change(current?.binding);
      try {
        if (next === undefined) {
          if (current !== undefined) await store.delete([key]);
          return undefined;
        }
        await store.put(key, next, current?.eTag ?? '*');
        return next;
      } catch (error) {
        if (attempt >= 3 || !(error instanceof ETagConflictError)) throw error;
      }
    }
  };

  return {
    async get(conversation) {
      return (await read(bindingKeyOf(conversation)))?.binding;
    },
    async add(conversation, scope, linkedBy) {
      const id = parseResourceId(scope).id;
      const result = await update(bindingKeyOf(conversation), (current) => {
        const scopes = (current?.scopes ?? []).filter((s) => s.toLowerCase() !== id.toLowerCase());
        if (scopes.length >= MAX_BINDING_SCOPES) throw new BindingLimitError(`A team can be linked to at most ${MAX_BINDING_SCOPES} scopes.`);
        return { scopes: [...scopes, id], linkedBy, linkedAt: now().toISOString() };
      });
      // `update` returns undefined only when `change` does; `add` always returns a binding.
      return result ?? { scopes: [id], linkedBy, linkedAt: now().toISOString() };
    },
    async remove(conversation, scope, linkedBy) {
      return update(bindingKeyOf(conversation), (current) => {
        if (current === undefined || scope === undefined) return undefined;
        const scopes = current.scopes.filter((s) => s.toLowerCase() !== scope.toLowerCase());
        // Removing the last scope removes the binding: "bound to nothing" would silently block every scan.
        return scopes.length === 0 ? undefined : { scopes, linkedBy, linkedAt: now().toISOString() };
      });
    },
  };
}

/** Is the id within one of the binding's scopes? */
export function isWithinBinding(id: string, binding: ChannelBinding): boolean {
  return binding.scopes.some((scope) => isWithinScope(id, scope));
}
