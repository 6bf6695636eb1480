/**
 * A learner's place in the lab, kept per user (`lab/<userId>`) so that it resumes across days and devices.
 * Transitions are pure functions; LabProgressStore reads and writes with eTags so that two quick clicks cannot
 * overwrite each other.
 */
import { ETagConflictError, type GuardianStore } from '../storage/store';
import type { WorkspaceRef } from '../shared/workspace';
import type { LabParameters } from './parameters';
import { isRecord } from '../shared/is-record';
import { item, LAB_VALIDATION_STATUSES, type LabValidationItem, type LabValidationResult, type LabValidationStatus } from './result';

export type ExerciseOutcome = 'done' | 'validated' | 'skipped';

export interface StoredValidation {
  readonly status: LabValidationStatus;
  readonly at: string;
  readonly items: readonly LabValidationItem[];
}

export interface ExerciseRecord {
  readonly outcome?: ExerciseOutcome;
  readonly validation?: StoredValidation;
}

export interface LabProgress {
  readonly version: 1;
  /** 1-based number of the exercise the learner is on. */
  readonly current: number;
  readonly exercises: Readonly<Record<string, ExerciseRecord>>;
  readonly params?: LabParameters;
  /** A text reply the bot asked for and will take from the next message. */
  readonly awaiting?: 'parameters' | 'workspace';
  /** Workspaces offered to choose from after an ambiguous "find". */
  readonly candidates?: readonly WorkspaceRef[];
  readonly startedAt: string;
  readonly updatedAt: string;
}

const MAX_STORED_ITEMS = 20;

export function newProgress(now: string): LabProgress {
  return { version: 1, current: 1, exercises: {}, startedAt: now, updatedAt: now };
}

export function recordOf(progress: LabProgress, exercise: number): ExerciseRecord {
  return progress.exercises[String(exercise)] ?? {};
}

function withRecord(progress: LabProgress, exercise: number, record: ExerciseRecord, now: string): LabProgress {
  return { ...progress, exercises: { ...progress.exercises, [String(exercise)]: record }, updatedAt: now };
}

export function withOutcome(progress: LabProgress, exercise: number, outcome: ExerciseOutcome, now: string): LabProgress {
  return withRecord(progress, exercise, { ...recordOf(progress, exercise), outcome }, now);
}

/** A passing validation completes the exercise; a failing one undoes an earlier "validated". */
export function withValidation(progress: LabProgress, exercise: number, result: LabValidationResult, now: string): LabProgress {
  const before = recordOf(progress, exercise);
  const validation: StoredValidation = { status: result.status, at: now, items: result.items.slice(0, MAX_STORED_ITEMS) };
  let outcome = before.outcome;
  if (result.status === 'passed' || result.status === 'warning') outcome = 'validated';
  else if (result.status === 'failed' && outcome === 'validated') outcome = undefined;
  return withRecord(progress, exercise, { ...(outcome !== undefined ? { outcome } : {}), validation }, now);
}

export function moveTo(progress: LabProgress, exercise: number, now: string): LabProgress {
  return { ...progress, current: exercise, updatedAt: now };
}

export function withParams(progress: LabProgress, params: LabParameters, now: string): LabProgress {
  const { awaiting: _a, candidates: _c, ...rest } = progress;
  return { ...rest, params, updatedAt: now };
}

export function awaiting(progress: LabProgress, what: LabProgress['awaiting'], now: string): LabProgress {
  const { awaiting: _a, ...rest } = progress;
  return what === undefined ? { ...rest, updatedAt: now } : { ...rest, awaiting: what, updatedAt: now };
}

export function withCandidates(progress: LabProgress, candidates: readonly WorkspaceRef[] | undefined, now: string): LabProgress {
  const { candidates: _c, ...rest } = progress;
  return candidates === undefined ? { ...rest, updatedAt: now } : { ...rest, candidates, updatedAt: now };
}

/** Exercises done or validated (skipped ones are not complete). */
export function completedCount(progress: LabProgress, total: number): number {
  let n = 0;
  for (let i = 1; i <= total; i++) {
    const outcome = recordOf(progress, i).outcome;
    if (outcome === 'done' || outcome === 'validated') n++;
  }
  return n;
}

/** Reads stored progress defensively: an old or damaged record yields undefined (the learner starts afresh). */
export function parseProgress(value: unknown, total: number): LabProgress | undefined {
  if (!isRecord(value)) return undefined;
  const { version, current, exercises, startedAt, updatedAt } = value;
  if (version !== 1 || typeof current !== 'number' || !Number.isInteger(current) || current < 1 || current > total) return undefined;
  if (!isRecord(exercises) || typeof startedAt !== 'string' || typeof updatedAt !== 'string') return undefined;
  const records: Record<string, ExerciseRecord> = {};
  for (const [key, record] of Object.entries(exercises)) {
    const n = Number(key);
    if (!Number.isInteger(n) || n < 1 || n > total || !isRecord(record)) continue;
    const outcome = EXERCISE_OUTCOMES.find((o) => o === record.outcome);
    const validation = parseStoredValidation(record.validation);
    records[key] = { ...(outcome !== undefined ? { outcome } : {}), ...(validation !== undefined ? { validation } : {}) };
  }
  const params = parseStoredParameters(value.params);
  const awaiting = AWAITED_REPLIES.find((a) => a === value.awaiting);
  const candidates = Array.isArray(value.candidates) ? value.candidates.flatMap((c) => parseWorkspaceRef(c) ?? []) : undefined;
  return {
    version: 1,
    current,
    exercises: records,
    ...(params !== undefined ? { params } : {}),
    ...(awaiting !== undefined ? { awaiting } : {}),
    ...(candidates !== undefined ? { candidates } : {}),
    startedAt,
    updatedAt,
  };
}

const EXERCISE_OUTCOMES: readonly ExerciseOutcome[] = ['done', 'validated', 'skipped'];
const AWAITED_REPLIES: readonly NonNullable<LabProgress['awaiting']>[] = ['parameters', 'workspace'];

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function parseStoredValidation(value: unknown): StoredValidation | undefined {
  if (!isRecord(value) || typeof value.at !== 'string' || !Array.isArray(value.items)) return undefined;
  const status = LAB_VALIDATION_STATUSES.find((s) => s === value.status);
  if (status === undefined) return undefined;
  const items = value.items.flatMap((i): LabValidationItem[] => (isRecord(i) && typeof i.ok === 'boolean' && typeof i.text === 'string' ? [item(i.ok, i.text, textOf(i.fix))] : []));
  return { status, at: value.at, items };
}

function parseStoredParameters(value: unknown): LabParameters | undefined {
  if (!isRecord(value) || typeof value.subscriptionId !== 'string') return undefined;
  // Only the fields a stored record has: absent ones stay absent, as validateParameters left them.
  const optional = (['namespace', 'postfix', 'location', 'environment', 'computeCluster', 'workspaceId'] as const satisfies readonly (keyof LabParameters)[]).flatMap((key) => {
    const text = textOf(value[key]);
    return text === undefined ? [] : [[key, text] as const];
  });
  return { subscriptionId: value.subscriptionId, ...Object.fromEntries(optional) };
}

function parseWorkspaceRef(value: unknown): WorkspaceRef | undefined {
  if (!isRecord(value)) return undefined;
  const { id, name, resourceGroup, subscriptionId, location } = value;
  if (typeof id !== 'string' || typeof name !== 'string' || typeof resourceGroup !== 'string' || typeof subscriptionId !== 'string' || typeof location !== 'string') return undefined;
  return { id, name, resourceGroup, subscriptionId, location };
}

export class LabProgressConflictError extends Error {
  override readonly name = 'LabProgressConflictError';
}

export interface LoadedProgress {
  /** undefined when nothing (usable) is stored. */
  readonly progress: LabProgress | undefined;
  /** undefined when nothing is stored yet; set even for a damaged record, so that it can be overwritten. */
  readonly eTag: string | undefined;
}

export class LabProgressStore {
  constructor(
    private readonly store: GuardianStore,
    private readonly total: number,
  ) {}

  static keyOf(userId: string): string {
    return `lab/${userId}`;
  }

  async load(userId: string): Promise<LoadedProgress> {
    const stored = await this.store.get<unknown>(LabProgressStore.keyOf(userId));
    if (stored === undefined) return { progress: undefined, eTag: undefined };
    return { progress: parseProgress(stored.value, this.total), eTag: stored.eTag };
  }

  /** Writes only if nobody else wrote since `eTag` was read (`undefined`: only if nothing is stored). */
  async save(userId: string, progress: LabProgress, eTag: string | undefined): Promise<string> {
    try {
      return await this.store.put(LabProgressStore.keyOf(userId), progress, eTag ?? '*');
    } catch (error) {
      if (error instanceof ETagConflictError) throw new LabProgressConflictError('The lab progress changed meanwhile.');
      throw error;
    }
  }

  async remove(userId: string): Promise<void> {
    await this.store.delete([LabProgressStore.keyOf(userId)]);
  }
}
