/** The shapes of the knowledge base: workshop questions, answers and topics, category and check explainers. */
import type { Category } from '../checks/types';

export interface WorkshopQuestion {
  /** NS-01 … */
  readonly id: string;
  readonly category: Category;
  /** The sub-section of the workshop (e.g. "Workspace Virtual Network Security"). */
  readonly section: string;
  readonly question: string;
}

/** A Microsoft Learn page an answer rests on, with the page's title (the button label and the document's link text). */
export interface LearnLink {
  readonly url: string;
  readonly title: string;
}

/** An answer to a workshop question, or a knowledge topic (managed identity, private endpoint …). */
export interface KnowledgeEntry {
  readonly kind: 'answer' | 'topic';
  readonly id: string;
  readonly category: Category;
  /** Short topic name. */
  readonly title: string;
  /** For answers: the workshop prompt it answers. */
  readonly question?: string;
  readonly keywords: readonly string[];
  /** Microsoft Learn pages the answer rests on. */
  readonly learn: readonly LearnLink[];
  /** Related check ids (AML-NET-001 …). */
  readonly checks: readonly string[];
  /** 4–8 short points used to grade a workshop answer. */
  readonly keyPoints: readonly string[];
  /** Markdown, the direct answer first. */
  readonly body: string;
}

export interface Explainer {
  readonly id: string;
  readonly category: Category;
  readonly title: string;
  /** Markdown, a few sentences. */
  readonly body: string;
}

export interface KnowledgeContent {
  /** The 25 workshop prompts, in workshop order. */
  readonly questions: readonly WorkshopQuestion[];
  /** Answers keyed by question id. */
  readonly answers: ReadonlyMap<string, KnowledgeEntry>;
  /** Extra topics keyed by id (kebab-case). */
  readonly topics: ReadonlyMap<string, KnowledgeEntry>;
  /** One explainer per category. */
  readonly categories: ReadonlyMap<Category, Explainer>;
  /** "Why does this matter?" per check id. */
  readonly checks: ReadonlyMap<string, Explainer>;
}
