/**
 * What a lab command means. The router hands the lab feature `command: 'lab'` with the rest of the text as
 * `args` ("start", "status", "where am i", "validate 3", "params namespace=…"); typed text and card buttons end
 * up as the same LabCommand.
 */
import { looksLikeParameters } from '../lab/parameters';

export type LabCommand =
  | { readonly kind: 'start' }
  | { readonly kind: 'continue' }
  | { readonly kind: 'status' }
  | { readonly kind: 'validate'; readonly exercise?: number }
  | { readonly kind: 'done' }
  | { readonly kind: 'skip' }
  | { readonly kind: 'back' }
  | { readonly kind: 'next' }
  | { readonly kind: 'help' }
  | { readonly kind: 'goto'; readonly exercise: number }
  | { readonly kind: 'params'; readonly text: string }
  | { readonly kind: 'find'; readonly target: string }
  | { readonly kind: 'reset' }
  | { readonly kind: 'unknown'; readonly text: string };

const WORDS: Readonly<Record<string, LabCommand>> = {
  '': { kind: 'start' },
  start: { kind: 'start' },
  begin: { kind: 'start' },
  open: { kind: 'start' },
  overview: { kind: 'start' },
  continue: { kind: 'continue' },
  resume: { kind: 'continue' },
  current: { kind: 'continue' },
  where: { kind: 'continue' },
  'where am i': { kind: 'continue' },
  'where was i': { kind: 'continue' },
  'where are we': { kind: 'continue' },
  status: { kind: 'status' },
  progress: { kind: 'status' },
  done: { kind: 'done' },
  finished: { kind: 'done' },
  complete: { kind: 'done' },
  skip: { kind: 'skip' },
  back: { kind: 'back' },
  previous: { kind: 'back' },
  prev: { kind: 'back' },
  next: { kind: 'next' },
  help: { kind: 'help' },
  hint: { kind: 'help' },
  reset: { kind: 'reset' },
};

export function parseLabCommand(args: string | undefined): LabCommand {
  const original = (args ?? '').trim();
  const text = original
    .toLowerCase()
    .replace(/[?!.]+$/, '')
    .replace(/\s+/g, ' ')
    .replace(/^(the )?lab\b ?/, '')
    .replace(/ ?\blab$/, '')
    .trim();
  const word = WORDS[text];
  if (word !== undefined) return word;

  const validate = /^(?:validate|check|verify)(?: exercise)?(?: (\d{1,3}))?$/.exec(text);
  if (validate !== null) return validate[1] !== undefined ? { kind: 'validate', exercise: Number(validate[1]) } : { kind: 'validate' };
  const go = /^(?:go ?to |goto |exercise |ex )?(?:exercise )?(\d{1,3})$/.exec(text);
  if (go !== null) return { kind: 'goto', exercise: Number(go[1]) };
  const params = /^(?:params|parameters|settings|set)\b\s*([\s\S]*)$/i.exec(stripLab(original));
  if (params !== null) return { kind: 'params', text: params[1] ?? '' };
  const find = /^(?:find|locate)(?: my)?(?: workspace)?\b\s*([\s\S]*)$/i.exec(stripLab(original));
  if (find !== null) return { kind: 'find', target: (find[1] ?? '').trim() };
  if (looksLikeParameters(original)) return { kind: 'params', text: original };
  return { kind: 'unknown', text: original };
}

function stripLab(text: string): string {
  return text.replace(/^(the )?lab\b\s*/i, '').trim();
}
