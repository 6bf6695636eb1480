/**
 * The guided lab (seed 000: LAB418) as data: one YAML file per exercise in `src/knowledge/lab/`.
 * The loader validates every file and the set as a whole, and throws listing every problem at once, so that a
 * content mistake fails CI and start-up with all of its causes rather than one at a time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { errorMessage } from '../shared/error-message';

/** The lab has exactly these many exercises (seed 000). */
export const LAB_EXERCISE_COUNT = 12;

/** Placeholders a step may use, filled from the learner's lab parameters: `{{namespace}}`. */
export const LAB_PLACEHOLDERS = [
  'subscriptionId',
  'namespace',
  'postfix',
  'location',
  'environment',
  'resourceGroup',
  'workspace',
  'computeCluster',
] as const;
export type LabPlaceholder = (typeof LAB_PLACEHOLDERS)[number];

export interface LabSetting {
  readonly name: string;
  readonly value: string;
}

export interface LabStep {
  /** One instruction (Markdown, trusted content). */
  readonly text: string;
  /** Commands to run, shown in monospace; may use `{{placeholders}}`. */
  readonly command?: string;
  /** Settings to enter (e.g. config-infra-prod.yml values); values may use `{{placeholders}}`. */
  readonly settings?: readonly LabSetting[];
}

export type LabValidation =
  /** Azure can tell: the validator with this id runs over a workspace snapshot. */
  | { readonly kind: 'azure'; readonly validator: string; readonly blocking: boolean }
  /** Azure cannot see it (Azure DevOps settings, reading): the learner confirms with "Done". */
  | { readonly kind: 'confirm' };

export interface LabLink {
  readonly title: string;
  readonly url: string;
}

export interface LabExercise {
  readonly number: number;
  /** kebab-case, stable. */
  readonly id: string;
  readonly title: string;
  readonly goal: string;
  readonly steps: readonly LabStep[];
  /** What "done" looks like. */
  readonly done: string;
  readonly validation: LabValidation;
  readonly help: string;
  /** Where this walkthrough departs from the (older) lab guide, and why. */
  readonly updated?: string;
  readonly links: readonly LabLink[];
}

export interface LabContent {
  readonly exercises: readonly LabExercise[];
  exercise(number: number): LabExercise | undefined;
}

export class LabContentError extends Error {
  override readonly name = 'LabContentError';
  constructor(readonly problems: readonly string[]) {
    super(`The lab content has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  }
}

/** The folder of the exercise files, next to this module (src/ in tests, dist/ once copied by the build). */
export const DEFAULT_LAB_DIR = join(__dirname, 'lab');

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['number', 'id', 'title', 'goal', 'steps', 'done', 'validation', 'help', 'links'],
  properties: {
    number: { type: 'integer', minimum: 1, maximum: LAB_EXERCISE_COUNT },
    id: { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' },
    title: { type: 'string', minLength: 3, maxLength: 80 },
    goal: { type: 'string', minLength: 10 },
    steps: {
      type: 'array',
      minItems: 1,
      maxItems: 12,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['text'],
        properties: {
          text: { type: 'string', minLength: 3 },
          command: { type: 'string', minLength: 1 },
          settings: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['name', 'value'],
              properties: { name: { type: 'string', minLength: 1 }, value: { type: 'string' } },
            },
          },
        },
      },
    },
    done: { type: 'string', minLength: 10 },
    validation: {
      type: 'object',
      additionalProperties: false,
      required: ['kind'],
      properties: {
        kind: { enum: ['azure', 'confirm'] },
        validator: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
        blocking: { type: 'boolean' },
      },
    },
    help: { type: 'string', minLength: 10 },
    updated: { type: 'string', minLength: 10 },
    links: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['title', 'url'],
        properties: { title: { type: 'string', minLength: 3 }, url: { type: 'string', pattern: '^https://' } },
      },
    },
  },
} as const;

interface RawStep {
  text: string;
  command?: string;
  settings?: { name: string; value: string }[];
}

interface RawExercise {
  number: number;
  id: string;
  title: string;
  goal: string;
  steps: RawStep[];
  done: string;
  validation: { kind: 'azure' | 'confirm'; validator?: string; blocking?: boolean };
  help: string;
  updated?: string;
  links: { title: string; url: string }[];
}

const ajv = new Ajv({ allErrors: true, strict: true });
const validateRaw = ajv.compile<RawExercise>(SCHEMA);

/** Reads and validates every `*.yml` in `dir`; throws LabContentError listing all problems. */
export function loadLabContent(dir: string = DEFAULT_LAB_DIR): LabContent {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'))
      .sort();
  } catch (error) {
    throw new LabContentError([`cannot read the lab folder ${dir}: ${errorMessage(error)}`]);
  }
  return parseLabContent(files.map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') })));
}

/** Validates exercise sources (file name + YAML text); the pure half of loadLabContent. */
export function parseLabContent(sources: readonly { readonly file: string; readonly text: string }[]): LabContent {
  const problems: string[] = [];
  const exercises: LabExercise[] = [];
  for (const { file, text } of sources) {
    const exercise = parseExercise(file, text, problems);
    if (exercise !== undefined) exercises.push(exercise);
  }
  exercises.sort((a, b) => a.number - b.number);
  checkSet(exercises, problems);
  if (problems.length > 0) throw new LabContentError(problems);
  const byNumber = new Map(exercises.map((e) => [e.number, e]));
  return { exercises, exercise: (n) => byNumber.get(n) };
}

function parseExercise(file: string, text: string, problems: string[]): LabExercise | undefined {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    problems.push(`${file}: not valid YAML: ${errorMessage(error)}`);
    return undefined;
  }
  if (!validateRaw(data)) {
    for (const e of validateRaw.errors ?? []) problems.push(`${file}: ${describe(e)}`);
    return undefined;
  }
  const before = problems.length;
  const raw = data;
  const validation = toValidation(file, raw.validation, problems);
  raw.steps.forEach((step, i) => {
    for (const bad of unknownPlaceholders([step.text, step.command ?? '', ...(step.settings ?? []).map((s) => s.value)])) {
      problems.push(`${file}: step ${i + 1} uses unknown placeholder {{${bad}}}`);
    }
  });
  for (const bad of unknownPlaceholders([raw.goal, raw.done, raw.help, raw.updated ?? ''])) problems.push(`${file}: uses unknown placeholder {{${bad}}}`);
  const expectedPrefix = String(raw.number).padStart(2, '0') + '-';
  if (!file.startsWith(expectedPrefix)) problems.push(`${file}: exercise ${raw.number} should live in a file named ${expectedPrefix}${raw.id}.yml`);
  if (problems.length > before || validation === undefined) return undefined;
  return {
    number: raw.number,
    id: raw.id,
    title: raw.title.trim(),
    goal: raw.goal.trim(),
    steps: raw.steps.map((s) => ({
      text: s.text.trim(),
      ...(s.command !== undefined ? { command: s.command.trimEnd() } : {}),
      ...(s.settings !== undefined ? { settings: s.settings.map((x) => ({ name: x.name, value: String(x.value) })) } : {}),
    })),
    done: raw.done.trim(),
    validation,
    help: raw.help.trim(),
    ...(raw.updated !== undefined ? { updated: raw.updated.trim() } : {}),
    links: raw.links,
  };
}

function toValidation(file: string, v: RawExercise['validation'], problems: string[]): LabValidation | undefined {
  if (v.kind === 'azure') {
    if (v.validator === undefined) {
      problems.push(`${file}: validation kind 'azure' needs a validator id`);
      return undefined;
    }
    return { kind: 'azure', validator: v.validator, blocking: v.blocking ?? true };
  }
  if (v.validator !== undefined || v.blocking !== undefined) {
    problems.push(`${file}: validation kind 'confirm' takes no validator or blocking flag`);
    return undefined;
  }
  return { kind: 'confirm' };
}

function checkSet(exercises: readonly LabExercise[], problems: string[]): void {
  const numbers = new Set<number>();
  const ids = new Set<string>();
  for (const e of exercises) {
    if (numbers.has(e.number)) problems.push(`exercise ${e.number} is defined twice`);
    if (ids.has(e.id)) problems.push(`exercise id ${e.id} is used twice`);
    numbers.add(e.number);
    ids.add(e.id);
  }
  for (let n = 1; n <= LAB_EXERCISE_COUNT; n++) {
    if (!numbers.has(n)) problems.push(`exercise ${n} is missing (or its file has problems listed here)`);
  }
}

function unknownPlaceholders(texts: readonly string[]): string[] {
  const known = new Set<string>(LAB_PLACEHOLDERS);
  const found = texts.flatMap((t) => [...t.matchAll(/\{\{\s*([A-Za-z]+)\s*\}\}/g)].map((m) => m[1] ?? ''));
  return [...new Set(found.filter((name) => !known.has(name)))];
}

function describe(e: ErrorObject): string {
  const where = e.instancePath === '' ? 'the exercise' : e.instancePath;
  const field: unknown = e.params['additionalProperty'];
  if (e.keyword === 'additionalProperties') return `${where} has an unknown field "${String(field)}"`;
  return `${where} ${e.message ?? 'is invalid'}`;
}

/**
 * Fills `{{placeholders}}` from the values given; a value that is not known stays visible as `<name>`, so the
 * learner sees what to replace.
 */
export function fillPlaceholders(
  text: string,
  values: Partial<Record<LabPlaceholder, string>>,
  unknown: (name: string) => string = (name) => `<${name}>`,
): string {
  return text.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, (_m, name: string) => {
    const placeholder = LAB_PLACEHOLDERS.find((p) => p === name);
    const value = placeholder !== undefined ? values[placeholder] : undefined;
    return value !== undefined && value !== '' ? value : unknown(name);
  });
}
