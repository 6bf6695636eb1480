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

test('connection-string secrets are cut at their own value and every line stays valid JSON', () => {
  const { lines, logger } = capture();
  const sas = 'sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01&sig=AbCdEfGhIjKlMnOpQrStUv%3D';
  logger.info({ endpoint: `BlobEndpoint=https://acct.blob.core.windows.net/;SharedAccessSignature=${sas}`, after: 'kept-after' }, 'storage');
  logger.info(`queue Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=listen;SharedAccessKey=c2hvcnQ=;EntityPath=events and more`);
  logger.info({ sql: 'Server=tcp:db.example.net;Database=d;User ID=u;Password=P@ss-w0rd;Encrypt=true', storage: 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=c2hvcnQ=;' }, 'databases');
  const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(parsed[0]?.after).toBe('kept-after');
  expect(parsed[0]?.endpoint).toBe('BlobEndpoint=https://acct.blob.core.windows.net/;SharedAccessSignature=[redacted]');
  expect(parsed[1]?.msg).toBe('queue Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=listen;SharedAccessKey=[redacted];EntityPath=events and more');
  expect(parsed[2]?.sql).toBe('Server=tcp:db.example.net;Database=d;User ID=u;Password=[redacted];Encrypt=true');
  expect(parsed[2]?.storage).toBe('DefaultEndpointsProtocol=https;AccountName=a;AccountKey=[redacted];');
  assertNoSecrets(lines, [sas, 'c2hvcnQ=', 'P@ss-w0rd']);
});

test('secret-named keys are redacted at any depth, in objects and arrays', () => {
  const { lines, logger } = capture();
  logger.info({ a: { b: { password: 'nested-password-1' } }, list: [{ clientSecret: 'nested-secret-2' }], deep: { x: { y: { z: { apiKey: 'nested-key-3' } } } }, kept: { b: 'visible' } }, 'nested');
  const line = JSON.parse(lines[0]!) as { a: { b: { password: string } }; kept: { b: string } };
  expect(line.a.b.password).toBe('[redacted]');
  expect(line.kept.b).toBe('visible');
  assertNoSecrets(lines, ['nested-password-1', 'nested-secret-2', 'nested-key-3']);
});
