/**
 * Card actions arrive as user-controlled JSON (an old card, a forged payload, another bot's card). This module
 * checks their shape before any feature sees them.
 */
import type { CardAction } from '../dialogs/feature';
import { checkActionPayload } from '../security/input';

/** `feature.action` or `feature.sub.action`: lowercase feature name, then dotted words. */
export const VERB_PATTERN = /^[a-z]+(\.[a-zA-Z-]+)+$/;
export const MAX_VERB_LENGTH = 100;
/** Largest action payload accepted, as JSON text. Card data carries ids, not documents. */
export const MAX_ACTION_DATA_BYTES = 8 * 1024;

export type ParsedCardAction = { readonly ok: true; readonly action: CardAction } | { readonly ok: false; readonly reason: string };

/** Keys that Teams adds to Action.Submit data and that are not part of the card's own payload. */
const SUBMIT_ENVELOPE_KEYS = new Set(['verb', 'msteams']);
/** Keys that would reach an object's prototype if a feature ever merged the payload into another object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** From an `adaptiveCard/action` invoke value: `{ action: { type: 'Action.Execute', verb, data } }`. */
export function parseExecuteAction(value: unknown): ParsedCardAction {
  if (!isPlainObject(value) || !isPlainObject(value.action)) return { ok: false, reason: 'the action is missing' };
  const { verb, data } = value.action;
  return validate(verb, data ?? {}, 'execute');
}

/** From an Action.Submit message `value`: `{ verb, ...data }` (Teams merges inputs into the same object). */
export function parseSubmitAction(value: unknown): ParsedCardAction {
  if (!isPlainObject(value)) return { ok: false, reason: 'the action data is not an object' };
  if (Object.keys(value).some((k) => FORBIDDEN_KEYS.has(k))) return { ok: false, reason: 'the action data has a reserved key' };
  const data: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (!SUBMIT_ENVELOPE_KEYS.has(key)) data[key] = v;
  return validate(value.verb, data, 'submit');
}

function validate(verb: unknown, data: unknown, via: CardAction['via']): ParsedCardAction {
  if (typeof verb !== 'string' || verb.length === 0) return { ok: false, reason: 'the action has no verb' };
  if (verb.length > MAX_VERB_LENGTH || !VERB_PATTERN.test(verb)) return { ok: false, reason: 'the action verb is not valid' };
  if (!isPlainObject(data)) return { ok: false, reason: 'the action data is not an object' };
  if (Object.keys(data).some((k) => FORBIDDEN_KEYS.has(k))) return { ok: false, reason: 'the action data has a reserved key' };
  let json: string;
  try {
    json = JSON.stringify(data);
  } catch {
    return { ok: false, reason: 'the action data is not JSON' };
  }
  if (Buffer.byteLength(json, 'utf8') > MAX_ACTION_DATA_BYTES) return { ok: false, reason: 'the action data is too large' };
  // A fresh copy: no shared references with the activity.
  const copy: unknown = JSON.parse(json);
  if (!isPlainObject(copy)) return { ok: false, reason: 'the action data is not an object' };
  // The payload of each known verb family has a schema: unknown verbs and wrong shapes stop here.
  const payload = checkActionPayload(verb, copy);
  if (!payload.ok) return { ok: false, reason: payload.reason };
  return { ok: true, action: { verb, data: Object.freeze(copy), via } };
}

/** The feature that owns a verb: the one whose name is the verb's first segment. */
export function featureNameOf(verb: string): string {
  const dot = verb.indexOf('.');
  return dot < 0 ? verb : verb.slice(0, dot);
}
