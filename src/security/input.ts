/**
 * Input hygiene for everything a user controls: message text and card action payloads.
 *
 * Text: a size cap, then control characters, zero-width characters and bidi controls are removed. Zero-width
 * and bidi characters can make "scan ws-prod" look like one workspace on screen and name another, or hide
 * words from a reviewer; nothing legitimate in a command or a baseline question needs them.
 *
 * Card actions: the bot's own parser (src/bot/card-action.ts) already requires a verb, a plain object and no
 * prototype keys. Here each verb family gets a JSON schema (ajv) listing the fields its cards carry, with types
 * and lengths, and unknown verbs are refused. Values that pass are still untrusted: a workspace id in a card
 * is re-authorised by the scan authorizer, never taken as proof of anything.
 */
import Ajv, { type ErrorObject, type JSONSchemaType, type ValidateFunction } from 'ajv';
import { declaredVerbs } from '../routing/actions';

/** Longest message read, in UTF-8 bytes (the bot's own cap in src/bot/message-text.ts is the same). */
export const MAX_TEXT_BYTES = 4 * 1024;

/**
 * C0 controls except tab and line breaks, DEL, C1 controls; zero-width space/joiners, word joiner and
 * invisible operators, BOM, Mongolian vowel separator; and every bidi control (LRM, RLM, ALM, embeddings,
 * overrides, isolates).
 */
// eslint-disable-next-line no-control-regex
export const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

export type TextCheck =
  | { readonly ok: true; readonly text: string; /** True when characters were removed. */ readonly changed: boolean }
  | { readonly ok: false; readonly reason: string };

/** Caps, strips unsafe characters, normalises line breaks and blanks, trims. */
export function sanitizeMessageText(raw: string, maxBytes = MAX_TEXT_BYTES): TextCheck {
  const bytes = Buffer.byteLength(raw, 'utf8');
  if (bytes > maxBytes) {
    return {
      ok: false,
      reason: `That message is too long for me (${Math.ceil(bytes / 1024)} KB; I read up to ${Math.floor(maxBytes / 1024)} KB). Please send a shorter question or command.`,
    };
  }
  const stripped = raw.replace(UNSAFE_CHARACTERS, '');
  const text = stripped
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+/g, ' ')
    .trim();
  return { ok: true, text, changed: stripped.length !== raw.length };
}

/** Removes unsafe characters only (for fields that are not whole messages, e.g. a card input). */
export function stripUnsafeCharacters(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, '');
}

/**
 * User text quoted back in a plain-text reply: unsafe characters removed, Markdown and HTML that Teams would
 * render neutralised, and cut to `max` characters so a reply can never be made to carry a long payload.
 */
export function quoteUserText(text: string, max = 80): string {
  const clean = stripUnsafeCharacters(text).replace(/\s+/g, ' ').trim();
  const cut = clean.length > max ? `${clean.slice(0, max)}…` : clean;
  return cut.replace(/[\\`*_[\]()<>#|~!]/g, (c) => `\\${c}`);
}

// ------------------------------------------------------------------------------------------------------------
// Card action payloads
// ------------------------------------------------------------------------------------------------------------

/**
 * Every verb the bot's cards carry, by family (the feature name): read from the features' declarations
 * (src/routing/actions), so that declaring a button is the one edit that lets its payload through — the schemas
 * below are per family, and the compiler asks the feature for the handler.
 */
export const KNOWN_VERBS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(declaredVerbs());

type Payload = Record<string, unknown>;

const str = (maxLength: number): Record<string, unknown> => ({ type: 'string', maxLength });
const int = (minimum: number, maximum: number): Record<string, unknown> => ({ type: 'integer', minimum, maximum });
const bool = { type: 'boolean' };

/** One schema per family: the fields its cards put in `data` (and the inputs Teams merges into it). */
const FAMILY_SCHEMAS: Readonly<Record<string, Record<string, unknown>>> = {
  scan: {
    workspaceId: str(1024),
    target: str(1024),
    checkId: str(60),
    resourceId: str(1024),
    page: int(0, 10_000),
    check: str(60),
    checkIds: { type: 'array', maxItems: 200, items: str(60) },
    questionId: str(40),
    // Part of a finding's identity when a check reports several findings on one resource (an assessment, a policy).
    subject: str(400),
  },
  qna: { questionId: str(40) },
  workshop: {
    // Input.ChoiceSet with isMultiSelect sends a comma-separated string; accept an array too.
    categories: { anyOf: [str(1000), { type: 'array', maxItems: 20, items: str(60) }] },
    all: bool,
    questionId: str(40),
  },
  baseline: {},
  lab: {
    exercise: int(0, 1000),
    index: int(0, 1000),
    confirm: bool,
    subscriptionId: str(200),
    namespace: str(200),
    postfix: str(200),
    location: str(200),
    environment: str(200),
    computeCluster: str(200),
    workspace: str(400),
  },
  watch: { subscriptionId: str(200) },
  welcome: {},
  reset: {},
  // Accepted risk: the finding a form is about, the form's inputs, and the exception a reminder acts on.
  exceptions: {
    checkId: str(60),
    resourceId: str(1024),
    workspaceId: str(1024),
    workspaceName: str(200),
    target: str(1024),
    reason: str(1000),
    owner: str(200),
    expires: str(40),
    scope: str(20),
    id: str(60),
    conversationId: str(400),
  },
};

function compile(): Map<string, ValidateFunction<Payload>> {
  const ajv = new Ajv({ allErrors: false, strict: true });
  const out = new Map<string, ValidateFunction<Payload>>();
  for (const [family, properties] of Object.entries(FAMILY_SCHEMAS)) {
    const schema = { type: 'object', properties, additionalProperties: false } as unknown as JSONSchemaType<Payload>;
    out.set(family, ajv.compile<Payload>(schema));
  }
  return out;
}

let validators: Map<string, ValidateFunction<Payload>> | undefined;

export type PayloadCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Is this a verb the bot's cards use, with the fields its family allows? */
export function checkActionPayload(verb: string, data: unknown): PayloadCheck {
  const dot = verb.indexOf('.');
  const family = dot < 0 ? verb : verb.slice(0, dot);
  // A family without a schema is no feature of the product's: the dispatcher answers that no feature owns it
  // (and features added by an embedding, such as tests, validate their own data).
  if (!Object.prototype.hasOwnProperty.call(KNOWN_VERBS, family)) return { ok: true };
  const verbs = KNOWN_VERBS[family];
  if (verbs === undefined || !verbs.includes(verb)) return { ok: false, reason: 'the button is not one of mine (or is from an older version)' };
  validators ??= compile();
  const validate = validators.get(family);
  if (validate === undefined) return { ok: false, reason: 'the button is not one of mine' };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, reason: 'the button data is not an object' };
  if (!validate(data)) return { ok: false, reason: describe(validate.errors) };
  return { ok: true };
}

function describe(errors: readonly ErrorObject[] | null | undefined): string {
  const first = errors?.[0];
  if (first === undefined) return 'the button data is not valid';
  // Field names come from our schema, never user text: safe to name.
  if (first.keyword === 'additionalProperties') return 'the button data has a field I do not use';
  const field = first.instancePath.replace(/^\//, '') || 'data';
  return `the button field "${field}" is not valid`;
}
