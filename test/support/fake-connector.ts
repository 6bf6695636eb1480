/**
 * The fake Bot Connector for tests: the product's LocalConnector (one implementation for `guardian chat` and the
 * tests) plus helpers to read what the bot sent.
 */
import type { Attachment } from 'botbuilder';
import { LocalConnector, type ConnectorRecord } from '../../src/bot/local-connector';

export { LocalConnector, type ConnectorRecord };

export async function startFakeConnector(): Promise<LocalConnector> {
  return LocalConnector.start('127.0.0.1');
}

/** Messages (not typing indicators) the bot sent or replied into a conversation, in order. */
export function messagesIn(connector: LocalConnector, conversationId: string): ConnectorRecord[] {
  return connector.records.filter(
    (r) => r.conversationId === conversationId && (r.operation === 'send' || r.operation === 'reply') && (r.activity.type ?? 'message') === 'message',
  );
}

/** The Adaptive Card content of a message, if it carries one. */
export function cardOf(record: ConnectorRecord): Record<string, unknown> | undefined {
  const attachment: Attachment | undefined = record.activity.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  return attachment?.content as Record<string, unknown> | undefined;
}

/** All text in a card (TextBlocks, facts, button titles), for assertions that do not depend on layout. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'text' || k === 'title' || k === 'value') && typeof x === 'string') out.push(x);
        else walk(x);
      }
    }
  };
  walk(card);
  return out.join('\n');
}

/** Resolves after `count` messages have arrived in the conversation (counting from now). */
export async function nextMessages(connector: LocalConnector, conversationId: string, count = 1): Promise<ConnectorRecord[]> {
  const start = messagesIn(connector, conversationId).length;
  const matches = (): boolean => messagesIn(connector, conversationId).length >= start + count;
  if (!matches()) await connector.waitFor(() => matches());
  return messagesIn(connector, conversationId).slice(start, start + count);
}
