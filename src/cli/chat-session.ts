/**
 * One terminal conversation with the bot: sends what the user types, prints what the bot sends (text, and
 * cards as text with numbered buttons), and turns a typed number into a click on that button. A button whose
 * card has inputs first asks for each input (or takes them on the same line: `2 namespace=mlops postfix=0001`)
 * and sends them with the click, as Teams does; "cancel" leaves the button unclicked. A file the bot offers is
 * written to a local folder.
 *
 * What the bot sends during one turn is printed when the turn ends, each message once in its latest version: a scan
 * whose progress card is updated in place prints once, as its summary.
 *
 * Button numbers are unique for the whole session, so the buttons of earlier answers stay clickable as they do
 * in Teams (the bot decides what an old button still does). A card the bot replaced (an update, or the card an
 * Action.Execute answered with) has lost its old buttons, as in Teams: they answer "replaced" here.
 */
import * as path from 'node:path';
import type { LocalBotClient } from '../bot/local-client';
import type { ConnectorRecord, LocalConnector } from '../bot/local-connector';
import { answerInput, initialValues, inputQuestion, mergeInputs, parseAssignments, type ChatInput } from './chat-inputs';
import type { ChatFiles } from './chat-files';
import { plainMarkdown, renderCard, type ChatButton, type RenderStyle } from './chat-render';
import { isRecord } from '../shared/is-record';
import { errorMessage } from '../shared/error-message';

const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

type InputButton = Extract<ChatButton, { kind: 'submit' | 'execute' }>;

/** A click waiting for its inputs: asked one at a time. */
interface PendingForm {
  readonly button: InputButton;
  /** The message the button's card is in (an Action.Execute names it, as Teams does). */
  readonly card: string | undefined;
  readonly values: Map<string, string>;
  index: number;
  /** Empty answers in a row to a required field: the second one leaves the button unclicked. */
  blanks: number;
}

/** A button as numbered in this session, and the message its card is in (undefined for a card with no message id). */
interface NumberedButton {
  readonly button: ChatButton;
  readonly card: string | undefined;
}

const CANCEL = /^cancel$/i;

export interface ChatSessionOptions {
  /** Where offered files go; without it the offer is only mentioned. */
  readonly files?: ChatFiles;
  /** The folder paths are shown relative to (the current directory). */
  readonly cwd?: string;
  /** Colour and width of the terminal (no colour, no wrapping without it). */
  readonly style?: RenderStyle;
}

/** The values a click sends before anything is typed: its own inputs and those it carries, as they stand. */
function startValues(button: InputButton): Map<string, string> {
  return initialValues([...button.carried, ...button.inputs]);
}

export class ChatSession {
  /** Every button shown this session: button n is at n - 1. */
  private readonly buttons: NumberedButton[] = [];
  /**
   * For each message with a card: the number its latest version's buttons start at. A button of that message
   * numbered lower was on a version the bot has replaced (Infinity: the message was deleted).
   */
  private readonly latestVersion = new Map<string, number>();
  private form: PendingForm | undefined;
  /** What the bot sent during the turn in progress (undefined outside a turn: a proactive message prints at once). */
  private pending: ConnectorRecord[] | undefined;
  /** File writes started while the bot answered; awaited before the next prompt. */
  private saving: Promise<void>[] = [];
  private readonly stopListening: () => void;

  constructor(
    private readonly client: LocalBotClient,
    connector: LocalConnector,
    private readonly write: (text: string) => void,
    private readonly options: ChatSessionOptions = {},
  ) {
    this.stopListening = connector.onRecord((r) => this.onBotActivity(r));
  }

  /** What the terminal shows before the user types: "you> ", or "  > " while a card's inputs are asked. */
  prompt(): string {
    return this.form === undefined ? 'you> ' : '  > ';
  }

  /** Starts the conversation the way Teams does when a user installs the bot (the bot welcomes). */
  async open(): Promise<void> {
    await this.turn(() => this.client.membersAdded([this.client.conversation.bot.id, this.client.conversation.user.id]));
    await this.settle();
  }

  /** Runs one exchange with the bot and prints what it sent, each message once; `replaced`: the card an invoke answered for. */
  private async turn<T>(exchange: () => Promise<T>, replaced?: string): Promise<T> {
    this.pending = [];
    try {
      return await exchange();
    } finally {
      const records = this.pending;
      this.pending = undefined;
      this.printTurn(records, replaced);
    }
  }

  private printTurn(records: readonly ConnectorRecord[], replaced: string | undefined): void {
    const sent = new Set(records.filter((r) => r.operation !== 'update').map((r) => r.id));
    const latest = new Map<string, ConnectorRecord>();
    for (const r of records) latest.set(r.id, r);
    for (const [id, record] of latest) {
      // The invoke's answer replaces that card: its progress updates in between are not worth a print.
      if (id === replaced && !sent.has(id)) continue;
      this.printActivity(record, !sent.has(id));
    }
  }

  /** Handles one line the user typed. */
  async say(line: string): Promise<void> {
    if (this.form !== undefined) {
      await this.answer(this.form, line);
      return;
    }
    const text = line.trim();
    if (text === '') return;
    const numbered = /^(\d{1,4})(?:\s+(.*))?$/.exec(text);
    const number = numbered !== null ? Number(numbered[1]) : undefined;
    const assignments = numbered?.[2] !== undefined ? parseAssignments(numbered[2]) : undefined;
    // "3" alone, or "3 key=value …"; anything else starting with a number is a message.
    const isClick = number !== undefined && (numbered?.[2] === undefined || assignments !== undefined);
    const numberedButton = isClick ? this.buttons[number - 1] : undefined;
    if (isClick && numberedButton === undefined && this.buttons.length > 0) {
      this.write(`(no button ${number}; the buttons are 1 to ${this.buttons.length})\n`);
      return;
    }
    if (numberedButton === undefined || number === undefined) {
      await this.turn(() => this.client.sendText(text));
      await this.settle();
      return;
    }
    if (this.isReplaced(numberedButton, number)) {
      this.write(`(button ${number} is gone: the bot has replaced or removed the card it was on; use the buttons it shows now)\n`);
      return;
    }
    const { button, card } = numberedButton;
    if (assignments !== undefined) {
      await this.clickWithAssignments(button, card, assignments, number);
      return;
    }
    if ((button.kind === 'submit' || button.kind === 'execute') && button.inputs.length > 0) {
      this.form = { button, card, values: startValues(button), index: 0, blanks: 0 };
      this.write(`(${button.title}: ${button.inputs.length === 1 ? 'one field' : `${button.inputs.length} fields`}; Enter keeps a value, "cancel" leaves the button unclicked)\n`);
      this.ask(this.form);
      return;
    }
    await this.click(button, card);
  }

  private isReplaced(numbered: NumberedButton, number: number): boolean {
    const latest = numbered.card === undefined ? undefined : this.latestVersion.get(numbered.card);
    return latest !== undefined && number < latest;
  }

  close(): void {
    this.stopListening();
  }

  private ask(form: PendingForm): void {
    const input = form.button.inputs[form.index];
    if (input !== undefined) this.write(`${inputQuestion(input).map((l) => `  ${l}`).join('\n')}\n`);
  }

  private async answer(form: PendingForm, line: string): Promise<void> {
    const input = form.button.inputs[form.index];
    if (input === undefined) return;
    if (CANCEL.test(line.trim())) {
      this.form = undefined;
      this.write(`  (cancelled: "${form.button.title}" was not clicked)\n`);
      return;
    }
    const result = answerInput(input, line);
    if (!result.ok) {
      // Enter twice on a required field means "not now", not "ask me forever".
      form.blanks = line.trim() === '' ? form.blanks + 1 : 0;
      if (form.blanks >= 2) {
        this.form = undefined;
        this.write(`  (cancelled: "${form.button.title}" was not clicked; type its number to try again)\n`);
        return;
      }
      this.write(`  ${result.problem} Or type "cancel".\n`);
      this.ask(form);
      return;
    }
    form.blanks = 0;
    form.values.set(input.id, result.value);
    form.index += 1;
    if (form.index < form.button.inputs.length) {
      this.ask(form);
      return;
    }
    this.form = undefined;
    await this.click(form.button, form.card, form.values);
  }

  /** `N key=value …`: the named inputs as given, the others as the card shows them; nothing is asked. */
  private async clickWithAssignments(button: ChatButton, card: string | undefined, assignments: readonly [string, string][], number: number): Promise<void> {
    const fields = button.kind === 'submit' || button.kind === 'execute' ? [...button.inputs, ...button.carried] : [];
    if (fields.length === 0 || (button.kind !== 'submit' && button.kind !== 'execute')) {
      this.write(`(button "${button.title}" has no fields to fill: type ${number} alone to click it)\n`);
      return;
    }
    const values = startValues(button);
    for (const [id, typed] of assignments) {
      const input: ChatInput | undefined = fields.find((i) => i.id === id);
      if (input === undefined) {
        this.write(`(no field "${id}" for "${button.title}"; its fields are ${fields.map((i) => i.id).join(', ')})\n`);
        return;
      }
      const result = answerInput(input, typed);
      if (!result.ok) {
        this.write(`(${id}: ${result.problem})\n`);
        return;
      }
      values.set(id, result.value);
    }
    await this.click(button, card, values);
  }

  private async click(button: ChatButton, card: string | undefined, values: ReadonlyMap<string, string> = new Map()): Promise<void> {
    switch (button.kind) {
      case 'imBack':
        await this.turn(() => this.client.sendText(button.text));
        break;
      case 'submit': {
        const data = mergeInputs(button.data, values.size > 0 ? values : startValues(button));
        await this.turn(() => this.client.submit(data));
        break;
      }
      case 'openUrl':
        this.write(`open in a browser: ${button.url}\n`);
        return;
      case 'showCard':
        // Part of the same card: its buttons go when that card is replaced.
        this.printCard(button.card, card, { parentInputs: button.inputs, newVersion: false });
        return;
      case 'execute': {
        const data = mergeInputs(button.data, values.size > 0 ? values : startValues(button));
        const result = await this.turn(() => (card === undefined ? this.client.execute(button.verb, data) : this.client.execute(button.verb, data, card)), card);
        this.printInvokeResponse(result.body, card);
        break;
      }
    }
    await this.settle();
  }

  /** Waits for the files the bot's answer offered to be written (their paths are printed then). */
  private async settle(): Promise<void> {
    const pending = this.saving;
    this.saving = [];
    await Promise.all(pending);
  }

  private onBotActivity(record: ConnectorRecord): void {
    if (record.conversationId !== this.client.conversation.id) return;
    if (record.operation === 'delete') {
      if (this.latestVersion.has(record.id)) this.latestVersion.set(record.id, Infinity);
      return;
    }
    if (record.operation !== 'send' && record.operation !== 'reply' && record.operation !== 'update') return;
    const activity: ConnectorRecord['activity'] = record.activity;
    if (activity.type !== undefined && activity.type !== 'message') return;
    if (this.pending !== undefined) this.pending.push(record);
    else this.printActivity(record, record.operation === 'update');
  }

  private printActivity(record: ConnectorRecord, updatedEarlier: boolean): void {
    const activity: ConnectorRecord['activity'] = record.activity;
    if (updatedEarlier) this.write('(the bot updated an earlier card)\n');
    if (typeof activity.text === 'string' && activity.text !== '') this.write(`bot> ${plainMarkdown(activity.text)}\n`);
    for (const attachment of activity.attachments ?? []) {
      if (attachment.contentType === CARD_TYPE) this.printCard(attachment.content, record.id);
      else this.saving.push(this.saveOffered(attachment));
    }
    this.printSuggestions(activity.suggestedActions?.actions ?? []);
  }

  /** Suggested next steps (Teams shows them above the compose box): numbered buttons that send their text. */
  private printSuggestions(actions: readonly { readonly title?: string; readonly value?: unknown }[]): void {
    const labels = actions.flatMap((a) => {
      if (typeof a.value !== 'string' || a.value === '') return [];
      const button: ChatButton = { kind: 'imBack', title: a.title ?? a.value, text: a.value };
      return [`[${this.buttons.push({ button, card: undefined })}] ${button.title}`];
    });
    if (labels.length > 0) this.write(`     next: ${labels.join('  ')}\n`);
  }

  private async saveOffered(attachment: unknown): Promise<void> {
    const files = this.options.files;
    if (files === undefined) return;
    try {
      const file = await files.take(attachment, this.client.conversation.id);
      if (file === undefined) return;
      const written = await files.save(file);
      const cwd = this.options.cwd;
      const shown = cwd !== undefined && !path.relative(cwd, written).startsWith('..') ? `.${path.sep}${path.relative(cwd, written)}` : written;
      this.write(`bot> (file saved: ${shown})\n`);
    } catch (e) {
      this.write(`bot> (could not save the file: ${errorMessage(e)})\n`);
    }
  }

  /**
   * An Action.Execute's answer: a card replaces the one clicked (its old buttons go); a text is what Teams shows
   * on the clicked card, printed as such (the bot's messages from the click are already above it).
   */
  private printInvokeResponse(body: unknown, clickedCard: string | undefined): void {
    if (!isRecord(body)) return;
    const { type, value } = body;
    if (type === CARD_TYPE) {
      this.write('(the bot replaced the card you clicked)\n');
      this.printCard(value, clickedCard);
    } else if (typeof value === 'string' && value !== '') {
      this.write(`bot> (on the card you clicked: ${plainMarkdown(value)})\n`);
    }
  }

  /** Prints a card; its buttons continue the session's numbering. */
  private printCard(card: unknown, message: string | undefined, options: { readonly parentInputs?: readonly ChatInput[]; readonly newVersion?: boolean } = {}): void {
    const first = this.buttons.length + 1;
    if (message !== undefined && options.newVersion !== false) this.latestVersion.set(message, first);
    const rendered = renderCard(card, first, options.parentInputs ?? [], this.options.style);
    this.buttons.push(...rendered.buttons.map((button) => ({ button, card: message })));
    this.write(`${rendered.lines.map((l, i) => (i === 0 ? `bot> ${l}` : `     ${l}`)).join('\n')}\n`);
  }
}
