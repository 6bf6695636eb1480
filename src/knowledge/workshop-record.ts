/**
 * What the workshop records, as stored under `workshop/<conversationId>` and read by the baseline document and
 * `guardian baseline --from`. Plain JSON.
 */
import type { Category } from '../checks/types';
import { isRecord } from '../shared/is-record';

export interface ParticipantAnswer {
  readonly userId: string;
  readonly userName?: string;
  readonly text: string;
  readonly covered: readonly string[];
  readonly missed: readonly string[];
  /** ISO time. */
  readonly at: string;
}

export interface WorkshopRecord {
  readonly version: 1;
  readonly conversationId: string;
  readonly status: 'active' | 'paused' | 'done';
  readonly categories: readonly Category[];
  /** The prompts of this session, in order. */
  readonly questionIds: readonly string[];
  /** Index of the current prompt in questionIds (== length when finished). */
  readonly index: number;
  /** Answers per question id, one per participant (latest wins). */
  readonly answers: Readonly<Record<string, readonly ParticipantAnswer[]>>;
  readonly skipped: readonly string[];
  /** Set when "stop workshop" ended the session early: the position (1-based) of the question it was stopped at. */
  readonly stoppedAtQuestion?: number;
  readonly startedBy: string;
  readonly startedAt: string;
  readonly updatedAt: string;
}

/** A loose structural check for records read from files or older state. */
export function isWorkshopRecord(value: unknown): value is WorkshopRecord {
  return isRecord(value) && Array.isArray(value.questionIds) && typeof value.index === 'number' && typeof value.answers === 'object' && value.answers !== null;
}
