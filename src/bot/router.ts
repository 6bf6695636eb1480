/**
 * How the bot learns what a message means. The knowledge router (src/knowledge) implements this; until it is
 * wired in, default-router.ts recognises greetings and help.
 */
import type { RouteResult } from '../dialogs/feature';

export interface MessageRouter {
  route(text: string): RouteResult | Promise<RouteResult>;
}
