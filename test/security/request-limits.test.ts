/**
 * What an unauthenticated caller can make the server spend. The real server runs in a child process with its
 * own temp folder; hostile requests go at both POST routes over raw sockets, and the child's resident memory
 * (from /proc) and temp folder are read before and after.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { spawnBotProcess, type BotProcess } from '../support/e2e-processes';

const ADMIN_TOKEN = 'admin-token-for-the-request-limit-tests-0123456789';
const ROUTES = ['/api/messages', '/api/notifications/run'] as const;
/** Growth of the child's RSS that the whole attack may cause; one inflated bomb alone would be 200 MB. */
const RSS_BUDGET_KB = 64 * 1024;

function rssKb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1]);
}

/** A gzip body that inflates to `mb` megabytes of one JSON activity. */
async function gzipBomb(mb: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const out: Buffer[] = [];
  gzip.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => gzip.once('end', resolve));
  const filler = Buffer.alloc(1024 * 1024, 'x');
  gzip.write('{"type":"message","text":"');
  for (let i = 0; i < mb; i += 1) if (!gzip.write(filler)) await new Promise((r) => gzip.once('drain', r));
  gzip.end('"}');
  await done;
  return Buffer.concat(out);
}

interface Exchange {
  /** The status of the answer, or undefined when the server closed without one. */
  readonly status: number | undefined;
  /** Body bytes the client got to write before the server answered or closed. */
  readonly bodyBytesWritten: number;
  readonly closedByServer: boolean;
}

/**
 * Writes a request head and then body pieces, stopping as soon as the server answers or closes. The first piece
 * waits a moment for an answer from the headers alone, and the others `pauseMs` each: a server that closes while
 * bytes are still arriving resets the connection, which can drop its answer before the client reads it.
 * `guardMs` only ends a test that the server never answers (it is not an assertion).
 */
function exchange(url: string, head: string, pieces: Iterable<Buffer>, options: { pauseMs?: number; guardMs?: number } = {}): Promise<Exchange> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let response = '';
    let written = 0;
    let closedByServer = false;
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      clearTimeout(guard);
      socket.destroy();
      const status = /^HTTP\/1\.1 (\d{3})/.exec(response)?.[1];
      resolve({ status: status === undefined ? undefined : Number(status), bodyBytesWritten: written, closedByServer });
    };
    const guard = setTimeout(finish, options.guardMs ?? 20_000);
    socket.on('data', (d: Buffer) => {
      response += d.toString('latin1');
    });
    socket.on('end', () => {
      closedByServer = true;
      finish();
    });
    socket.on('error', () => {
      closedByServer = true;
      finish();
    });
    socket.on('close', finish);
    socket.once('connect', () => {
      void (async () => {
        socket.write(head);
        let pause = 200;
        for (const piece of pieces) {
          if (finished || response !== '') break;
          if (pause > 0) await new Promise((r) => setTimeout(r, pause));
          pause = options.pauseMs ?? 0;
          if (finished || response !== '') break;
          const flushed = socket.write(piece);
          written += piece.length;
          if (!flushed) await new Promise((r) => socket.once('drain', r));
        }
      })();
    });
  });
}

function* repeat(piece: Buffer, times: number): Generator<Buffer> {
  for (let i = 0; i < times; i += 1) yield piece;
}

function head(path: string, headers: Record<string, string | number>): string {
  const lines = Object.entries({ Host: '127.0.0.1', ...headers }).map(([k, v]) => `${k}: ${v}`);
  return `POST ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

describe('requests before authentication cost bounded memory, no disk and no time', () => {
  let bot: BotProcess;
  let childTmp: string;
  let bomb: Buffer;
  let rssBefore: number;
  /** What the child's own tooling (the TypeScript loader's cache) put in its temp folder while starting. */
  let tmpAtStart: string[];

  beforeAll(async () => {
    childTmp = mkdtempSync(join(tmpdir(), 'guardian-limits-'));
    bomb = await gzipBomb(200);
    bot = await spawnBotProcess(
      {
        GUARDIAN_STORE: 'memory',
        GUARDIAN_ADMIN_TOKEN: ADMIN_TOKEN,
        TMPDIR: childTmp,
        GUARDIAN_TEST_HTTP_LIMITS: JSON.stringify({ headersTimeoutMs: 1_000, requestTimeoutMs: 2_000 }),
      },
      60_000,
      'test/support/limits-bot-process.ts',
    );
    // Warm the routes up so that their first-use allocations are not counted as growth.
    await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    rssBefore = rssKb(bot.pid);
    tmpAtStart = readdirSync(childTmp);
  }, 90_000);

  afterAll(async () => {
    await bot.stop();
    rmSync(childTmp, { recursive: true, force: true });
  });

  test.each(ROUTES)('%s refuses a gzip bomb with 415 before inflating it', async (path) => {
    const attacks = await Promise.all(
      [1, 2, 3, 4].map(() =>
        exchange(bot.url, head(path, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Content-Length': bomb.length }), [bomb]),
      ),
    );
    expect(attacks.map((a) => a.status)).toEqual([415, 415, 415, 415]);
    expect(rssKb(bot.pid) - rssBefore).toBeLessThan(RSS_BUDGET_KB);
  }, 60_000);

  test.each(ROUTES)('%s refuses a 200 MB multipart upload with 415 and writes nothing to disk', async (path) => {
    const boundary = 'guardian-limit-test';
    const preamble = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`);
    const attack = await exchange(
      bot.url,
      head(path, { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': 200 * 1024 * 1024 }),
      [preamble, ...repeat(Buffer.alloc(1024 * 1024, 'z'), 16)],
    );
    expect(attack.status).toBe(415);
    expect(readdirSync(childTmp)).toEqual(tmpAtStart);
    expect(rssKb(bot.pid) - rssBefore).toBeLessThan(RSS_BUDGET_KB);
  }, 60_000);

  test.each(ROUTES)('%s refuses any other content type or encoding with 415', async (path) => {
    const refused: Record<string, string | number>[] = [
      { 'Content-Type': 'text/plain', 'Content-Length': 2 },
      { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': 2 },
      { 'Content-Type': 'application/json', 'Content-Encoding': 'deflate', 'Content-Length': 2 },
      { 'Content-Type': 'application/json; charset=latin1', 'Content-Length': 2 },
      { 'Content-Length': 2 },
    ];
    for (const headers of refused) {
      const answer = await exchange(bot.url, head(path, headers), [Buffer.from('{}')]);
      expect({ headers, status: answer.status }).toEqual({ headers, status: 415 });
    }
  });

  test.each(ROUTES)('%s refuses a body over 256 KB with 413, declared or streamed in chunks', async (path) => {
    const declared = await exchange(bot.url, head(path, { 'Content-Type': 'application/json', 'Content-Length': 300 * 1024 }), repeat(Buffer.alloc(1024, ' '), 300));
    expect(declared.status).toBe(413);
    const chunk = Buffer.concat([Buffer.from(`${(64 * 1024).toString(16)}\r\n`), Buffer.alloc(64 * 1024, ' '), Buffer.from('\r\n')]);
    const chunked = await exchange(bot.url, head(path, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }), repeat(chunk, 64), { pauseMs: 20 });
    expect(chunked.status).toBe(413);
    // The server stopped reading at the limit instead of taking all 4 MB.
    expect(chunked.bodyBytesWritten).toBeLessThan(64 * chunk.length);
    expect(rssKb(bot.pid) - rssBefore).toBeLessThan(RSS_BUDGET_KB);
  }, 60_000);

  test.each(ROUTES)('%s cuts off a client that trickles its body', async (path) => {
    const slow = await exchange(bot.url, head(path, { 'Content-Type': 'application/json', 'Content-Length': 1000 }), repeat(Buffer.from(' '), 1000), { pauseMs: 100, guardMs: 60_000 });
    expect(slow.closedByServer).toBe(true);
    expect(slow.bodyBytesWritten).toBeLessThan(1000);
  }, 90_000);

  test.each(ROUTES)('%s cuts off a client that trickles its headers', async (path) => {
    const { port } = new URL(bot.url);
    const headerLines = repeat(Buffer.from('X-Slow: 1\r\n'), 1000);
    const slow = await exchange(`http://127.0.0.1:${port}`, `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n`, headerLines, { pauseMs: 100, guardMs: 60_000 });
    expect(slow.closedByServer).toBe(true);
    expect(slow.bodyBytesWritten).toBeLessThan(1000 * 'X-Slow: 1\r\n'.length);
  }, 90_000);

  test('JSON still gets through: an activity with a charset, and the admin route with or without a body', async () => {
    const activity = { type: 'conversationUpdate', id: 'a1', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9/', from: { id: 'u' }, recipient: { id: 'b' }, conversation: { id: 'c1' } };
    const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(activity) });
    expect(res.status).not.toBe(415);
    expect(res.status).toBeLessThan(300);
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    expect((await fetch(`${bot.url}/api/notifications/run`, { method: 'POST', headers: auth })).status).toBe(200);
    expect((await fetch(`${bot.url}/api/notifications/run`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
  });

  test('nothing the attacks sent is left in the temp folder', () => {
    expect(readdirSync(childTmp)).toEqual(tmpAtStart);
  });
});
