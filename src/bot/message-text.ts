/**
 * What the bot accepts as a message: mention handling and input hygiene, kept free of the SDK so that it can be
 * tested on plain activity shapes.
 */
import { UNSAFE_CHARACTERS } from '../security/input';

/** Longest message the bot reads, in UTF-8 bytes. Real questions and commands are far shorter. */
export const MAX_MESSAGE_BYTES = 4 * 1024;

export interface MentionEntity {
  readonly type?: string;
  readonly mentioned?: { readonly id?: string };
  readonly text?: string;
}

export interface MentionActivity {
  readonly entities?: readonly MentionEntity[] | undefined;
  readonly recipient?: { readonly id?: string } | undefined;
}

/** True when the message @mentions the bot (the recipient of the activity). */
export function mentionsBot(activity: MentionActivity): boolean {
  const botId = activity.recipient?.id;
  if (botId === undefined || botId === '') return false;
  return (activity.entities ?? []).some((e) => e.type === 'mention' && e.mentioned?.id === botId);
}

/**
 * Removes leftover `<at>…</at>` tags (teams-ai removes the bot's own; a message may mention others), and
 * decodes the few HTML entities Teams puts in plain text.
 */
export function stripMentionMarkup(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export type CheckedText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly answer: string };

/**
 * Strips control characters (keeping line breaks and tabs), collapses runs of blanks, trims, and refuses
 * messages over the size cap with an answer that says what to do instead.
 */
export function checkMessageText(raw: string): CheckedText {
  const bytes = Buffer.byteLength(raw, 'utf8');
  if (bytes > MAX_MESSAGE_BYTES) {
    return {
      ok: false,
      answer:
        `That message is too long for me (${Math.ceil(bytes / 1024)} KB; I read up to ${MAX_MESSAGE_BYTES / 1024} KB). ` +
        'Please send a shorter question or command, for example "scan ‹workspace›" or "help".',
    };
  }
  const text = stripMentionMarkup(raw)
    // C0 controls except tab and newlines, DEL, C1 controls, zero-width and bidi characters that can disguise text.
    .replace(UNSAFE_CHARACTERS, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+/g, ' ')
    .trim();
  return { ok: true, text };
}
