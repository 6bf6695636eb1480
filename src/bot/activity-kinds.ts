/** Which kind of card action an activity is, by the shapes Teams sends. */
import { ActivityTypes, type Activity } from 'botbuilder';
import { isRecord } from '../shared/is-record';

export const ACTION_INVOKE_NAME = 'adaptiveCard/action';

/** An Action.Execute click: an `adaptiveCard/action` invoke whose action type is Action.Execute. */
export function isExecuteInvoke(activity: Partial<Activity>): boolean {
  if (activity.type !== ActivityTypes.Invoke || activity.name !== ACTION_INVOKE_NAME) return false;
  const value: unknown = activity.value;
  return isRecord(value) && isRecord(value.action) && value.action.type === 'Action.Execute';
}

/** An Action.Submit click: a message with an object value and no text (an imBack carries text instead). */
export function isSubmitMessage(activity: Partial<Activity>): boolean {
  if (activity.type !== ActivityTypes.Message) return false;
  const text = typeof activity.text === 'string' ? activity.text.trim() : '';
  return text === '' && typeof activity.value === 'object' && activity.value !== null;
}
