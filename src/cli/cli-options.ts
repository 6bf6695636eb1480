/**
 * Option parsing for `guardian` commands, with errors in the CLI's own words. Node's parseArgs (tokens mode,
 * never throwing) splits the arguments; this module decides what is wrong and says it the way the usage text
 * does ("--format needs a value: table, json, sarif or markdown"), without the short aliases or the internal
 * syntax Node's messages mention.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './command';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** The values a string option accepts; anything else is a usage error that lists them. */
  readonly choices?: readonly string[];
  /** What the value is, for "--output needs a value (a file)". */
  readonly value?: string;
}

export interface ParsedOptions {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/** "a, b or c" (or "a, b and c") */
export function listWords(words: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${conjunction} ${words.at(-1) ?? ''}`;
}

function needsValue(name: string, spec: OptionSpec): string {
  if (spec.choices !== undefined) return `--${name} needs a value: ${listWords(spec.choices)}.`;
  return `--${name} needs a value${spec.value !== undefined ? ` (${spec.value})` : ''}.`;
}

/** Parses `args` against `options`; throws UsageError for anything the command does not accept. */
export function parseCliOptions(command: string, args: readonly string[], options: Readonly<Record<string, OptionSpec>>, allowPositionals: boolean): ParsedOptions {
  const config = Object.fromEntries(Object.entries(options).map(([name, spec]) => [name, { type: spec.type }]));
  const { tokens } = parseArgs({ args: [...args], options: config, strict: false, allowPositionals: true, tokens: true });
  const known = Object.keys(options).map((n) => `--${n}`);
  const values: Record<string, string | boolean | undefined> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (!allowPositionals) throw new UsageError(`Unexpected argument "${token.value}": ${command} takes only options.`);
      positionals.push(token.value);
      continue;
    }
    const spec = token.rawName.startsWith('--') ? options[token.name] : undefined;
    if (spec === undefined) throw new UsageError(`Unknown option ${token.rawName} for ${command}. The options are ${listWords(known, 'and')}.`);
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`--${token.name} takes no value (got "${token.value}").`);
      values[token.name] = true;
      continue;
    }
    // "--format --sample": Node takes the next option as the value; a user meant to leave the value out.
    const value = token.value;
    if (value === undefined || value === '' || (token.inlineValue === false && value.startsWith('--'))) throw new UsageError(needsValue(token.name, spec));
    if (spec.choices !== undefined && !spec.choices.includes(value)) throw new UsageError(`--${token.name} must be ${listWords(spec.choices)} (got "${value}").`);
    values[token.name] = value;
  }
  return { values, positionals };
}

export function stringOption(parsed: ParsedOptions, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A string option declared with `choices`, typed as one of them; parseCliOptions already refused anything else. */
export function choiceOption<T extends string>(parsed: ParsedOptions, name: string, choices: readonly T[]): T | undefined {
  const value = stringOption(parsed, name);
  return choices.find((choice) => choice === value);
}
