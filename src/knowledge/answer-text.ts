/** The Markdown texts the router puts in `RouteResult.answer`: an entry's answer, the "not sure" text, the off-topic reply. */
import { CATEGORIES, CATEGORY_TITLES } from '../checks/types';
import type { Explainer, KnowledgeEntry } from './content-types';
import { creationTimeNotes } from './creation-time';

/** How answers name a related check: its title and MCSB controls from the check catalog (as the answer card does). */
export type RelatedCheckInfo = (id: string) => { readonly title: string; readonly mcsb: readonly string[] } | undefined;

/** An answer as Markdown text (the CLI's `ask`), ending with the checks it relates to. */
export function entryAnswerMarkdown(entry: KnowledgeEntry, describeCheck?: RelatedCheckInfo): string {
  const links = entry.learn.map((link) => `- ${link.title}: ${link.url}`).join('\n');
  const checks = entry.checks.length > 0 ? `\n\n${relatedChecksMarkdown(entry.checks, describeCheck)}` : '';
  return `**${entry.title}**\n\n${entry.body}\n\nLearn more:\n${links}${checks}`;
}

/**
 * "What to check in your workspace" as text: each check by title (id in brackets, for `guardian scan`) with its
 * MCSB controls, then the settings that must be decided when the workspace is created. Without `describeCheck`
 * (or for an id the catalog lacks) a check is named by its id.
 */
export function relatedChecksMarkdown(checkIds: readonly string[], describeCheck?: RelatedCheckInfo): string {
  const lines = checkIds.map((id) => {
    const check = describeCheck?.(id);
    return check === undefined ? `- ${id}` : `- ${check.title} (${id}) — MCSB ${check.mcsb.join(', ')}`;
  });
  const notes = creationTimeNotes(checkIds).map((note) => `Decide at creation: ${note}`);
  return ['What to check in your workspace:', ...lines, ...notes].join('\n');
}

export function checkExplainerMarkdown(explainer: Explainer): string {
  return `**${explainer.id} — ${explainer.title}**\n\n${explainer.body}`;
}

export function notSureMarkdown(suggestions: readonly { readonly title: string }[]): string {
  const list = suggestions.map((s) => `- ${s.title}`).join('\n');
  return `I'm not sure I understood. Did you mean one of these?\n${list}`;
}

export const TOPICS_LIST = CATEGORIES.map((c) => `- ${CATEGORY_TITLES[c]}`).join('\n');

/**
 * The reply to a message outside the baseline. `subject` names what was declined when the router recognised it
 * ("Prices, costs and quotas"), so the user hears an honest "not mine" rather than a vague apology.
 */
export function offTopicMarkdown(subject?: string): string {
  const opening =
    subject === undefined
      ? 'Sorry, I can only help with the security baseline of Azure Machine Learning.'
      : `That is outside what I cover (${subject.toLowerCase()}): I only help with the security baseline of Azure Machine Learning.`;
  return (
    `${opening} You can ask me about:\n` +
    `${TOPICS_LIST}\n\n` +
    'I can also check a live workspace (`scan sample`, `scan <workspace>`, `check rbac on <workspace>`), run the workshop (`start workshop`) or the lab (`start lab`). Say `help` for everything.'
  );
}
