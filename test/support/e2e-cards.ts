/**
 * Card helpers for the end-to-end tests: the Adaptive Cards a conversation received (posted, replied or updated
 * in place), the actions inside a card wherever they sit, and sizes as Teams measures them (serialized bytes).
 */
import type { Activity } from 'botbuilder';
import { cardText, messagesIn, type ConnectorRecord, type LocalConnector } from './fake-connector';

export type Json = Record<string, unknown>;

export interface CardAction {
  readonly type: string;
  readonly title?: string;
  readonly verb?: string;
  readonly url?: string;
  readonly data?: unknown;
}

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

export function cardsOfActivity(activity: Partial<Activity>): Json[] {
  return (activity.attachments ?? []).filter((a) => a.contentType === ADAPTIVE).map((a) => a.content as Json);
}

/** Every record of a conversation that carried an Adaptive Card (send, reply or update), in order. */
export function cardRecords(connector: LocalConnector, conversationId: string): { record: ConnectorRecord; card: Json }[] {
  return connector.records
    .filter((r) => r.conversationId === conversationId && r.operation !== 'delete')
    .flatMap((record) => cardsOfActivity(record.activity).map((card) => ({ record, card })));
}

/**
 * Everything the bot posted in a conversation in answer to one message or click: each reply as text (the card's
 * text, or the message text) and the cards themselves. `act` must resolve after the turn (a 200 from the bot).
 */
export async function repliesTo(
  connector: LocalConnector,
  conversationId: string,
  act: () => Promise<{ status: number }>,
): Promise<{ status: number; texts: string[]; cards: Json[] }> {
  const before = messagesIn(connector, conversationId).length;
  const { status } = await act();
  const replies = messagesIn(connector, conversationId).slice(before);
  const cards = cardRecords(connector, conversationId).filter((r) => replies.includes(r.record));
  const texts = replies.map((r) => {
    const card = cards.find((c) => c.record === r)?.card;
    return card !== undefined ? cardText(card) : (r.activity.text ?? '');
  });
  return { status, texts, cards: cards.map((c) => c.card) };
}

/** Every action in a card (top-level, in ActionSets, selectAction, fallbacks not included), depth first. */
export function actionsOf(card: unknown): CardAction[] {
  const found: CardAction[] = [];
  const walk = (v: unknown, key: string): void => {
    if (Array.isArray(v)) {
      v.forEach((x) => walk(x, key));
      return;
    }
    if (typeof v !== 'object' || v === null) return;
    const o = v as Json;
    if (key !== 'fallback' && typeof o.type === 'string' && o.type.startsWith('Action.')) found.push(o as unknown as CardAction);
    for (const [k, x] of Object.entries(o)) if (k !== 'fallback' && k !== 'data') walk(x, k);
  };
  walk(card, '');
  return found;
}

/** The Action.Execute with this verb (and, when given, data matching `where`). */
export function executeAction(card: unknown, verb: string, where: (data: Json) => boolean = () => true): { verb: string; data: Json } | undefined {
  const action = actionsOf(card).find((a) => a.type === 'Action.Execute' && a.verb === verb && where((a.data ?? {}) as Json));
  return action === undefined ? undefined : { verb, data: (action.data ?? {}) as Json };
}

export function submitAction(card: unknown, verb: string): Json | undefined {
  const action = actionsOf(card).find((a) => a.type === 'Action.Submit' && typeof a.data === 'object' && a.data !== null && (a.data as Json).verb === verb);
  return action?.data as Json | undefined;
}

/** Serialized size in bytes: what counts against Teams' 28 KB message limit. */
export function cardBytes(card: unknown): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

export const TEAMS_CARD_LIMIT_BYTES = 28 * 1024;

/** The card of an invoke response (`adaptiveCard/action`), or undefined when it answered with a message. */
export function invokeCard(body: unknown): Json | undefined {
  const b = body as { statusCode?: number; type?: string; value?: unknown } | undefined;
  return b?.type === ADAPTIVE ? (b.value as Json) : undefined;
}

export function invokeMessage(body: unknown): string | undefined {
  const b = body as { type?: string; value?: unknown } | undefined;
  return b?.type === 'application/vnd.microsoft.activity.message' && typeof b.value === 'string' ? b.value : undefined;
}
