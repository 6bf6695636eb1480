/**
 * Expands a JSON card template (adaptivecards-templating) and refuses to return a card that still holds an
 * unbound `${…}` — the templating engine leaves a missing property as literal text rather than failing.
 */
import { Template } from 'adaptivecards-templating';
import type { AdaptiveCard } from './card';
import { isRecord } from '../shared/is-record';

export class CardTemplateError extends Error {
  override readonly name = 'CardTemplateError';
}

/** Teams' documented limit for incoming webhooks, and a safe bound for bot messages: every card stays under it. */
export const MAX_CARD_BYTES = 28 * 1024;

export function expandCard(template: object, data: object): AdaptiveCard {
  const expanded: unknown = new Template(template).expand({ $root: data });
  const json = JSON.stringify(expanded);
  const unbound = /\$\{[^}]*\}?/.exec(json);
  if (unbound !== null) throw new CardTemplateError(`Card template left an unbound expression: ${unbound[0].slice(0, 60)}`);
  if (json.includes('"url":null') || json.includes('"url":""')) throw new CardTemplateError('Card template produced an empty url.');
  const card: unknown = JSON.parse(json);
  if (!isRecord(card) || card.type !== 'AdaptiveCard' || typeof card.version !== 'string') throw new CardTemplateError('Card template did not produce an AdaptiveCard.');
  return { ...card, type: card.type, version: card.version };
}

/** Serialized size in bytes, as it travels in the activity. */
export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}
