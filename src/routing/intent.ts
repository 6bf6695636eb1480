/**
 * What a message means, as one discriminated union: the routing layer's output. The knowledge router's flat
 * `RouteResult` is parsed here, once, at the edge: a command name the table does not declare, a question without an
 * id or a check without a kind cannot get past `intentOf`.
 */
import type { CheckKind } from '../knowledge/check-kind';
import type { RouteResult } from '../knowledge/route-result';
import { isCommandName, type CommandName } from '../knowledge/commands/table';

/** The commands are declared once, in the command table (name + matcher); their names are read from it. */
export { COMMAND_NAMES, type CommandName } from '../knowledge/commands/table';

export interface Suggestion {
  readonly id: string;
  readonly title: string;
}

export type Intent =
  /** A bot command; `args` is the rest of the message, `target` the workspace or scope it names (watch, link…). */
  | { readonly kind: 'command'; readonly command: CommandName; readonly args: string; readonly target?: string }
  /** Run checks on a live resource; no target: the bot asks which workspace. */
  /** `checkIds`: only those checks; `unknownArea`: the word that named no area, answered instead of a scan. */
  | { readonly kind: 'check'; readonly check: CheckKind; readonly target?: string; readonly checkIds?: readonly string[]; readonly unknownArea?: string }
  /** A baseline question answered with one entry (workshop answer, topic or check explainer). */
  | { readonly kind: 'question'; readonly questionId: string; readonly answer: string; readonly confidence: number }
  /** A baseline question the bot is not sure about: the closest entries, never a guessed answer. */
  | { readonly kind: 'not-sure'; readonly suggestions: readonly Suggestion[]; readonly answer: string; readonly confidence: number }
  /** Outside what the bot covers: the honest reply, with what it can do. */
  | { readonly kind: 'none'; readonly answer: string };

export type IntentKind = Intent['kind'];

/** A request to run checks on a live resource. */
export type CheckIntent = Extract<Intent, { kind: 'check' }>;

/** The intent of a routed message. Anything malformed is `none`, with the router's own answer when it had one. */
export function intentOf(route: RouteResult): Intent {
  switch (route.intent) {
    case 'command':
      return isCommandName(route.command)
        ? { kind: 'command', command: route.command, args: route.args ?? '', ...(route.target !== undefined ? { target: route.target } : {}) }
        : { kind: 'none', answer: route.answer ?? '' };
    case 'check':
      return {
        kind: 'check',
        check: route.check ?? 'all',
        ...(route.target !== undefined ? { target: route.target } : {}),
        ...(route.checkIds !== undefined && route.checkIds.length > 0 ? { checkIds: route.checkIds } : {}),
        ...(route.unknownArea !== undefined ? { unknownArea: route.unknownArea } : {}),
      };
    case 'question':
      if (route.questionId !== undefined) return { kind: 'question', questionId: route.questionId, answer: route.answer ?? '', confidence: route.confidence };
      return { kind: 'not-sure', suggestions: route.suggestions ?? [], answer: route.answer ?? '', confidence: route.confidence };
    case 'none':
      return { kind: 'none', answer: route.answer ?? '' };
  }
}
