/** JSON schemas for the front matter of the knowledge files, checked once at load time. */
import type { JSONSchemaType } from 'ajv';
import { CATEGORIES, type Category } from '../checks/types';

/** The front matter of an answer or topic, as its schema guarantees it. */
export interface EntryFrontMatter {
  readonly id: string;
  readonly category: Category;
  readonly title: string;
  readonly keywords: string[];
  readonly learn: { url: string; title: string }[];
  readonly checks: string[];
  readonly keyPoints: string[];
}

/** The front matter of a category explainer; a check explainer's adds the check id. */
export interface ExplainerFrontMatter {
  readonly category: Category;
  readonly title: string;
}

export interface CheckExplainerFrontMatter extends ExplainerFrontMatter {
  readonly id: string;
}

export interface QuestionsFile {
  readonly questions: { id: string; category: string; section: string; question: string }[];
}

export const CHECK_ID_PATTERN = '^AML-[A-Z]+-\\d{3}$';

export const entrySchema: JSONSchemaType<EntryFrontMatter> = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'category', 'title', 'keywords', 'learn', 'checks', 'keyPoints'],
  properties: {
    id: { type: 'string', pattern: '^([A-Z]{2,3}-\\d{2}|[a-z0-9]+(-[a-z0-9]+)*)$' },
    category: { type: 'string', enum: [...CATEGORIES] },
    title: { type: 'string', minLength: 3, maxLength: 80 },
    keywords: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    learn: {
      type: 'array',
      minItems: 2,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['url', 'title'],
        properties: {
          url: { type: 'string', pattern: '^https://learn\\.microsoft\\.com/[^\\s]+$' },
          // A button label: Teams shows about 60 characters.
          title: { type: 'string', minLength: 3, maxLength: 60 },
        },
      },
    },
    checks: { type: 'array', items: { type: 'string', pattern: CHECK_ID_PATTERN } },
    keyPoints: { type: 'array', minItems: 4, maxItems: 8, items: { type: 'string', minLength: 5, maxLength: 200 } },
  },
};

export const checkExplainerSchema: JSONSchemaType<CheckExplainerFrontMatter> = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'category', 'title'],
  properties: {
    id: { type: 'string', pattern: CHECK_ID_PATTERN },
    category: { type: 'string', enum: [...CATEGORIES] },
    title: { type: 'string', minLength: 3 },
  },
};

export const categoryExplainerSchema: JSONSchemaType<ExplainerFrontMatter> = {
  type: 'object',
  additionalProperties: false,
  required: ['category', 'title'],
  properties: {
    category: { type: 'string', enum: [...CATEGORIES] },
    title: { type: 'string', minLength: 3 },
  },
};

export const questionsSchema: JSONSchemaType<QuestionsFile> = {
  type: 'object',
  required: ['questions'],
  properties: {
    questions: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['id', 'category', 'section', 'question'],
        properties: {
          id: { type: 'string', pattern: '^[A-Z]{2,3}-\\d{2}$' },
          category: { type: 'string' },
          section: { type: 'string' },
          question: { type: 'string', minLength: 10 },
        },
      },
    },
  },
};
