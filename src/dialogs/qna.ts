/**
 * The Q&A feature: answers messages the router classified as `question` with an answer card (or the "not sure"
 * card with suggestions), and `none` with a short polite answer listing the topics. `qna.question` actions answer
 * one question by id.
 */
import type { KnowledgeContent } from '../knowledge/content-types';
import { findEntry } from '../knowledge/content';
import { offTopicMarkdown } from '../knowledge/answer-text';
import type { Router } from '../knowledge/router';
import { dispatchAction, unknownButton, type ActionHandlers } from './action-handlers';
import type { Feature, TurnIntentHandlers } from './feature';
import type { TurnPort } from './port';
import { buildAnswerCard, buildCheckExplainerCard, buildNotSureCard, type CheckCatalog } from './qna-cards';
import { QNA_ACTIONS } from '../routing/actions/qna';

export interface QnaDependencies {
  readonly content: KnowledgeContent;
  readonly router: Router;
  /** The related checks' titles and MCSB controls on answer cards (the registry's checkById). */
  readonly checks: CheckCatalog;
}

export function createQnaFeature({ content, checks }: QnaDependencies): Feature & { readonly intents: Pick<TurnIntentHandlers, 'question' | 'not-sure' | 'none'> } {
  async function answer(port: TurnPort, id: string): Promise<boolean> {
    const entry = findEntry(content, id);
    if (entry !== undefined) {
      await port.sendCard(buildAnswerCard(entry, checks), entry.title);
      return true;
    }
    const explainer = content.checks.get(id);
    if (explainer !== undefined) {
      await port.sendCard(buildCheckExplainerCard(explainer, checks), explainer.title);
      return true;
    }
    return false;
  }

  const actions: ActionHandlers<typeof QNA_ACTIONS> = {
    [QNA_ACTIONS.question]: async (port, action) => {
      const id = action.data['questionId'];
      if (typeof id !== 'string' || !(await answer(port, id))) return { kind: 'text', text: "I don't know that topic. Type `help` to see what I can answer." };
      return { kind: 'handled' };
    },
  };

  return {
    name: 'qna',
    intents: {
      question: async ({ questionId, answer: text }, { port }) => {
        if (!(await answer(port, questionId))) await port.sendText(orOffTopic(text));
      },
      // Not sure: the router names no answer, only the closest ones.
      'not-sure': async ({ suggestions, answer: text }, { port }) => {
        if (suggestions.length > 0) await port.sendCard(buildNotSureCard(suggestions), "I'm not sure I understood");
        else await port.sendText(orOffTopic(text));
      },
      none: ({ answer: text }, { port }) => port.sendText(orOffTopic(text)),
    },
    onAction: dispatchAction(actions, unknownButton),
  };
}

/** The router's own answer, or the honest "outside what I cover" when it gave none. */
function orOffTopic(answer: string): string {
  return answer !== '' ? answer : offTopicMarkdown();
}
