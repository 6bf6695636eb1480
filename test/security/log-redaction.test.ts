/**
 * What the product logger (src/logging.ts) does with secrets. Messages and known keys are scrubbed today;
 * a token inside an *object field* (an Error's message or stack, an ARM error body) is not, because the scrub
 * hook only sees string arguments. The `test.failing` below documents that gap: it passes while the leak exists
 * and starts failing once logging.ts scrubs serialized lines (e.g. pino `hooks.streamWrite: scrubSecrets`);
 * then turn it into a plain `test`.
 */
import { createLogger } from '../../src/logging';
import { assertNoSecrets, fakeJwt } from './secret-scan';

function capture(): { lines: string[]; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  return { lines, logger: createLogger({ level: 'debug', destination: { write: (s: string) => void lines.push(s) } }) };
}

test('message strings and known keys are scrubbed', () => {
  const { lines, logger } = capture();
  const token = fakeJwt();
  logger.info(`calling ARM with Bearer ${token}`);
  logger.info({ token, headers: { authorization: `Bearer ${token}` }, config: { adminToken: 'a'.repeat(40) } }, 'request');
  expect(lines.length).toBe(2);
  assertNoSecrets(lines, [token, 'a'.repeat(40)]);
});

test.failing('KNOWN GAP: a token inside an error object reaches the log (fix in src/logging.ts, then make this a plain test)', () => {
  const { lines, logger } = capture();
  const token = fakeJwt();
  logger.error({ err: new Error(`request failed: Authorization: Bearer ${token}`) }, 'scan failed');
  logger.warn({ detail: { body: `token=${token}` } }, 'odd response');
  assertNoSecrets(lines, [token]);
});
