/**
 * The HTTP surface: POST /api/messages for the Bot Connector, GET /healthz for probes, the plain-text pages the
 * Teams manifest links to (src/public-pages), and a hook for routes other parts add (the notification trigger). It tracks turns in flight so that a shutdown lets them finish.
 */
import * as restify from 'restify';
import type { Bot } from './bot/app';
import type { Logger } from './logging';
import { readJsonBody } from './http-body';
import { isRecord } from './shared/is-record';
import { listeningAddress } from './shared/listening-address';
import { loadPublicPages } from './public-pages';

/** What a request may cost before anyone is authenticated. */
export interface HttpLimits {
  /** Largest body accepted, counted as it arrives (bodies are never compressed, so this is the decoded size). */
  readonly maxBodyBytes: number;
  /** Time allowed for the request line and headers: a client trickling headers is cut off (408). */
  readonly headersTimeoutMs: number;
  /** Time allowed for the whole request, body included: a client trickling its body is cut off (408). */
  readonly requestTimeoutMs: number;
}

/** Teams messages and card actions are far smaller than 256 KB and arrive in well under a second. */
export const DEFAULT_HTTP_LIMITS: HttpLimits = { maxBodyBytes: 256 * 1024, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000 };

export interface HttpServerOptions {
  readonly handleActivity: Bot['handle'];
  readonly logger: Logger;
  readonly version: string;
  /** Registers more routes (e.g. POST /api/notifications/run) before the server listens. */
  readonly extraRoutes?: (server: restify.Server) => void;
  readonly limits?: Partial<HttpLimits>;
}

export interface HttpServer {
  readonly server: restify.Server;
  /** `address` is where the listener is bound (e.g. 127.0.0.1, or :: for all interfaces). */
  listen(port: number, host?: string): Promise<{ readonly url: string; readonly port: number; readonly address: string }>;
  /** Stops accepting activities, waits up to `graceMs` for turns in flight, then closes the listener. */
  close(graceMs?: number): Promise<void>;
  inFlight(): number;
}

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { logger } = options;
  const startedAt = Date.now();
  const server = restify.createServer({ name: 'baseline-guardian', version: options.version, handleUncaughtExceptions: false });
  const limits: HttpLimits = { ...DEFAULT_HTTP_LIMITS, ...options.limits };
  applyTimeouts(server, limits);
  server.use((req: restify.Request, res: restify.Response, next: restify.Next) => {
    void readJsonBody(req, limits.maxBodyBytes).then((read) => {
      if (read.ok) {
        req.body = read.body;
        next();
        return;
      }
      // The unread rest of a refused body is not worth a connection: close it after the answer.
      res.header('Connection', 'close');
      const { status, error, message } = read.refusal;
      res.send(status, { error, message });
      next(false);
    });
  });

  let inFlight = 0;
  let closing = false;
  let idle: (() => void)[] = [];

  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    if (closing) {
      res.send(503, { error: 'shutting down' });
      return;
    }
    const problem = activityShapeProblem(req.body);
    if (problem !== undefined) {
      // A clear 400 instead of the adapter's 500 with its internal message: say what is wrong, nothing more.
      res.send(400, { error: 'invalid activity', message: problem });
      return;
    }
    inFlight += 1;
    try {
      await options.handleActivity(req, res);
    } finally {
      inFlight -= 1;
      if (inFlight === 0) {
        const waiters = idle;
        idle = [];
        for (const w of waiters) w();
      }
    }
  });

  for (const page of loadPublicPages()) {
    server.get(page.path, (_req: restify.Request, res: restify.Response, next: restify.Next) => {
      res.sendRaw(200, page.text, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
      next();
    });
  }

  server.get('/healthz', (_req: restify.Request, res: restify.Response, next: restify.Next) => {
    // Version and uptime only: nothing about configuration, identities or secrets.
    res.send(closing ? 503 : 200, {
      status: closing ? 'stopping' : 'ok',
      version: options.version,
      uptimeSeconds: Math.floor((Date.now() - startedAt) / 1000),
    });
    next();
  });

  options.extraRoutes?.(server);

  return {
    server,
    inFlight: () => inFlight,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.server.once('error', reject);
        const onListening = (): void => {
          server.server.off('error', reject);
          const address = listeningAddress(server.server);
          const shownHost = host === undefined || host === '0.0.0.0' || host === '::' ? 'localhost' : host;
          resolve({ url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${address.port}`, port: address.port, address: address.address });
        };
        if (host === undefined) server.listen(port, onListening);
        else server.listen(port, host, onListening);
      }),
    close: async (graceMs = 25_000) => {
      closing = true;
      if (inFlight > 0) {
        logger.info({ inFlight }, 'waiting for turns in flight');
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            logger.warn({ inFlight }, 'turns still in flight at shutdown');
            resolve();
          }, graceMs);
          idle.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.server.closeIdleConnections();
      });
    },
  };
}

/** Node's own clocks, checked often enough that a timeout cuts a connection soon after it passes. */
function applyTimeouts(server: restify.Server, limits: HttpLimits): void {
  const http = server.server;
  http.headersTimeout = limits.headersTimeoutMs;
  http.requestTimeout = limits.requestTimeoutMs;
  // Read when the server starts listening (Node 20): set before listen().
  Object.assign(http, { connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.headersTimeoutMs / 2))) });
}

/** The minimum a Bot Framework activity has: an object with a short string `type`. */
export function activityShapeProblem(body: unknown): string | undefined {
  if (!isRecord(body)) return 'The request body must be a JSON Bot Framework activity.';
  const { type } = body;
  if (typeof type !== 'string' || type.length === 0 || type.length > 64) return 'The activity has no valid "type".';
  return undefined;
}
