/**
 * For any suite: assert that texts the bot sent or logged contain nothing token-shaped. Uses the product's own
 * patterns (src/logging.ts SECRET_PATTERNS) plus a few broader ones, so a pattern the scrubber misses still
 * fails a test here.
 */
import { SECRET_PATTERNS } from '../../src/logging';

const EXTRA_PATTERNS: readonly RegExp[] = [
  /eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}/g, // JWT header.payload, even without a signature
  /\bBearer\s+(?!\[redacted\])[A-Za-z0-9._~+/-]{12,}=*/gi,
  /AccountKey=(?!\[redacted\])[^;\s"]{10,}/gi,
  /SharedAccessSignature=(?!\[redacted\])[^;\s"]+/gi,
  /[?&]sig=(?!\[redacted\])[A-Za-z0-9%+/=]{10,}/gi,
  /\bclient_secret=(?!\[redacted\])[^&\s"]+/gi,
  /"(access_token|refresh_token|id_token)"\s*:\s*"[^"]{8,}"/gi,
];

export interface SecretHit {
  readonly index: number;
  readonly pattern: string;
  /** The first and last characters only, so a failing test does not print the secret it caught. */
  readonly masked: string;
}

export function findSecrets(texts: readonly string[], extraLiterals: readonly string[] = []): SecretHit[] {
  const hits: SecretHit[] = [];
  texts.forEach((text, index) => {
    for (const pattern of [...SECRET_PATTERNS, ...EXTRA_PATTERNS]) {
      const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
      for (const m of text.matchAll(re)) {
        if (/\[redacted\]$/.test(m[0])) continue;
        hits.push({ index, pattern: pattern.source.slice(0, 40), masked: `${m[0].slice(0, 6)}…${m[0].slice(-3)}` });
      }
    }
    for (const literal of extraLiterals) {
      if (literal !== '' && text.includes(literal)) hits.push({ index, pattern: 'known secret', masked: `${literal.slice(0, 6)}…` });
    }
  });
  return hits;
}

/** Throws (failing the test) when any text holds a token-like string or one of `knownSecrets`. */
export function assertNoSecrets(texts: readonly string[], knownSecrets: readonly string[] = []): void {
  const hits = findSecrets(texts, knownSecrets);
  if (hits.length > 0) {
    throw new Error(`Found ${hits.length} secret-like string(s):\n${hits.map((h) => `  text #${h.index}: ${h.masked} (${h.pattern})`).join('\n')}`);
  }
}

/** A JWT-shaped fake token (not signed by anyone) for tests that inject a credential and look for leaks. */
export function fakeJwt(claims: Record<string, unknown> = {}): string {
  const enc = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${enc({ alg: 'RS256', typ: 'JWT', kid: 'test-key-0001' })}.${enc({ aud: 'https://management.azure.com', exp: Math.floor(Date.now() / 1000) + 3600, oid: 'test-object-id', ...claims })}.${Buffer.from('not-a-real-signature-but-long-enough').toString('base64url')}`;
}
