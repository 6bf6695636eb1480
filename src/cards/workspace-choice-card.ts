/**
 * "Which workspace?": the workspaces the bot can see (or the candidates of an ambiguous name) as a choice,
 * plus the sample environment, and a Scan button (verb scan.run; the choice arrives as `target`).
 */
import type { AdaptiveCard } from './card';
import { ACTION_TITLES } from '../report/wording';
import { actionPayload } from './actions';
import { markdownText, plainText } from './escape';
import { expandCard } from './template';
import template from './templates/workspace-choice.json';
import { SCAN_ACTIONS } from '../routing/actions/scan';

export interface WorkspaceChoice {
  readonly id: string;
  readonly name: string;
  readonly resourceGroup: string;
  readonly subscriptionId: string;
}

export interface WorkspaceChoiceView {
  readonly title: string;
  readonly prompt: string;
  readonly workspaces: readonly WorkspaceChoice[];
  readonly includeSample: boolean;
  /** What to check once chosen: 'all', an area or a category (passed back in the action data). */
  readonly check: string;
  /** Exactly these checks once chosen (a related-checks button on an answer card); overrides `check`. */
  readonly checkIds?: readonly string[];
}

/** A ChoiceSet this long is still usable on a phone; more would be a search, not a list. */
export const MAX_WORKSPACE_CHOICES = 50;

export function workspaceChoiceCard(view: WorkspaceChoiceView): AdaptiveCard {
  const choices = view.workspaces.slice(0, MAX_WORKSPACE_CHOICES).map((w) => ({
    title: plainText(`${w.name} (${w.resourceGroup}, subscription ${w.subscriptionId.slice(0, 8)}…)`, 150),
    value: w.id,
  }));
  if (view.includeSample) choices.push({ title: plainText(ACTION_TITLES.sample), value: 'sample' });
  const scanTitle = plainText('Scan');
  return expandCard(template, {
    fallbackText: plainText(`${view.title} ${view.prompt}`),
    title: markdownText(view.title),
    prompt: markdownText(view.prompt, 600),
    label: plainText('Workspace'),
    errorMessage: plainText('Choose a workspace to scan.'),
    selected: choices[0]?.value ?? '',
    choices,
    scanTitle,
    run: actionPayload(SCAN_ACTIONS.run, { check: plainText(view.check, 60), ...(view.checkIds !== undefined ? { checkIds: view.checkIds.map((id) => plainText(id, 60)) } : {}) }),
  });
}
