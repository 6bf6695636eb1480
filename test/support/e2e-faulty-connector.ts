/**
 * A fault-injecting proxy in front of the fake Bot Connector: it forwards every call unless a rule says this
 * conversation's next sends fail (403 MessageWritesBlocked, 429 with Retry-After…). The bot is pointed at the
 * proxy through the activities' serviceUrl, so what it saves as the conversation reference is the proxy too.
 * Every attempt is logged, answered by the proxy or not.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LocalConnector } from './fake-connector';

export type ConnectorCall = 'send' | 'reply' | 'update' | 'delete' | 'other';

export interface ConnectorFault {
  readonly conversationId: string;
  /** Which calls fail (default: every write into the conversation). */
  readonly call?: ConnectorCall | 'any';
  readonly status: number;
  readonly code: string;
  /** Seconds, as the Retry-After header. */
  readonly retryAfter?: number;
  /** How many calls fail; every one when absent. */
  readonly times?: number;
}

export interface ConnectorAttempt {
  readonly conversationId: string;
  readonly call: ConnectorCall;
  /** The status the bot got back. */
  readonly status: number;
  readonly injected: boolean;
}

export class FaultyConnector {
  readonly attempts: ConnectorAttempt[] = [];
  private faults: { fault: ConnectorFault; remaining: number }[] = [];

  private constructor(
    private readonly server: http.Server,
    readonly serviceUrl: string,
  ) {}

  static async start(target: LocalConnector): Promise<FaultyConnector> {
    const targetUrl = new URL(target.serviceUrl);
    const holder: { proxy?: FaultyConnector } = {};
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => holder.proxy?.handle(req, res, Buffer.concat(chunks), targetUrl));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    holder.proxy = new FaultyConnector(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return holder.proxy;
  }

  inject(fault: ConnectorFault): void {
    this.faults.push({ fault, remaining: fault.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.faults = [];
  }

  /** Attempts to post into the conversation (new messages and replies). */
  attemptsIn(conversationId: string): ConnectorAttempt[] {
    return this.attempts.filter((a) => a.conversationId === conversationId && (a.call === 'send' || a.call === 'reply'));
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer, target: URL): void {
    const parts = new URL(req.url ?? '/', 'http://proxy.local').pathname.split('/').filter((p) => p !== '').map((p) => decodeURIComponent(p));
    const conversationId = parts[1] === 'conversations' ? (parts[2] ?? '') : '';
    const call = callOf(req.method ?? 'GET', parts);
    const hit = this.faults.find((f) => f.remaining > 0 && f.fault.conversationId === conversationId && [call, 'any'].includes(f.fault.call ?? 'any'));
    if (hit !== undefined) {
      hit.remaining -= 1;
      const { status, code, retryAfter } = hit.fault;
      this.attempts.push({ conversationId, call, status, injected: true });
      const text = JSON.stringify({ error: { code, message: `injected by the test: ${code}` } });
      res.writeHead(status, { 'content-type': 'application/json', ...(retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {}) });
      res.end(text);
      return;
    }
    const forward = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (answer) => {
        this.attempts.push({ conversationId, call, status: answer.statusCode ?? 0, injected: false });
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end();
    });
    forward.end(body);
  }
}

function callOf(method: string, parts: readonly string[]): ConnectorCall {
  if (parts[3] !== 'activities') return 'other';
  const withId = parts[4] !== undefined;
  if (method === 'POST') return withId ? 'reply' : 'send';
  if (method === 'PUT' && withId) return 'update';
  if (method === 'DELETE' && withId) return 'delete';
  return 'other';
}
