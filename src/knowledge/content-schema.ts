/** JSON schemas for the front matter of the knowledge files, checked once at load time. */
import { CATEGORIES } from '../checks/types';

export const CHECK_ID_PATTERN = '^AML-[A-Z]+-\\d{3}$';

export const entrySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'category', 'title', 'keywords', 'learn', 'checks', 'keyPoints'],
  properties: {
    id: { type: 'string', pattern: '^([A-Z]{2,3}-\\d{2}|[a-z0-9]+(-[a-z0-9]+)*)$' },
    category: { enum: [...CATEGORIES] },
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
} as const;

export const checkExplainerSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'category', 'title'],
  properties: {
    id: { type: 'string', pattern: CHECK_ID_PATTERN },
    category: { enum: [...CATEGORIES] },
    title: { type: 'string', minLength: 3 },
  },
} as const;

export const categoryExplainerSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['category', 'title'],
  properties: {
    category: { enum: [...CATEGORIES] },
    title: { type: 'string', minLength: 3 },
  },
} as const;

export const questionsSchema = {
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
} as const;
