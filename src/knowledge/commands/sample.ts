/**
 * "sample change AML-NET-010" and "sample reset": break one control of the sample environment on purpose, or undo
 * the changes. `args` is the rest after "sample", case kept ("change AML-NET-010", "reset").
 */
import type { CommandMatcher } from './matcher';

const SAMPLE = /^sample\s+((?:change|reset)\b.*)$/is;

export const matchSample: CommandMatcher = (t, original) => {
  if (!/^sample\s+(change|reset)\b/.test(t)) return undefined;
  return { args: (SAMPLE.exec(original.trim())?.[1] ?? t.replace(/^sample\s+/, '')).trim() };
};
