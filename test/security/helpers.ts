/** Shared fixtures for the security suites: conversations, a recording TurnPort, scope ids. */
import type { AdaptiveCard, ConversationInfo, TurnPort } from '../../src/dialogs/port';

export const TENANT = '11111111-1111-4111-8111-111111111111';
export const OTHER_TENANT = '22222222-2222-4222-8222-222222222222';
export const SUB = '33333333-3333-4333-8333-333333333333';
export const OTHER_SUB = '44444444-4444-4444-8444-444444444444';
export const SAMPLE_SUB = '1b6d3c4e-7f80-4a91-b2c3-d4e5f6a70001';

export const rg = (name: string, sub = SUB): string => `/subscriptions/${sub}/resourceGroups/${name}`;
export const ws = (group: string, name: string, sub = SUB): string => `${rg(group, sub)}/providers/Microsoft.MachineLearningServices/workspaces/${name}`;

export function makeConversation(overrides: Partial<ConversationInfo> = {}): ConversationInfo {
  return {
    conversationId: '19:channel@thread.tacv2',
    conversationType: 'channel',
    tenantId: TENANT,
    userId: '55555555-5555-4555-8555-555555555555',
    userName: 'Ada',
    teamId: '19:team@thread.tacv2',
    channelId: '19:channel@thread.tacv2',
    ...overrides,
  };
}

export class RecordingPort implements TurnPort {
  readonly texts: string[] = [];
  readonly cards: AdaptiveCard[] = [];
  constructor(readonly conversation: ConversationInfo = makeConversation()) {}
  sendText(text: string): Promise<void> {
    this.texts.push(text);
    return Promise.resolve();
  }
  sendCard(card: AdaptiveCard): Promise<string> {
    this.cards.push(card);
    return Promise.resolve(`card-${this.cards.length}`);
  }
  updateCard(_id: string, card: AdaptiveCard): Promise<void> {
    this.cards.push(card);
    return Promise.resolve();
  }
  typing(): Promise<void> {
    return Promise.resolve();
  }
}
export const conversation = makeConversation;
