/**
 * The workshop dialog: "start workshop" (choose categories or all), then each scenario prompt in turn; the
 * participant answers in their own words and gets the reference answer with the key points covered and missed.
 * Skip, next, back, repeat, pause, continue, status and stop; progress is kept in the store per conversation —
 * a personal chat is one participant, a channel or group chat a facilitated session where several people answer
 * (each answer recorded per user) and the facilitator moves on with Next.
 *
 * While a prompt is pending (the workshop is active, not paused) free text is the answer; commands and buttons run
 * first (turn-precedence.ts, the one rule). Starting the lab pauses the workshop, and says so, so that the lab's
 * own inputs are not graded as answers.
 */
import { plural } from '../report/wording';
import { CATEGORIES, CATEGORY_TITLES, type Category } from '../checks/types';
import type { KnowledgeContent } from '../knowledge/content-types';
import { gradeAnswer } from '../knowledge/key-points';
import type { ParticipantAnswer, WorkshopRecord } from '../knowledge/workshop-record';
import type { GuardianStore } from '../storage/store';
import { dispatchAction, unknownButton, type ActionHandler, type ActionHandlers } from './action-handlers';
import type { Feature, IncomingMessage, TurnCommandHandlers } from './feature';
import type { TurnPort } from './port';
import type { CheckCatalog } from './qna-cards';
import { buildChooseCategoriesCard, buildFeedbackCard, buildFinishedCard, buildQuestionCard } from './workshop-cards';
import { kindOf } from './turn-precedence';
import { readSession, updateSession, workshopKey } from './workshop-session';
import { WORKSHOP_ACTIONS } from '../routing/actions/workshop';

export interface WorkshopDependencies {
  readonly content: KnowledgeContent;
  readonly store: GuardianStore;
  /** The check catalog: feedback names the answer's related checks as the answer card does. */
  readonly checks: CheckCatalog;
  readonly now?: () => Date;
}

const ACTION_LIST = ['start', 'continue', 'skip', 'next', 'back', 'repeat', 'pause', 'stop', 'status'] as const;
type Action = (typeof ACTION_LIST)[number];
const ACTIONS: ReadonlySet<string> = new Set<string>(ACTION_LIST);

function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

/** Category slugs from a ChoiceSet value ("a,b"), an array, or command args. */
export function parseCategories(value: unknown): Category[] {
  const raw = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  const wanted = new Set(raw.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter(isCategory));
  return CATEGORIES.filter((c) => wanted.has(c));
}

function answeredCount(session: WorkshopRecord): number {
  return session.questionIds.filter((id) => (session.answers[id]?.length ?? 0) > 0).length;
}

export interface WorkshopFeature extends Feature {
  readonly commands: Pick<TurnCommandHandlers, 'workshop'>;
  /** When a workshop question waits for an answer: pause the workshop, visibly, before another guided activity runs. */
  pauseForAnotherActivity(port: TurnPort): Promise<void>;
}

export function createWorkshopFeature({ content, store, checks, now = () => new Date() }: WorkshopDependencies): WorkshopFeature {
  const stamp = (): string => now().toISOString();
  const facilitated = (port: TurnPort): boolean => port.conversation.conversationType !== 'personal';

  async function ask(port: TurnPort, session: WorkshopRecord): Promise<void> {
    const id = session.questionIds[session.index];
    const question = content.questions.find((q) => q.id === id);
    if (question === undefined) {
      await finish(port);
      return;
    }
    await port.sendCard(
      buildQuestionCard({ question, position: session.index + 1, total: session.questionIds.length, facilitated: facilitated(port) }),
      `Question ${session.index + 1} of ${session.questionIds.length}: ${question.question}`,
    );
  }

  async function finish(port: TurnPort): Promise<void> {
    const done = await updateSession(store, port.conversation.conversationId, (s) =>
      s === undefined ? undefined : { ...s, status: 'done', index: s.questionIds.length, updatedAt: stamp() },
    );
    if (done !== undefined) await port.sendCard(buildFinishedCard(answeredCount(done), done.questionIds.length), 'Workshop complete');
  }

  /** Moves the current prompt by `delta` (skip/next: +1, back: -1) and asks it, or finishes. */
  async function move(port: TurnPort, delta: number, markSkipped: boolean): Promise<void> {
    const session = await updateSession(store, port.conversation.conversationId, (s) => {
      if (s === undefined || s.status === 'done') return undefined;
      const current = s.questionIds[s.index];
      const skipped = markSkipped && current !== undefined && (s.answers[current]?.length ?? 0) === 0 && !s.skipped.includes(current) ? [...s.skipped, current] : s.skipped;
      const index = Math.min(s.questionIds.length, Math.max(0, s.index + delta));
      return { ...s, status: 'active', index, skipped, updatedAt: stamp() };
    });
    if (session === undefined || session.status === 'done') {
      await port.sendText(noWorkshopText(session));
      return;
    }
    if (session.index >= session.questionIds.length) await finish(port);
    else await ask(port, session);
  }

  function noWorkshopText(session: WorkshopRecord | undefined): string {
    return session?.status === 'done'
      ? 'The workshop is complete. Say **my baseline** to see the result, or **start workshop** to run it again.'
      : 'There is no workshop in progress here. Say **start workshop** to begin.';
  }

  async function start(port: TurnPort, categories: readonly Category[]): Promise<void> {
    const existing = await readSession(store, port.conversation.conversationId);
    if (existing !== undefined && existing.status !== 'done') {
      await updateSession(store, port.conversation.conversationId, (s) => (s === undefined ? undefined : { ...s, status: 'active', updatedAt: stamp() }));
      await port.sendText(
        `Resuming the workshop in progress (question ${Math.min(existing.index + 1, existing.questionIds.length)} of ${existing.questionIds.length}). Say **stop workshop** first to start a new one.`,
      );
      await ask(port, existing);
      return;
    }
    if (categories.length === 0) {
      await port.sendCard(buildChooseCategoriesCard(), 'Choose the workshop categories');
      return;
    }
    const questionIds = content.questions.filter((q) => categories.includes(q.category)).map((q) => q.id);
    const session: WorkshopRecord = {
      version: 1,
      conversationId: port.conversation.conversationId,
      status: 'active',
      categories: [...categories],
      questionIds,
      index: 0,
      answers: {},
      skipped: [],
      startedBy: port.conversation.userId,
      startedAt: stamp(),
      updatedAt: stamp(),
    };
    await store.put(workshopKey(port.conversation.conversationId), session);
    const names = categories.length === CATEGORIES.length ? 'all 8 categories' : categories.map((c) => CATEGORY_TITLES[c]).join(', ');
    await port.sendText(`Starting the workshop: ${plural(questionIds.length, 'prompt')} (${names}). Say **skip**, **back**, **repeat** or **pause workshop** at any time.`);
    await ask(port, session);
  }

  async function answer(port: TurnPort, text: string): Promise<void> {
    const { userId, userName } = port.conversation;
    const personal = !facilitated(port);
    let feedback: { entryId: string; grade: ReturnType<typeof gradeAnswer> } | undefined;
    const session = await updateSession(store, port.conversation.conversationId, (s) => {
      const id = s?.questionIds[s.index];
      const entry = id !== undefined ? content.answers.get(id) : undefined;
      if (s === undefined || s.status !== 'active' || id === undefined || entry === undefined) return undefined;
      const grade = gradeAnswer(text, entry.keyPoints, entry.keywords);
      feedback = { entryId: id, grade };
      const record: ParticipantAnswer = { userId, ...(userName !== undefined ? { userName } : {}), text: text.slice(0, 4000), covered: grade.covered, missed: grade.missed, at: stamp() };
      const others = (s.answers[id] ?? []).filter((a) => a.userId !== userId);
      return {
        ...s,
        answers: { ...s.answers, [id]: [...others, record] },
        skipped: s.skipped.filter((q) => q !== id),
        index: personal ? s.index + 1 : s.index,
        updatedAt: stamp(),
      };
    });
    const entry = feedback !== undefined ? content.answers.get(feedback.entryId) : undefined;
    if (session === undefined || feedback === undefined || entry === undefined) return;
    await port.sendCard(
      buildFeedbackCard({ entry, answerText: text, userName: personal ? undefined : userName, grade: feedback.grade, offerNext: !personal }, checks),
      `Key points covered: ${feedback.grade.covered.length} of ${feedback.grade.covered.length + feedback.grade.missed.length}`,
    );
    if (personal) {
      if (session.index >= session.questionIds.length) await finish(port);
      else await ask(port, session);
    }
  }

  async function promptPending(port: TurnPort): Promise<boolean> {
    const session = await readSession(store, port.conversation.conversationId);
    return session?.status === 'active' && session.index < session.questionIds.length;
  }

  /** Pauses the session in progress; returns it (undefined when there is none, unchanged when done). */
  function pause(port: TurnPort): Promise<WorkshopRecord | undefined> {
    return updateSession(store, port.conversation.conversationId, (s) => (s === undefined || s.status === 'done' ? undefined : { ...s, status: 'paused', updatedAt: stamp() }));
  }

  async function run(port: TurnPort, action: Action, categories: readonly Category[]): Promise<void> {
    const conversationId = port.conversation.conversationId;
    switch (action) {
      case 'start':
        return start(port, categories);
      case 'skip':
        return move(port, 1, true);
      case 'next':
        return move(port, 1, false);
      case 'back':
        return move(port, -1, false);
      case 'repeat':
      case 'continue': {
        const session = await updateSession(store, conversationId, (s) => (s === undefined || s.status === 'done' ? undefined : { ...s, status: 'active', updatedAt: stamp() }));
        if (session === undefined || session.status === 'done') {
          await port.sendText(noWorkshopText(session));
          return;
        }
        return ask(port, session);
      }
      case 'pause': {
        const session = await pause(port);
        if (session === undefined || session.status === 'done') await port.sendText(noWorkshopText(session));
        else await port.sendText(`Workshop paused at question ${session.index + 1} of ${session.questionIds.length}. Say **continue workshop** to resume, any time.`);
        return;
      }
      case 'stop': {
        const session = await readSession(store, conversationId);
        if (session === undefined || session.status === 'done') await port.sendText(noWorkshopText(session));
        else await finish(port);
        return;
      }
      case 'status': {
        const session = await readSession(store, conversationId);
        if (session === undefined) {
          await port.sendText(noWorkshopText(session));
          return;
        }
        const where = session.status === 'done' ? 'finished' : `${session.status}, at question ${Math.min(session.index + 1, session.questionIds.length)} of ${session.questionIds.length}`;
        await port.sendText(`Workshop ${where}: ${plural(answeredCount(session), 'prompt')} answered, ${session.skipped.length} skipped.`);
        return;
      }
    }
  }

  /** A button that moves the session the way the typed command of the same name does. */
  const step =
    (move: Action): ActionHandler =>
    async (port) => {
      await run(port, move, []);
      return { kind: 'handled' };
    };

  const actions: ActionHandlers<typeof WORKSHOP_ACTIONS> = {
    [WORKSHOP_ACTIONS.start]: async (port, action) => {
      const categories = action.data['all'] === true ? [...CATEGORIES] : parseCategories(action.data['categories']);
      if (categories.length === 0) return { kind: 'text', text: 'Choose at least one category, or press **All categories**.' };
      await run(port, 'start', categories);
      return { kind: 'handled' };
    },
    // Skip names the question it was shown with: a stale card must not skip the one asked now.
    [WORKSHOP_ACTIONS.skip]: async (port, action) => {
      const session = await readSession(store, port.conversation.conversationId);
      const current = session?.questionIds[session.index];
      if (typeof action.data['questionId'] === 'string' && action.data['questionId'] !== current) {
        return { kind: 'text', text: 'That question is no longer the current one.' };
      }
      return step('skip')(port, action);
    },
    [WORKSHOP_ACTIONS.next]: step('next'),
    [WORKSHOP_ACTIONS.back]: step('back'),
    [WORKSHOP_ACTIONS.repeat]: step('repeat'),
    [WORKSHOP_ACTIONS.pause]: step('pause'),
    [WORKSHOP_ACTIONS.continue]: step('continue'),
  };

  return {
    name: 'workshop',
    async onFreeText(port: TurnPort, message: IncomingMessage): Promise<boolean> {
      const text = message.text.trim();
      if (text.length === 0 || kindOf(message) !== 'free-text' || !(await promptPending(port))) return false;
      await answer(port, text);
      return true;
    },
    async pauseForAnotherActivity(port: TurnPort): Promise<void> {
      if (!(await promptPending(port))) return;
      const paused = await pause(port);
      if (paused?.status === 'paused') {
        await port.sendText(`You were in the workshop: I paused it at question ${paused.index + 1} of ${paused.questionIds.length} (say **continue workshop** to come back). Now the lab.`);
      }
    },
    commands: {
      workshop: async ({ args }, { port }) => {
        const [first = 'start', ...rest] = args.trim().split(/\s+/).filter((w) => w.length > 0);
        const action: Action = ACTION_LIST.find((a) => a === first) ?? 'start';
        await run(port, action, parseCategories(ACTIONS.has(first) ? rest : [first, ...rest]));
      },
    },
    onAction: dispatchAction(actions, unknownButton),
  };
}
