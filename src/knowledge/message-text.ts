/**
 * Cleans a raw chat message for routing: Teams @mention markup (`<at>Guardian</at>`), HTML links with their text
 * (a link never names a workspace), other HTML, entities, a leading bot name, surrounding whitespace and punctuation.
 */
const ENTITIES: Readonly<Record<string, string>> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" };

export function cleanMessage(raw: string): string {
  return raw
    .replace(/<at[^>]*>[\s\S]*?<\/at>/gi, ' ')
    .replace(/<a\b[^>]*>[\s\S]*?<\/a>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, (entity) => ENTITIES[entity.toLowerCase()] ?? ' ')
    .replace(/^\s*@?(baseline )?guardian\b[\s,:;-]*/i, '')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lowercase, with curly quotes straightened and trailing punctuation removed: the form the patterns match. */
export function normalizeForMatching(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/^[\s"'`]+/, '')
    .replace(/[\s.!?,;:"'`]+$/, '')
    .trim();
}
