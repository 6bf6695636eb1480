/**
 * Reads the commands out of the knowledge base's Markdown and shell text, and checks an `az` command against the
 * committed list of the Azure CLI's parameters (test/knowledge/az-cli-parameters.json).
 */
import parameterList from '../knowledge/az-cli-parameters.json';

/** The fenced blocks of a Markdown text, read line by line: a line that starts with ``` opens or closes one. */
export function fencedBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  let open: string[] | undefined;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) {
      if (open === undefined) open = [];
      else {
        blocks.push(open.join('\n'));
        open = undefined;
      }
    } else if (open !== undefined) open.push(line);
  }
  return blocks;
}

/** Inline code spans of the prose (outside fences) that start with `az `, cut at an ellipsis ("… --type x" keeps its flags). */
export function inlineAzSpans(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '');
  return [...prose.matchAll(/`(az [^`]+)`/g)].map((m) => (m[1] ?? '').replace(/…/g, ' '));
}

/**
 * The az commands written into a sentence of the product's own messages ("Grant it Contributor: az role assignment
 * create … --scope /x ; then az role …"): each from "az " to a quote, a semicolon, a closing bracket, a comma
 * or a full stop that ends the sentence.
 */
export function azSpansInSentence(text: string): string[] {
  return [...text.matchAll(/(?<![\w-])(az [a-z][^;"`),]*?)(?=\.(?:\s|$)|\s*[;"`),]|$)/g)].map((m) => (m[1] ?? '').trim());
}

/** The end of a `$( … )` that starts at `open` (the index of "("), skipping quoted text and nested parentheses. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return text.length;
}

/**
 * The simple commands of a shell text, each as its words (quotes removed): split on newlines (a trailing `\`
 * continues the line), `;`, `|` and `&`, comments dropped; a `$( … )` becomes the word "$()" and its own commands
 * are listed too.
 */
export function shellCommands(text: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  const endWord = (): void => {
    if (word !== undefined) words.push(word);
    word = undefined;
  };
  const endCommand = (): void => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
      continue;
    }
    if (c === '$' && text[i + 1] === '(') {
      const close = closingParen(text, i + 1);
      commands.push(...shellCommands(text.slice(i + 2, close)));
      word = `${word ?? ''}$()`;
      i = close;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = undefined;
      else word += c;
      continue;
    }
    if (c === '\\' && text[i + 1] === '\n') {
      endWord();
      i++;
    } else if (c === "'" || c === '"') {
      quote = c;
      word ??= '';
    } else if (c === '#' && word === undefined) {
      while (i < text.length && text[i] !== '\n') i++;
      endCommand();
    } else if (c === '\n' || c === ';' || c === '|' || c === '&') endCommand();
    else if (c === ' ' || c === '\t') endWord();
    else word = `${word ?? ''}${c}`;
  }
  endCommand();
  return commands;
}

const COMMANDS = new Map(Object.entries(parameterList.commands).map(([name, flags]) => [name, new Set<string>(flags)]));
const GLOBAL = new Set<string>(parameterList.globalParameters);

/** Why an `az` command (its words after "az") is not one the CLI accepts, or undefined when it is. */
export function azCommandProblem(args: readonly string[]): string | undefined {
  const firstFlag = args.findIndex((a) => a.startsWith('-'));
  const names = firstFlag === -1 ? args : args.slice(0, firstFlag);
  for (let n = Math.min(names.length, 5); n > 0; n--) {
    const name = names.slice(0, n).join(' ');
    const flags = COMMANDS.get(name);
    if (flags === undefined) continue;
    const unknown = args
      .filter((a) => /^--?[a-z]/i.test(a))
      .map((a) => a.split('=')[0] ?? a)
      .filter((flag) => !flags.has(flag) && !GLOBAL.has(flag));
    return unknown.length > 0 ? `az ${name} has no ${unknown.join(', ')}` : undefined;
  }
  const mentioned = names.join(' ');
  // A span that only names a group or command ("`az ml` CLI", "`az ad sp create-for-rbac`") is not a command to run.
  if (!args.some((a) => a.startsWith('-')) && [...COMMANDS.keys()].some((name) => `${name} `.startsWith(`${mentioned} `))) return undefined;
  return `az ${mentioned} is not a command in the parameter list`;
}

/** Every `az` command in a shell text, as its words after "az". */
export function azCommands(text: string): string[][] {
  return shellCommands(text).filter((words) => words[0] === 'az').map((words) => words.slice(1));
}
