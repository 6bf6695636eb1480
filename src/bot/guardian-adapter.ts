/**
 * The Teams adapter with our own request handling around botbuilder's. CloudAdapter.process() console.errors
 * every failure, a multi-line stack for each request without a valid token (unscrubbed, not JSON: a log-flooding
 * lever for anyone who can reach the endpoint), and answers with the error's own message. Here the token check
 * and the turn run the same way (processActivity), but a refusal is one scrubbed warning in our log and every
 * error body is generic.
 */
import type { Activity, Request as BotRequest, Response as BotResponse, TurnContext } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { isLoopbackHost } from '../config';
import { scrubSecrets, type Logger } from '../logging';
import { isRecord } from '../shared/is-record';
import { errorMessage } from '../shared/error-message';

/** Whether botbuilder refused the caller (AuthenticationError carries 401 or 403 as statusCode). */
function isAuthenticationFailure(error: unknown): boolean {
  const status = isRecord(error) ? error.statusCode : undefined;
  return status === 401 || status === 403;
}

function firstLine(error: unknown): string {
  const message = errorMessage(error);
  return scrubSecrets(message.split('\n', 1)[0] ?? '').slice(0, 200);
}

/** What botbuilder itself requires before a turn (its ActivityT schema): an object with a string `type`. */
function isActivity(body: unknown): body is Activity {
  return isRecord(body) && typeof body.type === 'string';
}

/** The timestamps botbuilder turns into Dates before a turn (validateAndFixActivity). */
function withDates(activity: Activity): Activity {
  const fixed: Activity & { rawTimestamp?: string; rawLocalTimestamp?: string; rawExpiration?: string } = { ...activity };
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['localTimestamp', 'rawLocalTimestamp'], ['expiration', 'rawExpiration']] as const) {
    const value: unknown = activity[field];
    if (typeof value === 'string') {
      fixed[raw] = value;
      fixed[field] = new Date(value);
    }
  }
  return fixed;
}

/** Whether `serviceUrl` names a connector on this machine. */
function isLoopbackServiceUrl(serviceUrl: unknown): boolean {
  if (typeof serviceUrl !== 'string') return false;
  try {
    return isLoopbackHost(new URL(serviceUrl).hostname);
  } catch {
    return false;
  }
}

export const LOCAL_SERVICE_URL_SENTENCE = 'In local mode the bot replies only to a connector on this machine: the serviceUrl must be a loopback address.';

export interface RequestHandling {
  readonly logger: Logger;
  /**
   * Local mode: no token proves who posted the activity, so its serviceUrl — where the replies go — must be on
   * this machine; otherwise anyone could make the bot send requests to any host it can reach.
   */
  readonly loopbackServiceUrlOnly: boolean;
}

export class GuardianAdapter extends TeamsAdapter {
  /**
   * One POST /api/messages whose body the server already checked is an activity (an object with a `type`):
   * authenticate, run `logic`, answer with the invoke response if there is one.
   */
  async handleRequest(req: BotRequest, res: BotResponse, logic: (context: TurnContext) => Promise<void>, { logger, loopbackServiceUrlOnly }: RequestHandling): Promise<void> {
    const end = (status: number, body?: unknown): void => {
      res.status(status);
      if (body !== undefined) res.send(body);
      res.end();
    };
    const body: unknown = req.body;
    if (!isActivity(body)) {
      end(400, { error: 'invalid activity' });
      return;
    }
    if (loopbackServiceUrlOnly && !isLoopbackServiceUrl(body.serviceUrl)) {
      logger.warn({ activityType: body.type.slice(0, 64) }, 'refused an activity whose serviceUrl is not on this machine (local mode)');
      end(400, { error: 'invalid activity', message: LOCAL_SERVICE_URL_SENTENCE });
      return;
    }
    const header = req.headers.authorization ?? req.headers.Authorization;
    try {
      const invokeResponse = await this.processActivity(typeof header === 'string' ? header : '', withDates(body), logic);
      end(invokeResponse?.status ?? 200, invokeResponse?.body);
    } catch (error) {
      if (isAuthenticationFailure(error)) {
        logger.warn({ reason: firstLine(error) }, 'refused a request without a valid Bot Framework token');
        end(401, { error: 'unauthorized' });
        return;
      }
      logger.error({ err: { message: firstLine(error) } }, 'could not process an activity');
      end(500, { error: 'internal error' });
    }
  }
}
