/**
 * A local stand-in for the Bot Connector service: the REST endpoints the bot calls to reply, send, update and
 * delete activities, on loopback. `guardian chat` uses it to show the bot's replies in a terminal, and the tests
 * use it to record them. It is the Emulator protocol: no token on either side, so only for a bot in local mode.
 */
import * as http from 'node:http';
import type { Activity } from 'botbuilder';
import { listeningAddress } from '../shared/listening-address';

export type ConnectorOperation = 'send' | 'reply' | 'update' | 'delete' | 'createConversation';

export interface ConnectorRecord {
  readonly operation: ConnectorOperation;
  readonly conversationId: string;
  /** The id the connector gave the activity (for update/delete: the id named in the path). */
  readonly id: string;
  /** For reply: the activity replied to. */
  readonly replyToId?: string;
  readonly activity: Partial<Activity>;
  /** Whether the bot sent an Authorization header (it must not leak tokens to an unknown service). */
  readonly hadAuthorization: boolean;
}

export type ConnectorListener = (record: ConnectorRecord) => void;

const MAX_BODY_BYTES = 1024 * 1024;

export class LocalConnector {
  readonly records: ConnectorRecord[] = [];
  private readonly listeners = new Set<ConnectorListener>();
  private nextId = 1;

  private constructor(
    private readonly server: http.Server,
    readonly serviceUrl: string,
  ) {}

  static async start(host = '127.0.0.1'): Promise<LocalConnector> {
    // The server exists before the connector that handles its requests; requests wait for neither.
    const holder: { connector?: LocalConnector } = {};
    const server = http.createServer((req, res) => {
      if (holder.connector === undefined) {
        res.writeHead(503).end();
        return;
      }
      holder.connector.handle(req, res);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, host, () => resolve());
    });
    const { port } = listeningAddress(server);
    holder.connector = new LocalConnector(server, `http://${host}:${port}/`);
    return holder.connector;
  }

  /** Calls `listener` for every later record; returns the function that removes it. */
  onRecord(listener: ConnectorListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves with the first record (already received or later) that matches. */
  waitFor(predicate: (r: ConnectorRecord) => boolean, timeoutMs = 15_000, since = 0): Promise<ConnectorRecord> {
    const seen = this.records.slice(since).find(predicate);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`LocalConnector: no matching activity within ${timeoutMs} ms`));
      }, timeoutMs);
      const off = this.onRecord((r) => {
        if (!predicate(r)) return;
        clearTimeout(timer);
        off();
        resolve(r);
      });
    });
  }

  close(): Promise<void> {
    this.listeners.clear();
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return json(res, 413, { error: { code: 'MessageSizeTooBig' } });
      let body: unknown = {};
      const text = Buffer.concat(chunks).toString('utf8');
      if (text !== '') {
        try {
          body = JSON.parse(text);
        } catch {
          return json(res, 400, { error: { code: 'BadSyntax' } });
        }
      }
      this.route(req, res, body);
    });
  }

  private route(req: http.IncomingMessage, res: http.ServerResponse, body: unknown): void {
    const url = new URL(req.url ?? '/', 'http://connector.local');
    const parts = url.pathname.split('/').filter((p) => p !== '').map((p) => decodeURIComponent(p));
    const hadAuthorization = typeof req.headers.authorization === 'string';
    const activity = (typeof body === 'object' && body !== null ? body : {}) as Partial<Activity>;
    const method = req.method ?? 'GET';
    if (parts[0] !== 'v3' || parts[1] !== 'conversations') return json(res, 404, { error: { code: 'NotFound' } });
    const conversationId = parts[2];
    const activityId = parts[4];

    if (conversationId === undefined) {
      if (method !== 'POST') return json(res, 405, {});
      const id = `local-conversation-${this.nextId++}`;
      this.record({ operation: 'createConversation', conversationId: id, id, activity, hadAuthorization });
      return json(res, 200, { id, activityId: this.newId() });
    }
    if (parts[3] === 'members' || parts[3] === 'pagedmembers') {
      return json(res, 200, parts[3] === 'members' ? [] : { members: [] });
    }
    if (parts[3] !== 'activities') return json(res, 404, { error: { code: 'NotFound' } });

    if (method === 'POST' && activityId === undefined) {
      const id = this.newId();
      this.record({ operation: 'send', conversationId, id, activity, hadAuthorization });
      return json(res, 200, { id });
    }
    if (method === 'POST' && activityId !== undefined) {
      const id = this.newId();
      this.record({ operation: 'reply', conversationId, id, replyToId: activityId, activity, hadAuthorization });
      return json(res, 200, { id });
    }
    if (method === 'PUT' && activityId !== undefined) {
      this.record({ operation: 'update', conversationId, id: activityId, activity, hadAuthorization });
      return json(res, 200, { id: activityId });
    }
    if (method === 'DELETE' && activityId !== undefined) {
      this.record({ operation: 'delete', conversationId, id: activityId, activity, hadAuthorization });
      return json(res, 200, {});
    }
    return json(res, 405, {});
  }

  private newId(): string {
    return `local-activity-${this.nextId++}`;
  }

  private record(record: ConnectorRecord): void {
    this.records.push(record);
    for (const listener of [...this.listeners]) listener(record);
  }
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
