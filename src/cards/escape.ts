/**
 * Text from users and from Azure (resource names, tags, error messages, evidence values) goes through here
 * before it reaches a card, so that it shows as the characters it is and does nothing else: no markdown links
 * that hide their target, no <at> mentions, no HTML, no lists or headings, no `${…}` that a template could
 * bind, no bidi tricks, and no secrets.
 */
import { scrubSecrets } from '../logging';

// Controls (except tab/newline), zero-width and bidi formatting characters: invisible tools for spoofing.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
// Markdown and HTML punctuation, escaped with a backslash (CommonMark: any ASCII punctuation may be escaped).
const MARKDOWN_PUNCTUATION = /[\\`*_~[\]<>&|#{}!]/g;

/** Characters a template engine or host could read as a binding: `${`. Broken with a zero-width joiner. */
function breakBindings(text: string): string {
  return text.replace(/\$\{/g, '$\u2060{');
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** Plain text for properties that are not markdown (action titles, fact titles, choice titles, fallbackText). */
export function plainText(input: string, max = 200): string {
  const cleaned = scrubSecrets(input).replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  return breakBindings(truncate(cleaned, max));
}

/**
 * Text for a TextBlock (or FactSet value), which hosts render as markdown. Single line: newlines collapse,
 * so that nothing can start a list, a heading or a quote; punctuation is backslash-escaped.
 */
export function markdownText(input: string, max = 500): string {
  const cleaned = scrubSecrets(input).replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  const escaped = truncate(cleaned, max)
    .replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`)
    // A line that starts with "1. " or "- " or "+ " would become a list item.
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([-+])/, '\\$1');
  return breakBindings(escaped);
}

/**
 * One line of a command for a TextRun (cards/code-block.ts), to be copied as is: TextRun text is not
 * markdown (Adaptive Cards schema: "Markdown is not supported"), so nothing is backslash-escaped — an escape
 * would be copied into the shell. Secrets are scrubbed and invisible characters dropped. `${…}` stays: shell
 * variables are part of commands, and a sent card is not expanded as a template again. Never put this text in
 * a TextBlock, where it would be read as markdown.
 */
export function codeRunText(input: string, max = 1500): string {
  const cleaned = scrubSecrets(input).replace(INVISIBLE, '').replace(/[\r\n]+/g, ' ').replace(/\t/g, '  ').trimEnd();
  return truncate(cleaned, max);
}


/** An https URL for Action.OpenUrl, or undefined (never `null`, never javascript: or a data: URL). */
export function safeUrl(input: string | undefined): string | undefined {
  if (input === undefined) return undefined;
  try {
    const url = new URL(input.trim());
    if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return undefined;
    return url.toString();
  } catch {
    return undefined;
  }
}
