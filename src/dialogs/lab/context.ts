/**
 * What every lab handler shares: the content, the learner's progress in the store (`lab/<userId>`), the clock,
 * validation against Azure, and the one way to change progress — load, change, save with the loaded eTag.
 */
import type { LabContent, LabExercise } from '../../knowledge/lab-content';
import { LabProgressConflictError, LabProgressStore, newProgress, type LabProgress } from '../../lab/progress';
import type { LabValidationService } from '../../lab/validation-service';
import type { GuardianStore } from '../../storage/store';
import type { ConversationInfo, TurnPort } from '../port';
import { buildExerciseCard } from './cards';
import { cardReply, textReply, type Reply } from './reply';

export interface LabFeatureOptions {
  readonly content: LabContent;
  readonly store: GuardianStore;
  /**
   * Validation against Azure. The product passes a function: each operation gets a service over a guarded Azure
   * handle for the conversation and user asking (src/security/guarded-azure.ts), so the lab reads nothing the
   * scan guard would refuse and spends the same budgets as a scan.
   */
  readonly validation: LabValidationService | ((conversation: ConversationInfo) => LabValidationService);
  readonly now?: () => Date;
}

/** A change to the learner's progress and what to answer. */
export interface ProgressChange {
  readonly progress: LabProgress;
  readonly reply: Reply;
}

export interface LabContext {
  readonly content: LabContent;
  /** How many exercises the lab has. */
  readonly total: number;
  readonly progressStore: LabProgressStore;
  /** Now, as an ISO timestamp for progress records. */
  readonly now: () => string;
  validationFor(port: TurnPort): LabValidationService;
  exerciseOf(n: number): LabExercise;
  /**
   * Loads the learner's progress (a new one when `create`, else "start the lab first"), applies `change`, saves
   * with the loaded eTag; a concurrent write becomes a polite retry message.
   */
  update(userId: string, change: (p: LabProgress) => Promise<ProgressChange> | ProgressChange, create?: boolean): Promise<Reply>;
  /** The card of the learner's current exercise, with an optional notice above it. */
  showExercise(p: LabProgress, notice?: string): Reply;
}

export function createLabContext(options: LabFeatureOptions): LabContext {
  const { content } = options;
  const total = content.exercises.length;
  const progressStore = new LabProgressStore(options.store, total);
  const clock = options.now ?? (() => new Date());
  const now = (): string => clock().toISOString();

  const exerciseOf = (n: number): LabExercise => {
    const exercise = content.exercise(n);
    if (exercise === undefined) throw new Error(`lab content has no exercise ${n}`);
    return exercise;
  };

  return {
    content,
    total,
    progressStore,
    now,
    exerciseOf,
    validationFor: (port) => (typeof options.validation === 'function' ? options.validation(port.conversation) : options.validation),
    showExercise: (p, notice) => cardReply(buildExerciseCard(content, exerciseOf(p.current), p, notice !== undefined ? { notice } : {})),
    async update(userId, change, create = true) {
      const loaded = await progressStore.load(userId);
      if (loaded.progress === undefined && !create) return textReply('You have not started the lab yet. Type **start lab** to begin.');
      const before = loaded.progress ?? newProgress(now());
      const { progress, reply } = await change(before);
      if (progress !== before || loaded.progress === undefined) {
        try {
          await progressStore.save(userId, progress, loaded.eTag);
        } catch (error) {
          if (error instanceof LabProgressConflictError) return textReply('Your lab progress changed at the same moment (a second click?). Please try again.');
          throw error;
        }
      }
      return reply;
    },
  };
}
