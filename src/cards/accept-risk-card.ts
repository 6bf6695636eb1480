/**
 * The cards of accepted risk: the *Accept risk* form a failed finding's button opens (reason, owner, expiry,
 * scope), and the expiry reminder with *Renew* and *Revoke*. Every value from Azure or a user is escaped here.
 */
import type { AdaptiveCard } from './card';
import { actionPayload, type ActionData } from './actions';
import { markdownText, plainText } from './escape';
import { EXCEPTION_ACTIONS } from '../routing/actions/exceptions';

/** The three scopes the form offers; the dialog turns each into a resource id. */
export const ACCEPT_SCOPES = ['resource', 'workspace', 'resource-group'] as const;
export type AcceptScope = (typeof ACCEPT_SCOPES)[number];

export interface AcceptFormView {
  readonly checkId: string;
  readonly title: string;
  readonly resourceId: string;
  readonly workspaceId: string;
  readonly workspaceName: string;
  /** The person accepting: the owner unless they name someone else. */
  readonly defaultOwner: string;
  /** YYYY-MM-DD bounds of the expiry picker: tomorrow and today + the configured maximum. */
  readonly minExpiry: string;
  readonly maxExpiry: string;
  readonly defaultExpiry: string;
  readonly maxDays: number;
}

function execute(title: string, verb: string, data: ActionData, style?: 'positive' | 'destructive'): Record<string, unknown> {
  const payload = actionPayload(verb, data);
  return {
    type: 'Action.Execute',
    title: plainText(title, 40),
    verb,
    data: payload.data,
    ...(style === undefined ? {} : { style }),
    fallback: { type: 'Action.Submit', title: plainText(title, 40), data: payload.submit },
  };
}

function card(fallbackText: string, body: unknown[], actions: unknown[]): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', fallbackText: plainText(fallbackText, 400), body, actions };
}

export function acceptRiskFormCard(view: AcceptFormView): AdaptiveCard {
  const resourceName = view.resourceId.split('/').filter((s) => s !== '').pop() ?? view.resourceId;
  return card(
    `Accept the risk of ${view.checkId} on ${resourceName}`,
    [
      { type: 'TextBlock', text: markdownText(`Accept risk: ${view.checkId}`), style: 'heading', weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: markdownText(view.title, 300), wrap: true, spacing: 'None' },
      {
        type: 'TextBlock',
        text: markdownText(`The finding will show as accepted, not failed, until the expiry day; then it fails again. Everyone here sees who accepted it and why. At most ${view.maxDays} days.`, 400),
        wrap: true,
        isSubtle: true,
        size: 'Small',
      },
      { type: 'Input.Text', id: 'reason', label: 'Reason (why the risk is accepted)', isRequired: true, isMultiline: true, maxLength: 1000, errorMessage: 'Say why the risk is accepted.' },
      { type: 'Input.Text', id: 'owner', label: 'Owner (answers for the risk)', isRequired: true, maxLength: 200, value: plainText(view.defaultOwner, 200), errorMessage: 'Name the owner.' },
      { type: 'Input.Date', id: 'expires', label: 'Expires on', isRequired: true, min: view.minExpiry, max: view.maxExpiry, value: view.defaultExpiry, errorMessage: `Pick a day within ${view.maxDays} days.` },
      {
        type: 'Input.ChoiceSet',
        id: 'scope',
        label: 'Applies to',
        isRequired: true,
        style: 'expanded',
        value: 'resource',
        choices: [
          { title: plainText(`This resource (${resourceName})`, 120), value: 'resource' },
          { title: plainText(`This workspace (${view.workspaceName})`, 120), value: 'workspace' },
          { title: 'Every workspace in the resource group', value: 'resource-group' },
        ],
      },
    ],
    [execute('Accept risk', EXCEPTION_ACTIONS.accept, { checkId: view.checkId, resourceId: view.resourceId, workspaceId: view.workspaceId, workspaceName: plainText(view.workspaceName, 200) }, 'positive')],
  );
}

export interface ReminderView {
  readonly id: string;
  /** The conversation that holds the exception (a reminder in personal chat acts on the channel's record). */
  readonly conversationId: string;
  readonly checkId: string;
  readonly workspaceName: string;
  readonly resource: string;
  readonly owner: string;
  readonly reason: string;
  readonly expires: string;
  readonly daysLeft: number;
  /** The expiry Renew proposes and the picker's bounds. */
  readonly renewDefault: string;
  readonly renewMin: string;
  readonly renewMax: string;
}

export function reminderSentence(view: Pick<ReminderView, 'checkId' | 'workspaceName' | 'expires' | 'daysLeft'>): string {
  const when = view.daysLeft <= 0 ? 'today' : view.daysLeft === 1 ? 'tomorrow' : `in ${view.daysLeft} days`;
  return `The accepted risk ${view.checkId} on ${view.workspaceName} expires ${when} (${view.expires}). Renew it, or let it expire and the finding fails again.`;
}

export function exceptionReminderCard(view: ReminderView): AdaptiveCard {
  const data = { id: view.id, conversationId: view.conversationId };
  return card(
    reminderSentence(view),
    [
      { type: 'TextBlock', text: markdownText('Accepted risk expires soon'), style: 'heading', weight: 'Bolder', size: 'Medium', color: 'warning', wrap: true },
      { type: 'TextBlock', text: markdownText(reminderSentence(view), 400), wrap: true },
      {
        type: 'FactSet',
        facts: [
          { title: 'Check', value: plainText(view.checkId, 60) },
          { title: 'Scope', value: plainText(view.resource, 400) },
          { title: 'Owner', value: plainText(view.owner, 200) },
          { title: 'Reason', value: plainText(view.reason, 600) },
        ],
      },
      { type: 'Input.Date', id: 'expires', label: 'Renew until', min: view.renewMin, max: view.renewMax, value: view.renewDefault },
    ],
    [execute('Renew', EXCEPTION_ACTIONS.renew, data, 'positive'), execute('Revoke', EXCEPTION_ACTIONS.revoke, data, 'destructive')],
  );
}
