/** Binding a channel or team to the scopes it may scan, and removing that binding. */
import { withTarget, type CommandMatcher } from './matcher';

export const matchUnlink: CommandMatcher = (t) =>
  /^unlink\b|^remove (the )?link\b|^disconnect (this )?(channel|team)\b/.test(t) ? { args: t.replace(/^unlink\s*/, '') } : undefined;

export const matchLink: CommandMatcher = (t) => {
  const m = /^(link|bind|connect|attach) (this |the )?(channel|team|chat|conversation)?\s*(to|with)?\s*(.+)$/.exec(t);
  return m === null ? undefined : withTarget((m[5] ?? '').trim());
};
