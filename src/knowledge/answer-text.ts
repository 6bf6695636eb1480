/** The Markdown texts the router puts in `RouteResult.answer`: an entry's answer, the "not sure" text, the off-topic reply. */
import { CATEGORIES, CATEGORY_TITLES } from '../checks/types';
import type { Explainer, KnowledgeEntry } from './content-types';

/**
 * An answer as Markdown text (the CLI's `ask`). With `checkTitle` (e.g. the check explainers' titles) the related
 * checks are named by title, not by bare id.
 */
export function entryAnswerMarkdown(entry: KnowledgeEntry, checkTitle?: (id: string) => string | undefined): string {
  const links = entry.learn.map((link) => `- ${link.title}: ${link.url}`).join('\n');
  const named = entry.checks.map((id) => {
    const title = checkTitle?.(id);
    return title === undefined ? id : `${title} (${id})`;
  });
  const checks = entry.checks.length > 0 ? `\n\nWhat to check in your workspace: ${named.join('; ')}` : '';
  return `**${entry.title}**\n\n${entry.body}\n\nLearn more:\n${links}${checks}`;
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
