/**
 * The smallest useful router: help and greetings are the help command, everything else is not understood.
 * Used when no knowledge router is injected (tests, and until src/knowledge is wired in index.ts).
 */
import type { RouteResult } from '../dialogs/feature';
import type { MessageRouter } from './router';

const HELP_WORDS = /^(help|\?|hi|hello|hey|start|menu|commands|what can you do\??)[.!]?$/i;

export const defaultRouter: MessageRouter = {
  route(text: string): RouteResult {
    const trimmed = text.trim();
    if (trimmed === '' || HELP_WORDS.test(trimmed)) return { intent: 'command', command: 'help', args: '', confidence: 1 };
    return { intent: 'none', confidence: 0 };
  },
};
