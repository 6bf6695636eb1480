/** A recording TurnPort and helpers for the Q&A, workshop and baseline feature tests. */
import type { ConversationInfo, ConversationType, AdaptiveCard, TurnPort } from '../../src/dialogs/port';
import type { IncomingMessage } from '../../src/dialogs/feature';
import type { Router } from '../../src/knowledge/router';

export type Sent = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'card'; readonly card: AdaptiveCard };

export class RecordingPort implements TurnPort {
  readonly sent: Sent[] = [];
  readonly conversation: ConversationInfo;

  constructor(conversation: Partial<ConversationInfo> & { conversationType?: ConversationType } = {}) {
    this.conversation = { conversationId: 'conv-1', conversationType: 'personal', tenantId: 't', userId: 'u1', userName: 'Ada', teamId: undefined, channelId: undefined, ...conversation };
  }
  sendText(text: string): Promise<void> {
    this.sent.push({ kind: 'text', text });
    return Promise.resolve();
  }
  sendCard(card: AdaptiveCard): Promise<string> {
    this.sent.push({ kind: 'card', card });
    return Promise.resolve(`a${this.sent.length}`);
  }
  updateCard(): Promise<void> {
    return Promise.resolve();
  }
  typing(): Promise<void> {
    return Promise.resolve();
  }
  take(): Sent[] {
    return this.sent.splice(0, this.sent.length);
  }
}

export function message(router: Router, text: string): IncomingMessage {
  return { text, route: router.route(text) };
}

export { offer } from '../support/conversation';

/** All text of a card (TextBlocks, facts, action titles), for assertions. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      for (const key of ['text', 'title', 'value']) if (typeof n[key] === 'string') out.push(n[key]);
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return out.join('\n');
}

/** Every Action.Submit / OpenUrl in a card. */
export function actionsOf(card: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (typeof n['type'] === 'string' && n['type'].startsWith('Action.')) out.push(n);
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return out;
}
