/**
 * TurnPort over a botbuilder TurnContext: the only way dialogs and features talk to the user. Everything sent
 * passes through scrubSecrets, so a token that slipped into a message or card never reaches the chat.
 */
import { ActionTypes, ActivityTypes, CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { MAX_SUGGESTIONS, type AdaptiveCard, type AttachmentPort, type ConversationInfo, type MessageAttachment, type Suggestion } from '../dialogs/port';
import { scrubSecrets } from '../logging';
import { conversationInfoOf } from './conversation';

export class TeamsTurnPort implements AttachmentPort {
  readonly conversation: ConversationInfo;

  constructor(private readonly context: TurnContext) {
    this.conversation = conversationInfoOf(context.activity);
  }

  async sendText(text: string): Promise<void> {
    await this.context.sendActivity(MessageFactory.text(scrubSecrets(text)));
  }

  async sendCard(card: AdaptiveCard, summaryText?: string, suggestions: readonly Suggestion[] = []): Promise<string> {
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(scrubCard(card)));
    // `summary` is what Teams shows in notifications and the chat list; it is not rendered beside the card.
    if (summaryText !== undefined) activity.summary = scrubSecrets(summaryText);
    if (suggestions.length > 0 && this.conversation.conversationType === 'personal') {
      activity.suggestedActions = {
        to: [this.context.activity.from.id],
        actions: suggestions.slice(0, MAX_SUGGESTIONS).map((s) => ({ type: ActionTypes.ImBack, title: scrubSecrets(s.title), value: scrubSecrets(s.text) })),
      };
    }
    const response = await this.context.sendActivity(activity);
    return response?.id ?? '';
  }

  async updateCard(activityId: string, card: AdaptiveCard): Promise<void> {
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(scrubCard(card)));
    activity.id = activityId;
    await this.context.updateActivity(activity);
  }

  /** A message with one non-card attachment (file consent / file info); its strings are scrubbed like a card's. */
  async sendAttachment(attachment: MessageAttachment, text?: string): Promise<string> {
    const activity = MessageFactory.attachment(scrubAttachment(attachment));
    if (text !== undefined) activity.text = scrubSecrets(text);
    const response = await this.context.sendActivity(activity);
    return response?.id ?? '';
  }

  async typing(): Promise<void> {
    await this.context.sendActivity({ type: ActivityTypes.Typing });
  }
}

/** Scrubs every string in the card (not the JSON text, where a pattern could swallow a quote). */
export function scrubCard(card: AdaptiveCard): AdaptiveCard {
  return { ...scrubFields(card), type: card.type, version: scrubSecrets(card.version) };
}

function scrubAttachment(attachment: MessageAttachment): MessageAttachment {
  const { contentType, name, contentUrl, content } = attachment;
  return {
    contentType: scrubSecrets(contentType),
    ...(name !== undefined ? { name: scrubSecrets(name) } : {}),
    ...(contentUrl !== undefined ? { contentUrl: scrubSecrets(contentUrl) } : {}),
    ...(content !== undefined ? { content: scrubValue(content) } : {}),
  };
}

function scrubFields(record: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) out[k] = scrubValue(v);
  return out;
}

function scrubValue(value: unknown): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  if (Array.isArray(value)) return value.map(scrubValue);
  if (typeof value === 'object' && value !== null) return scrubFields(value);
  return value;
}
