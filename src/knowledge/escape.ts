/**
 * Neutralises user text before it goes into the baseline Markdown document: no links, no @mentions, no HTML, no
 * Markdown emphasis or headings that could make user text look like the bot's own, and no secrets a participant
 * pasted by mistake. (Cards use src/cards/escape.ts.)
 */
import { scrubSecrets } from '../logging';

const CARD_REPLACEMENTS: readonly (readonly [RegExp, string])[] = [
  [/<\/?at[^>]*>/gi, ''],
  [/</g, '\uFF1C'],
  [/>/g, '\uFF1E'],
  [/\[/g, '\uFF3B'],
  [/\]/g, '\uFF3D'],
  [/([*_~`#|\\])/g, '\\$1'],
  // Bare URLs stay readable but are not auto-linked.
  [/(https?):\/\//gi, '$1:/\u200B/'],
];

/** Text safe for a TextBlock (which renders a Markdown subset). */
export function escapeCardText(text: string, maxLength = 2000): string {
  const scrubbed = scrubSecrets(text);
  let safe = scrubbed.length > maxLength ? `${scrubbed.slice(0, maxLength)}…` : scrubbed;
  for (const [pattern, replacement] of CARD_REPLACEMENTS) safe = safe.replace(pattern, replacement);
  return safe;
}

/** User text for one line of a Markdown document (newlines folded, same neutralisation). */
export function escapeMarkdownInline(text: string, maxLength = 4000): string {
  return escapeCardText(text.replace(/\s*\r?\n\s*/g, ' ').trim(), maxLength);
}
