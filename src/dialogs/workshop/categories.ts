/** Which workshop categories a start names. */
import { CATEGORIES, type Category } from '../../checks/types';

function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

/** Category slugs from a ChoiceSet value ("a,b"), an array, or command args. */
export function parseCategories(value: unknown): Category[] {
  const raw = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  const wanted = new Set(raw.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter(isCategory));
  return CATEGORIES.filter((c) => wanted.has(c));
}
