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

/** Patterns of secret-looking values: JWTs, bearer headers, storage keys, SAS signatures, client secrets. */
export const SECRET_PATTERNS: readonly RegExp[] = [
  /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, // JWT
  /Bearer\s+[A-Za-z0-9._~+/=-]{16,}/gi,
  /AccountKey=[A-Za-z0-9+/=]{20,}/gi,
  /SharedAccessSignature=[^;\s]+/gi,
  /([?&]sig=)[A-Za-z0-9%+/=]{16,}/gi,
  /[A-Za-z0-9_~.-]{3}8Q~[A-Za-z0-9_~.-]{31,34}/g, // Entra client secret shape
];

/** Replaces secret-looking substrings with a marker. Used on log messages and on everything the bot sends. */
export function scrubSecrets(text: string): string {
  let out = text;
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, (m, prefix: unknown) => (typeof prefix === 'string' && m.startsWith(prefix) ? `${prefix}[redacted]` : '[redacted]'));
  return out;
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
          const scrubbed = args.map((a) => (typeof a === 'string' ? scrubSecrets(a) : a)) as Parameters<typeof method>;
          method.apply(this, scrubbed);
        },
      },
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination ?? pino.destination(2),
  );
}

/** A logger that writes nothing (tests, library use). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
