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
import type { Feature, IncomingMessage } from './feature';
import type { TurnPort } from './port';
import { buildAnswerCard, buildCheckExplainerCard, buildNotSureCard, type CheckCatalog } from './qna-cards';
import { QNA_ACTIONS } from '../routing/actions/qna';

export interface QnaDependencies {
  readonly content: KnowledgeContent;
  readonly router: Router;
  /** The related checks' titles and MCSB controls on answer cards (the registry's checkById). */
  readonly checks: CheckCatalog;
}

export function createQnaFeature({ content, checks }: QnaDependencies): Feature {
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
    async onMessage(port: TurnPort, message: IncomingMessage): Promise<boolean> {
      const { route } = message;
      if (route.intent === 'none') {
        await port.sendText(route.answer ?? offTopicMarkdown());
        return true;
      }
      if (route.intent !== 'question') return false;
      const suggestions = route.suggestions ?? [];
      // Not sure: the router names no answer, only the closest ones.
      if (route.questionId === undefined && suggestions.length > 0) {
        await port.sendCard(buildNotSureCard(suggestions), "I'm not sure I understood");
        return true;
      }
      if (route.questionId !== undefined && (await answer(port, route.questionId))) return true;
      await port.sendText(route.answer ?? offTopicMarkdown());
      return true;
    },
    onAction: dispatchAction(actions, unknownButton),
  };
}
