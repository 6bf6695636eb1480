/**
 * The shape every command matcher has, and the word helpers several of them share.
 */

/** What a matched command carries: the rest of the message, and the workspace or scope it names (watch, link…). */
export interface CommandArgs {
  readonly args: string;
  readonly target?: string;
}

/** `t` is the normalised (lowercase) message, `original` the cleaned message with its case. */
export type CommandMatcher = (t: string, original: string) => CommandArgs | undefined;

const NAME = /^[a-z0-9][a-z0-9._/-]*$/i;
/** A message that asks about something rather than asking for it. */
export const QUESTION_START = /^(what|why|how|which|where|when|who|is|are|does|do|did|should)\b/;

/** The first word of `rest` that can be a workspace or scope name, after filler words. */
export function firstName(rest: string): string | undefined {
  const words = rest.split(/\s+/).filter((w) => !['the', 'workspace', 'to', 'on', 'for', 'of', 'this', 'channel', 'team', 'chat'].includes(w));
  const word = words[0]?.replace(/[.,;:!?]+$/, '');
  return word !== undefined && NAME.test(word) ? word : undefined;
}

/** `rest` as the command's arguments, with the name it starts with as the target. */
export function withTarget(rest: string): CommandArgs {
  const target = firstName(rest);
  return { args: rest, ...(target !== undefined ? { target } : {}) };
}
