/**
 * Structured logging (pino) with redaction: tokens, passwords, keys and connection strings never reach a log.
 * Redaction is by key (pino's `redact`) and by value (a scrub of anything token-shaped in messages), because
 * a secret can arrive inside a string as well as under a known key.
 */
import pino from 'pino';
import type { LogLevel } from './config';

export type Logger = pino.Logger;

const REDACT_PATHS = [
  'authorization',
  'Authorization',
  'password',
  'token',
  'accessToken',
  'access_token',
  'refresh_token',
  'clientSecret',
  'client_secret',
  'connectionString',
  'adminToken',
  'key',
  'secret',
  '*.authorization',
  '*.Authorization',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.access_token',
  '*.clientSecret',
  '*.connectionString',
  '*.secret',
  'req.headers.authorization',
  'headers.authorization',
  'headers.Authorization',
  'config.bot.password',
  'config.adminToken',
  'config.state.blobConnectionString',
];

/**
 * Patterns of secret-looking values: JWTs, bearer headers, connection-string secrets, SAS signatures, client
 * secrets. They run over serialised JSON lines too, so a value stops at a quote or a backslash: a match never
 * swallows the rest of a line and the line stays valid JSON.
 */
export const SECRET_PATTERNS: readonly RegExp[] = [
  /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, // JWT
  /Bearer\s+[A-Za-z0-9._~+/=-]{16,}/gi,
  // Connection strings (Storage, Service Bus, Event Hubs, SQL): keep the name, drop the value up to the next `;`.
  /((?:AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd)=)[^;\s"'\\]+/gi,
  /([?&]sig=)[A-Za-z0-9%+/=]{16,}/gi,
  /[A-Za-z0-9_~.-]{3}8Q~[A-Za-z0-9_~.-]{31,34}/g, // Entra client secret shape
];

/** Replaces secret-looking substrings with a marker. Used on log messages and on everything the bot sends. */
export function scrubSecrets(text: string): string {
  let out = text;
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, (m, prefix: unknown) => (typeof prefix === 'string' && m.startsWith(prefix) ? `${prefix}[redacted]` : '[redacted]'));
  return out;
}

/** Keys whose values are secrets at any depth of a logged object (pino's redact paths reach one level only). */
const SECRET_KEY = /^(authorization|password|passwd|pwd|secret|token|accesstoken|access_token|refresh_token|clientsecret|client_secret|connectionstring|admintoken|accountkey|sharedaccesskey|apikey|api_key)$/i;
const MAX_REDACT_DEPTH = 8;

/**
 * A copy of a logged object with secret-named keys censored and secret-looking strings scrubbed, at any depth.
 * Errors and other class instances are left to pino's serialisers (the serialised line is scrubbed again).
 */
export function redactFields(object: object, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(object)) out[key] = SECRET_KEY.test(key) && v !== undefined && v !== null ? '[redacted]' : redactValue(v, depth + 1);
  return out;
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  if (depth >= MAX_REDACT_DEPTH || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v: unknown) => redactValue(v, depth + 1));
  return Object.getPrototypeOf(value) === Object.prototype ? redactFields(value, depth) : value;
}

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Where to write; stderr by default so that CLI stdout carries only reports. */
  readonly destination?: pino.DestinationStream;
  readonly name?: string;
}

export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      name: options.name ?? 'guardian',
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      hooks: {
        // The last line of defence: a token inside a logged object (an error message, a URL) is scrubbed from
        // the serialised line too, not only from string arguments.
        streamWrite: scrubSecrets,
        logMethod(args, method) {
          for (const [i, a] of args.entries()) if (typeof a === 'string') args[i] = scrubSecrets(a);
          method.apply(this, args);
        },
      },
      formatters: { level: (label) => ({ level: label }), log: (object) => redactFields(object) },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination ?? pino.destination(2),
  );
}

/** A logger that writes nothing (tests, library use). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
