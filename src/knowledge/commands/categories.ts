/**
 * The workshop categories named in a message, by slug, title or a word of the subject ("networking", "PIM" is
 * not one: privileged). The workshop command and check requests both read categories this way.
 */
import { CATEGORIES, CATEGORY_TITLES, type Category } from '../../checks/types';

const CATEGORY_WORDS: readonly (readonly [RegExp, Category])[] = [
  [/\bnetwork(ing)?\b|\bprivate endpoints?\b|\bprivate link\b|\bvnets?\b|\bfirewall\b|\bnsgs?\b/, 'network-security'],
  [/\bidentit(y|ies)\b|\bauthentication\b/, 'identity-management'],
  [/\bprivileged?\b/, 'privileged-access'],
  [/\bdata protection\b|\bencryption\b/, 'data-protection'],
  [/\basset(s)?\b/, 'asset-management'],
  [/\blogging\b|\bthreat detection\b|\blogs\b/, 'logging-threat-detection'],
  [/\bposture\b|\bvulnerabilit(y|ies)\b/, 'posture-vulnerability'],
  [/\bbackup\b|\brecovery\b/, 'backup-recovery'],
];

/** Category slugs named in the text, in workshop order. */
export function categoriesIn(text: string): Category[] {
  const found = new Set<Category>();
  for (const category of CATEGORIES) {
    if (text.includes(category) || text.includes(CATEGORY_TITLES[category].toLowerCase())) found.add(category);
  }
  for (const [pattern, category] of CATEGORY_WORDS) if (pattern.test(text)) found.add(category);
  return CATEGORIES.filter((c) => found.has(c));
}
