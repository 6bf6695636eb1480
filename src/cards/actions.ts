/**
 * The verbs of the cards this folder builds, and the data each action carries. Action.Execute carries `data`;
 * its Action.Submit fallback carries the same data plus `verb`, which is how the bot routes a submit.
 * Everything in action data comes back from the client untrusted: the scan feature re-validates it.
 */
import type { ReportScope } from '../report/wording';

export type ActionData = Readonly<Record<string, string | number | boolean | readonly string[]>>;

/** The pair a template needs for one button: `data` for Action.Execute and `submit` for its fallback. */
export interface ActionPayload {
  readonly data: ActionData;
  readonly submit: ActionData;
}

export function actionPayload(verb: string, data: ActionData): ActionPayload {
  return { data, submit: { ...data, verb } };
}

/**
 * `{ subject }` when the finding has one, else nothing: spread into the data of an action that names a finding
 * (scan.recheck, scan.detail) next to checkId and resourceId, so that the scan feature finds the one finding the
 * card is about among several of one check on one resource (checks/identity.ts isSameFinding).
 */
export function findingSubject(finding: { readonly subject?: string }): { readonly subject?: string } {
  return finding.subject === undefined ? {} : { subject: finding.subject };
}

/**
 * What a partial scan covered, in the data of its summary's actions (`check`: an area or category; `checkIds`:
 * chosen checks), so that Re-scan and Back to summary keep to the same part. Nothing for a full scan.
 */
export function scopeData(scope: ReportScope | undefined): { readonly check?: string; readonly checkIds?: readonly string[] } {
  switch (scope?.kind) {
    case 'area':
      return { check: scope.area };
    case 'category':
      return { check: scope.category };
    case 'checks':
      return { checkIds: scope.checkIds };
    case 'all':
    case undefined:
      return {};
  }
}

/** One button as the bot's cards carry it: Action.Execute, with an Action.Submit fallback for older clients. */
export function executeButton(title: string, verb: string, data: ActionData = {}): Readonly<Record<string, unknown>> {
  const payload = actionPayload(verb, data);
  return { type: 'Action.Execute', title, verb, data: payload.data, fallback: { type: 'Action.Submit', title, data: payload.submit } };
}
