/**
 * A feature's card actions as a map from each declared verb (src/routing/actions) to its handler. The map's type
 * has one required member per verb, so a button declared without a handler — or a handler for a verb no card can
 * carry — is a compile error, not "I do not know that button" at run time.
 */
import type { ActionDeclaration, VerbHandlers, VerbOf } from '../routing/actions/declare';
import type { ActionResult, CardAction } from './feature';
import type { TurnPort } from './port';

export type ActionHandler<R = ActionResult> = (port: TurnPort, action: CardAction) => Promise<R>;

/** One handler per verb of the declaration. */
export type ActionHandlers<D extends ActionDeclaration, R = ActionResult> = VerbHandlers<D, ActionHandler<R>>;

/** The answer to a verb the feature does not declare: a card from an older version of the bot, or a forged one. */
export const UNKNOWN_BUTTON = 'I do not know that button any more; the card may be from an older version of the bot.';

function isDeclared<D extends ActionDeclaration, R>(handlers: ActionHandlers<D, R>, verb: string): verb is VerbOf<D> {
  return Object.prototype.hasOwnProperty.call(handlers, verb);
}

/** The `onAction` of a feature: the handler of the action's verb, else `unknown` (by default UNKNOWN_BUTTON as text). */
export function dispatchAction<D extends ActionDeclaration, R = ActionResult>(
  handlers: ActionHandlers<D, R>,
  unknown: (action: CardAction) => R,
): ActionHandler<R> {
  return (port, action) => (isDeclared(handlers, action.verb) ? handlers[action.verb](port, action) : Promise.resolve(unknown(action)));
}

/** The usual answer for an undeclared verb. */
export function unknownButton(): ActionResult {
  return { kind: 'text', text: UNKNOWN_BUTTON };
}
