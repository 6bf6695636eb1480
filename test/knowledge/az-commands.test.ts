import { allChecks } from '../../src/checks/registry';
import { loadKnowledge } from '../../src/knowledge/content';
import { loadLabContent } from '../../src/knowledge/lab-content';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { azCommandProblem, azCommands, azSpansInSentence, fencedBlocks, inlineAzSpans, shellCommands } from '../support/az-commands';

const content = loadKnowledge();
const lab = loadLabContent();

/** Every place a user is shown an az command, as [where, text]. */
const markdown: [string, string][] = [
  ...[...content.answers.values(), ...content.topics.values()].map((e): [string, string] => [e.id, e.body]),
  ...[...content.categories.values(), ...content.checks.values()].map((e): [string, string] => [e.id, e.body]),
];
const shell: [string, string][] = [
  ...markdown.flatMap(([where, body]) => fencedBlocks(body).map((block): [string, string] => [`${where} code block`, block])),
  ...lab.exercises.flatMap((ex) => ex.steps.flatMap((step, i) => (step.command === undefined ? [] : [[`lab ${ex.number} step ${i + 1}`, step.command] as [string, string]]))),
  ...allChecks.flatMap((c) => (c.remediation.cli === undefined ? [] : [[`${c.id} remediation`, c.remediation.cli] as [string, string]])),
];

describe('every az command the bot shows exists in the Azure CLI', () => {
  it('finds the commands of the answers, topics, lab steps and remediations (the test reads real content)', () => {
    const all = shell.flatMap(([, text]) => azCommands(text));
    expect(all.length).toBeGreaterThan(80);
    const groups = new Set(all.map((args) => args.slice(0, 2).join(' ')));
    for (const group of ['ml workspace', 'ml compute', 'security pricing', 'storage account', 'role assignment', 'policy assignment']) expect(groups).toContain(group);
  });

  it.each(shell)('%s: every az command has a real command group and real flags', (_where, text) => {
    expect(azCommands(text).map(azCommandProblem).filter((p) => p !== undefined)).toEqual([]);
  });

  it.each(markdown.filter(([, body]) => inlineAzSpans(body).length > 0))('%s: inline az commands in the prose are real too', (_where, body) => {
    const problems = inlineAzSpans(body).flatMap((span) => azCommands(span).map(azCommandProblem));
    expect(problems.filter((p) => p !== undefined)).toEqual([]);
  });
});

/** The TypeScript files under `dir`. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const file = path.join(dir, d.name);
    return d.isDirectory() ? sourceFiles(file) : d.name.endsWith('.ts') ? [file] : [];
  });
}

/** Every string a source file can show (literals, and templates with each `${…}` as a <value> placeholder). */
function shownStrings(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text);
    else if (ts.isTemplateExpression(node)) out.push(node.head.text + node.templateSpans.map((span) => `<value>${span.literal.text}`).join(''));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Every string in a lab exercise's prose (goal, help, validation text…), its shell steps left to the test above. */
function proseStrings(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return key === 'command' ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((item) => proseStrings(item));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => proseStrings(v, k));
  return [];
}

/** The az commands in the product's own messages: lab validation and lab prose, CLI usage and errors, check remediations, cards. */
const messages: [string, string][] = [
  ...sourceFiles('src').flatMap((file) => shownStrings(file).flatMap((text) => azSpansInSentence(text).map((span): [string, string] => [path.relative('src', file), span]))),
  ...lab.exercises.flatMap((ex) => proseStrings(ex).flatMap((text) => azSpansInSentence(text).map((span): [string, string] => [`lab ${ex.number} text`, span]))),
];

describe('every az command in the messages the code writes exists in the Azure CLI', () => {
  it('finds the lab validation commands (the test reads the real sources)', () => {
    const lab = messages.filter(([file]) => file.startsWith(`lab${path.sep}`)).map(([, span]) => span.split(' --')[0]);
    for (const command of ['az ml compute create', 'az ml workspace update', 'az security pricing create', 'az role assignment create', 'az role assignment delete']) expect(lab).toContain(command);
    expect(messages.filter(([where]) => where.startsWith('lab ')).length).toBeGreaterThan(0);
  });

  it.each(messages)('%s: %s', (_file, span) => {
    expect(azCommands(span).map(azCommandProblem).filter((p) => p !== undefined)).toEqual([]);
  });

  it('cuts a command out of its sentence at the quote, semicolon, bracket or full stop that ends it', () => {
    expect(azSpansInSentence('Narrower: az role assignment create --scope /s/x ; then az role assignment delete --role Owner . If not')).toEqual([
      'az role assignment create --scope /s/x',
      'az role assignment delete --role Owner',
    ]);
    expect(azSpansInSentence('The "az ml workspace create" step (or az acr import), then az login.')).toEqual(['az ml workspace create', 'az acr import', 'az login']);
  });
});

describe('the az command check', () => {
  it('refuses the flags that do not exist, which the workshop guide and older answers used', () => {
    const problem = (command: string): string | undefined => azCommandProblem(azCommands(command)[0] ?? []);
    expect(problem('az ml workspace create --name ws -g rg --identity-type SystemAssigned')).toMatch(/--identity-type/);
    expect(problem('az ml workspace create -n ws -g rg --image-build-compute-name build')).toMatch(/--image-build-compute-name/);
    expect(problem('az ml workspace create -n ws -g rg --encryption-key-name k --encryption-key-vault https://kv')).toMatch(/--encryption-key-name, --encryption-key-vault/);
    expect(problem('az ml compute update -n ci -g rg -w ws --idle-time-before-shutdown-minutes 60')).toMatch(/--idle-time-before-shutdown-minutes/);
    expect(problem('az ml workspace frobnicate -n ws')).toMatch(/not a command/);
    expect(problem('az ml workspace update -n ws -g rg --image-build-compute build --managed-network allow_only_approved_outbound')).toBeUndefined();
  });

  it('reads continuations, quotes, comments and subshells as a shell does', () => {
    const text = [
      '# create it',
      "az role definition create --role-definition '{\"Name\": \"x\",",
      "  \"Actions\": []}'",
      'az monitor diagnostic-settings create --name n \\',
      '  --resource $(az ml workspace show --name ws --resource-group rg --query id -o tsv) --logs \'[{"a":1}]\'; az group delete -n rg --yes',
    ].join('\n');
    expect(shellCommands(text).map((words) => words.slice(0, 4).join(' '))).toEqual([
      'az role definition create',
      'az ml workspace show',
      'az monitor diagnostic-settings create',
      'az group delete -n',
    ]);
    expect(azCommands(text).map(azCommandProblem)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
