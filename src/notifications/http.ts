/**
 * POST /api/notifications/run: runs a notification pass now, for an Azure Functions timer or a Logic App.
 * Guarded by `Authorization: Bearer <GUARDIAN_ADMIN_TOKEN>`; with no token configured the route does not exist.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logging';
import type { NotificationService } from './service';

export const NOTIFICATIONS_RUN_PATH = '/api/notifications/run';

export interface NotificationRouteOptions {
  readonly adminToken: string;
  readonly service: Pick<NotificationService, 'runPass'>;
  readonly logger?: Logger;
}

/** Constant-time: both sides are hashed to equal length first, so neither length nor content leaks by timing. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const presented = createHash('sha256').update(match?.[1] ?? '').digest();
  const expected = createHash('sha256').update(token).digest();
  return match !== null && token !== '' && timingSafeEqual(presented, expected);
}

/** Returns whether the route was registered (false when no admin token is configured). */
export function registerNotificationRoutes(server: Server, options: NotificationRouteOptions): boolean {
  if (options.adminToken === '') return false;
  server.post(NOTIFICATIONS_RUN_PATH, async (req: Request, res: Response) => {
    if (!bearerMatches(req.header('authorization'), options.adminToken)) {
      res.header('WWW-Authenticate', 'Bearer');
      res.send(401, { error: 'unauthorized' });
      return;
    }
    try {
      const summary = await options.service.runPass();
      res.send(200, summary);
    } catch (e) {
      // The caller learns only that the pass failed; the details go to the log.
      options.logger?.error({ err: e }, 'notification pass (admin route) failed');
      res.send(500, { error: 'notification pass failed' });
    }
  });
  return true;
}
