/** Every card action the bot's cards can carry, by feature: the one list the bot, its tests and docs read. */
import { BASELINE_ACTIONS } from './baseline';
import type { ActionDeclaration } from './declare';
import { EXCEPTION_ACTIONS } from './exceptions';
import { LAB_ACTIONS } from './lab';
import { QNA_ACTIONS } from './qna';
import { RESET_ACTIONS } from './reset';
import { SCAN_ACTIONS } from './scan';
import { WATCH_ACTIONS } from './watch';
import { WELCOME_ACTIONS } from './welcome';
import { WORKSHOP_ACTIONS } from './workshop';

export const CARD_ACTIONS = {
  scan: SCAN_ACTIONS,
  qna: QNA_ACTIONS,
  workshop: WORKSHOP_ACTIONS,
  baseline: BASELINE_ACTIONS,
  lab: LAB_ACTIONS,
  watch: WATCH_ACTIONS,
  welcome: WELCOME_ACTIONS,
  reset: RESET_ACTIONS,
  exceptions: EXCEPTION_ACTIONS,
} as const satisfies Readonly<Record<string, ActionDeclaration>>;

export type ActionFeature = keyof typeof CARD_ACTIONS;

/** Every declared verb, by feature name. */
export function declaredVerbs(): ReadonlyMap<string, readonly string[]> {
  return new Map(Object.entries(CARD_ACTIONS).map(([feature, verbs]) => [feature, Object.values(verbs)]));
}
