/**
 * Loads the knowledge base from its data files (Markdown with YAML front matter, and workshop-questions.json)
 * once per directory, validates everything, and throws one error listing every problem found.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type JSONSchemaType, type ValidateFunction } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { CATEGORIES, CATEGORY_TITLES, type Category } from '../checks/types';
import type { Explainer, KnowledgeContent, KnowledgeEntry, LearnLink, WorkshopQuestion } from './content-types';
import { categoryExplainerSchema, checkExplainerSchema, entrySchema, questionsSchema, type EntryFrontMatter, type ExplainerFrontMatter } from './content-schema';
import { errorMessage } from '../shared/error-message';

export type { Explainer, KnowledgeContent, KnowledgeEntry, LearnLink, WorkshopQuestion } from './content-types';

export class KnowledgeContentError extends Error {
  override readonly name = 'KnowledgeContentError';
  constructor(readonly problems: readonly string[]) {
    super(`The knowledge base has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  }
}

/** The folder that holds answers/, topics/, categories/, checks/ and workshop-questions.json (src/ or dist/). */
export const DEFAULT_KNOWLEDGE_DIR = __dirname;

const cache = new Map<string, KnowledgeContent>();

/** The knowledge base in `dir`, read and validated on first use. */
export function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): KnowledgeContent {
  const cached = cache.get(dir);
  if (cached !== undefined) return cached;
  const content = readKnowledge(dir);
  cache.set(dir, content);
  return content;
}

interface MarkdownFile {
  readonly file: string;
  readonly data: unknown;
  readonly body: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

function readMarkdownFiles(dir: string, problems: string[]): MarkdownFile[] {
  if (!existsSync(dir)) {
    problems.push(`missing folder ${dir}`);
    return [];
  }
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .flatMap((name) => {
      const file = join(dir, name);
      const match = FRONT_MATTER.exec(readFileSync(file, 'utf8'));
      if (match === null) {
        problems.push(`${name}: no YAML front matter`);
        return [];
      }
      try {
        return [{ file: name, data: parseYaml(match[1] ?? '') as unknown, body: (match[2] ?? '').trim() }];
      } catch (error) {
        problems.push(`${name}: front matter is not valid YAML (${errorMessage(error).split('\n')[0] ?? ''})`);
        return [];
      }
    });
}

function validator<T>(ajv: Ajv, schema: JSONSchemaType<T>): ValidateFunction<T> {
  return ajv.compile(schema);
}

function schemaProblems(file: string, validate: ValidateFunction<unknown>): string[] {
  return (validate.errors ?? []).map((e) => `${file}: ${e.instancePath || '(front matter)'} ${e.message ?? 'is invalid'}`);
}

const CATEGORY_BY_TITLE = new Map<string, Category>(CATEGORIES.map((c) => [CATEGORY_TITLES[c], c]));

function readQuestions(dir: string, problems: string[], ajv: Ajv): WorkshopQuestion[] {
  const file = join(dir, 'workshop-questions.json');
  if (!existsSync(file)) {
    problems.push('missing workshop-questions.json');
    return [];
  }
  const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const validate = validator(ajv, questionsSchema);
  if (!validate(raw)) {
    problems.push(...schemaProblems('workshop-questions.json', validate));
    return [];
  }
  return raw.questions.flatMap((q) => {
    const category = CATEGORY_BY_TITLE.get(q.category);
    if (category === undefined) {
      problems.push(`workshop-questions.json: ${q.id} has unknown category "${q.category}"`);
      return [];
    }
    return [{ id: q.id, category, section: q.section, question: q.question }];
  });
}

/**
 * A Learn link's title must be a page title people read on a button: not a URL, not a slug
 * ("how-to-managed-network"), at least two words.
 */
export function learnTitleProblem(link: LearnLink): string | undefined {
  const title = link.title.trim();
  if (/^https?:|\/\//i.test(title)) return `the title of ${link.url} is a URL`;
  if (/^[a-z0-9]+([-_][a-z0-9]+)*$/.test(title)) return `the title of ${link.url} ("${title}") looks like a slug, not a page title`;
  if (title.split(/\s+/).length < 2) return `the title of ${link.url} ("${title}") is a single word; use the page title`;
  return undefined;
}

function readEntries(
  dir: string,
  kind: KnowledgeEntry['kind'],
  problems: string[],
  validate: ValidateFunction<EntryFrontMatter>,
  questions: ReadonlyMap<string, WorkshopQuestion>,
): Map<string, KnowledgeEntry> {
  const entries = new Map<string, KnowledgeEntry>();
  for (const { file, data: meta, body } of readMarkdownFiles(dir, problems)) {
    if (!validate(meta)) {
      problems.push(...schemaProblems(`${kind}s/${file}`, validate));
      continue;
    }
    if (`${meta.id}.md` !== file) problems.push(`${kind}s/${file}: id ${meta.id} does not match the file name`);
    if (body.length < 80) problems.push(`${kind}s/${file}: the answer body is missing or too short`);
    for (const link of meta.learn) {
      const problem = learnTitleProblem(link);
      if (problem !== undefined) problems.push(`${kind}s/${file}: ${problem}`);
    }
    const question = questions.get(meta.id);
    if (kind === 'answer') {
      if (question === undefined) problems.push(`answers/${file}: ${meta.id} is not a workshop question id`);
      else if (question.category !== meta.category) problems.push(`answers/${file}: category ${meta.category} differs from the question's ${question.category}`);
    }
    entries.set(meta.id, { ...meta, kind, body, ...(question !== undefined ? { question: question.question } : {}) });
  }
  return entries;
}

function readExplainers(dir: string, problems: string[], validate: ValidateFunction<ExplainerFrontMatter & { readonly id?: string }>, idField: 'id' | 'category'): Map<string, Explainer> {
  const explainers = new Map<string, Explainer>();
  for (const { file, data: meta, body } of readMarkdownFiles(dir, problems)) {
    if (!validate(meta)) {
      problems.push(...schemaProblems(file, validate));
      continue;
    }
    const id = idField === 'id' ? (meta.id ?? '') : meta.category;
    if (`${id}.md` !== file) problems.push(`${file}: ${idField} ${id} does not match the file name`);
    if (body.length < 40) problems.push(`${file}: the explainer is missing or too short`);
    explainers.set(id, { id, category: meta.category, title: meta.title, body });
  }
  return explainers;
}

function readKnowledge(dir: string): KnowledgeContent {
  const problems: string[] = [];
  const ajv = new Ajv({ allErrors: true });
  const questions = readQuestions(dir, problems, ajv);
  const byId = new Map(questions.map((q) => [q.id, q]));
  const entryValidator = validator(ajv, entrySchema);
  const answers = readEntries(join(dir, 'answers'), 'answer', problems, entryValidator, byId);
  const topics = readEntries(join(dir, 'topics'), 'topic', problems, entryValidator, new Map());
  const categories = readExplainers(join(dir, 'categories'), problems, validator(ajv, categoryExplainerSchema), 'category');
  const checks = readExplainers(join(dir, 'checks'), problems, validator(ajv, checkExplainerSchema), 'id');

  for (const q of questions) if (!answers.has(q.id)) problems.push(`no answer for workshop question ${q.id}`);
  for (const c of CATEGORIES) if (!categories.has(c)) problems.push(`no category explainer for ${c}`);
  for (const id of topics.keys()) if (byId.has(id)) problems.push(`topic ${id} collides with a question id`);
  if (problems.length > 0) throw new KnowledgeContentError(problems);

  return {
    questions,
    answers,
    topics,
    // Keyed by the explainer's own (validated) category, which is its id.
    categories: new Map([...categories.values()].map((e) => [e.category, e])),
    checks,
  };
}

/** An answer or topic by id. */
export function findEntry(content: KnowledgeContent, id: string): KnowledgeEntry | undefined {
  return content.answers.get(id) ?? content.topics.get(id);
}
