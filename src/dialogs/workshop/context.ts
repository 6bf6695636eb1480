/** What every workshop handler shares: the content, the store (sessions per conversation), the check catalog, the clock. */
import type { KnowledgeContent } from '../../knowledge/content-types';
import type { GuardianStore } from '../../storage/store';
import type { TurnPort } from '../port';
import type { CheckCatalog } from '../qna-cards';

export interface WorkshopDependencies {
  readonly content: KnowledgeContent;
  readonly store: GuardianStore;
  /** The check catalog: feedback names the answer's related checks as the answer card does. */
  readonly checks: CheckCatalog;
  readonly now?: () => Date;
}

export interface WorkshopContext {
  readonly content: KnowledgeContent;
  readonly store: GuardianStore;
  readonly checks: CheckCatalog;
  /** Now, as an ISO timestamp for session records. */
  readonly stamp: () => string;
}

export function createWorkshopContext({ content, store, checks, now = () => new Date() }: WorkshopDependencies): WorkshopContext {
  return { content, store, checks, stamp: () => now().toISOString() };
}

/** A channel or group chat is a facilitated session: several people answer, the facilitator moves on. */
export function facilitated(port: TurnPort): boolean {
  return port.conversation.conversationType !== 'personal';
}
