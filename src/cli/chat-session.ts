/**
 * One terminal conversation with the bot: sends what the user types, prints what the bot sends (text, and
 * cards as text with numbered buttons), and turns a typed number into a click on that button.
 */
import type { Activity } from 'botbuilder';
import type { LocalBotClient } from '../bot/local-client';
import type { ConnectorRecord, LocalConnector } from '../bot/local-connector';
import { renderCard, type ChatButton } from './chat-render';

const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

export class ChatSession {
  /** The buttons of the bot's latest answer, numbered from 1. */
  private buttons: ChatButton[] = [];
  private freshTurn = true;
  private readonly stopListening: () => void;

  constructor(
    private readonly client: LocalBotClient,
    connector: LocalConnector,
    private readonly write: (text: string) => void,
  ) {
    this.stopListening = connector.onRecord((r) => this.onBotActivity(r));
  }

  /** Starts the conversation the way Teams does when a user installs the bot (the bot welcomes). */
  async open(): Promise<void> {
    this.beginTurn();
    await this.client.membersAdded([this.client.conversation.bot.id, this.client.conversation.user.id]);
  }

  /** Handles one line the user typed. */
  async say(line: string): Promise<void> {
    const text = line.trim();
    if (text === '') return;
    const number = /^\d{1,3}$/.test(text) ? Number(text) : undefined;
    const button = number !== undefined ? this.buttons[number - 1] : undefined;
    if (number !== undefined && button === undefined && this.buttons.length > 0) {
      this.write(`(no button ${number}; the buttons are 1 to ${this.buttons.length})\n`);
      return;
    }
    this.beginTurn();
    if (button === undefined) {
      await this.client.sendText(text);
      return;
    }
    await this.click(button);
  }

  close(): void {
    this.stopListening();
  }

  private async click(button: ChatButton): Promise<void> {
    switch (button.kind) {
      case 'imBack':
        await this.client.sendText(button.text);
        return;
      case 'submit':
        await this.client.submit(button.data);
        return;
      case 'openUrl':
        this.write(`open in a browser: ${button.url}\n`);
        return;
      case 'showCard':
        this.printCard(button.card);
        return;
      case 'execute': {
        const result = await this.client.execute(button.verb, button.data);
        this.printInvokeResponse(result.body);
        return;
      }
    }
  }

  private beginTurn(): void {
    this.freshTurn = true;
  }

  private onBotActivity(record: ConnectorRecord): void {
    if (record.conversationId !== this.client.conversation.id) return;
    if (record.operation !== 'send' && record.operation !== 'reply' && record.operation !== 'update') return;
    const activity: Partial<Activity> = record.activity;
    if (activity.type !== undefined && activity.type !== 'message') return;
    if (record.operation === 'update') this.write('(the bot updated an earlier card)\n');
    if (typeof activity.text === 'string' && activity.text !== '') this.write(`bot> ${activity.text}\n`);
    for (const attachment of activity.attachments ?? []) {
      if (attachment.contentType === CARD_TYPE) this.printCard(attachment.content);
    }
  }

  private printInvokeResponse(body: unknown): void {
    if (typeof body !== 'object' || body === null) return;
    const { type, value } = body as { type?: unknown; value?: unknown };
    if (type === CARD_TYPE) this.printCard(value);
    else if (typeof value === 'string' && value !== '') this.write(`bot> ${value}\n`);
  }

  private printCard(card: unknown): void {
    // Buttons are numbered across one answer, so two cards in a row do not both have a button 1.
    if (this.freshTurn) {
      this.buttons = [];
      this.freshTurn = false;
    }
    const rendered = renderCard(card, this.buttons.length + 1);
    this.buttons.push(...rendered.buttons);
    this.write(`${rendered.lines.map((l, i) => (i === 0 ? `bot> ${l}` : `     ${l}`)).join('\n')}\n`);
  }
}
