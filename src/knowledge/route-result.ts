/**
 * What the knowledge router makes of a message: a flat record, also the JSON of `guardian ask --json`. The routing
 * layer (src/routing/intent.ts) parses it into one discriminated `Intent`. It lives here, below the dialogs, because
 * the router that produces it does.
 */
import type { Area, Category } from '../checks/types';
import type { CommandName } from './commands/table';

/** What the router made of a message (also the JSON of `guardian ask --json`). */
export interface RouteResult {
  readonly intent: 'question' | 'check' | 'command' | 'none';
  /** For `question`: the workshop question id (NS-01 …) or knowledge topic id that answers it best. */
  readonly questionId?: string;
  /** For `check`: what to check. */
  readonly check?: 'all' | Area | Category;
  /** For `check`: the check ids the message names; only those run. */
  readonly checkIds?: readonly string[];
  /** For `check`: the word that named no area ("check foo on sample"); answered with the areas, never scanned. */
  readonly unknownArea?: string;
  /** For `check` (and some commands): the workspace id or name, `sample`, or a subscription id. */
  readonly target?: string;
  /** For `command`: the command's name in the command table (src/knowledge/commands/table.ts). */
  readonly command?: CommandName;
  /** For `command`: the rest of the text after the command word(s). */
  readonly args?: string;
  /** 0..1 */
  readonly confidence: number;
  /** For `question` and `none`: the answer text (Markdown) or the polite fallback. */
  readonly answer?: string;
  /** Closest topics when confidence is low: [{ id, title }]. */
  readonly suggestions?: readonly { readonly id: string; readonly title: string }[];
}

