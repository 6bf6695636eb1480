/**
 * What the product logger (src/logging.ts) does with secrets: string arguments and known keys are scrubbed,
 * and so is every serialised line, so that a token inside an object field (an Error's message or stack, an
 * ARM error body) does not reach the log either.
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

test('a token inside an error object or a nested field is scrubbed from the serialised line', () => {
  const { lines, logger } = capture();
  const token = fakeJwt();
  logger.error({ err: new Error(`request failed: Authorization: Bearer ${token}`) }, 'scan failed');
  logger.warn({ detail: { body: `token=${token}` } }, 'odd response');
  assertNoSecrets(lines, [token]);
});
