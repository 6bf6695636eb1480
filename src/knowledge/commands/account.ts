/** Signing in to Azure and out of it (user-delegated mode; in bot mode the bot explains there is nothing to do). */
import type { CommandMatcher } from './matcher';

export const matchSignIn: CommandMatcher = (t) =>
  /^(please )?(sign ?in|log ?in|signin|login|authenticate|connect my account|(sign|log) me (in|on))( to azure)?( please)?$/.test(t) ? { args: '' } : undefined;

export const matchSignOut: CommandMatcher = (t) =>
  /^(please )?(sign ?out|log ?out|signout|logout|disconnect my account|(sign|log) me out)( of azure)?( please)?$/.test(t) ? { args: '' } : undefined;
