/**
 * The lab's Adaptive Cards (1.5, plain JSON): overview/progress, one exercise, parameters, workspace choice,
 * reset confirmation. Exercise text is our own content (trusted Markdown); anything from the learner or from
 * Azure — parameters, resource names, validation messages — goes through src/cards/escape first.
 */
import { markdownText, plainText, safeUrl } from '../../cards/escape';
import { executeButton, type ActionData } from '../../cards/actions';
import { codeBlock } from '../../cards/code-block';
import { fillPlaceholders, type LabContent, type LabExercise, type LabPlaceholder } from '../../knowledge/lab-content';
import { expectedNames } from '../../lab/naming';
import { DEFAULT_COMPUTE_CLUSTER, DEFAULT_ENVIRONMENT, DEFAULT_LOCATION, NAMESPACE_RULE, type LabParameters } from '../../lab/parameters';
import { completedCount, recordOf, type ExerciseRecord, type LabProgress, type StoredValidation } from '../../lab/progress';
import type { LabValidationStatus } from '../../lab/result';
import type { WorkspaceRef } from '../../shared/workspace';
import type { AdaptiveCard } from '../port';
import { LAB_ACTIONS } from '../../routing/actions/lab';

/** The card input ids of the parameters form (also the LabParameters field names). */
export const PARAMETER_INPUTS = ['subscriptionId', 'namespace', 'postfix', 'location', 'environment', 'computeCluster'] as const;
export const WORKSPACE_INPUT = 'workspace';

type Element = Record<string, unknown>;

const LAB_TITLE = 'Guardians of Innovation: security baselines for ML/AI';

/** The label of an exercise's "what changed since the lab guide" box; the content says only what changed. */
export const UPDATED_LABEL = 'Updated from the lab guide:';

function card(body: Element[], actions: Element[], fallbackText: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: plainText(fallbackText, 300),
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

function text(value: string, extra: Element = {}): Element {
  return { type: 'TextBlock', text: value, wrap: true, ...extra };
}

/** Action.Execute (the clicked card is replaced by the answer) with the Action.Submit fallback. */
function submit(title: string, verb: string, data: ActionData = {}): Element {
  return { ...executeButton(title, verb, data) };
}

/** The parameters button, named the same wherever the lab mentions it. */
export function parametersButtonTitle(params: LabParameters | undefined): string {
  return params === undefined ? 'Set parameters' : 'Change parameters';
}

/** Our own Markdown, made safe for TextBlocks: angle brackets in prose (e.g. "<organization>") would read as HTML. */
function trusted(markdown: string): string {
  return markdown.replace(/</g, '‹').replace(/>/g, '›');
}

export function placeholderValues(params: LabParameters | undefined): Partial<Record<LabPlaceholder, string>> {
  if (params === undefined) return {};
  const names = expectedNames(params);
  const fromId = params.workspaceId !== undefined ? /\/resourceGroups\/([^/]+)\/providers\/[^/]+\/workspaces\/([^/]+)$/i.exec(params.workspaceId) : null;
  const values: Partial<Record<LabPlaceholder, string>> = {
    subscriptionId: params.subscriptionId,
    namespace: params.namespace,
    postfix: params.postfix,
    location: params.location,
    environment: params.environment,
    computeCluster: params.computeCluster,
    resourceGroup: fromId?.[1] ?? names?.resourceGroups[0],
    workspace: fromId?.[2] ?? names?.workspaces[0],
  };
  return values;
}

/** Fills placeholders in trusted prose with escaped values; a value not known yet shows as ‹name›. */
function prose(markdown: string, params: LabParameters | undefined): string {
  const escaped = Object.fromEntries(Object.entries(placeholderValues(params)).flatMap(([k, v]) => (v === undefined ? [] : [[k, markdownText(v, 200)]])));
  return fillPlaceholders(trusted(markdown), escaped, (name) => `‹${name}›`);
}

const STATUS_LABEL: Readonly<Record<LabValidationStatus, string>> = {
  passed: '✅ Passed',
  warning: '⚠️ Passed with advice',
  failed: '❌ Not yet',
  cannot_validate: '❔ Could not validate',
};

function recordLabel(record: ExerciseRecord): { icon: string; label: string } {
  switch (record.outcome) {
    case 'validated':
      return record.validation?.status === 'warning' ? { icon: '⚠️', label: 'validated, with advice' } : { icon: '✅', label: 'validated' };
    case 'done':
      return { icon: '✅', label: 'done' };
    case 'skipped':
      return { icon: '⏭️', label: 'skipped' };
    case undefined:
      if (record.validation?.status === 'failed') return { icon: '❌', label: 'validation failed' };
      return { icon: '◻️', label: 'not started' };
  }
}

function parameterFacts(params: LabParameters): Element {
  const values = placeholderValues(params);
  const facts: [string, string | undefined][] = [
    ['Subscription', params.subscriptionId],
    ['Namespace', params.namespace],
    ['Postfix', params.postfix],
    ['Location', params.location],
    ['Environment', params.environment],
    ['Resource group', values.resourceGroup],
    ['Workspace', values.workspace],
    ['Compute cluster', params.computeCluster],
  ];
  return {
    type: 'FactSet',
    facts: facts.filter((f): f is [string, string] => f[1] !== undefined).map(([title, value]) => ({ title, value: markdownText(value, 120) })),
  };
}

export interface OverviewOptions {
  readonly title?: string;
  readonly notice?: string;
}

/** The overview and progress card: all 12 exercises with their state, where the learner is, the parameters. */
export function buildOverviewCard(content: LabContent, progress: LabProgress, options: OverviewOptions = {}): AdaptiveCard {
  const total = content.exercises.length;
  const done = completedCount(progress, total);
  const current = content.exercise(progress.current);
  const finished = done === total;
  const body: Element[] = [];
  if (options.notice !== undefined) body.push(text(markdownText(options.notice, 400), { color: 'good' }));
  body.push(
    text(options.title ?? LAB_TITLE, { size: 'Large', weight: 'Bolder' }),
    text(
      finished
        ? `All ${total} exercises are complete. Well done.`
        : `${done} of ${total} exercises complete. You are on exercise ${progress.current}: **${trusted(current?.title ?? '')}**.`,
    ),
    {
      type: 'FactSet',
      facts: content.exercises.map((e) => {
        const { icon, label } = recordLabel(recordOf(progress, e.number));
        const here = e.number === progress.current && !finished ? ' ◀ you are here' : '';
        return { title: `${icon} ${e.number}`, value: `${trusted(e.title)} — ${label}${here}` };
      }),
    },
  );
  if (progress.params !== undefined) body.push(text('**Your lab parameters**', { spacing: 'Medium' }), parameterFacts(progress.params));
  else body.push(text('I do not know your lab parameters yet. Set them (or let me find your deployed workspace) so that I can validate exercises 3, 6, 7, 8, 10 and 11 against Azure.', { spacing: 'Medium', isSubtle: true }));
  const actions = [
    submit(finished ? 'Review the last exercise' : `Continue with exercise ${progress.current}`, LAB_ACTIONS.continue),
    submit(parametersButtonTitle(progress.params), LAB_ACTIONS.showParams),
  ];
  return card(body, actions, `${LAB_TITLE}: ${done} of ${total} exercises complete.`);
}

function validationSection(validation: StoredValidation): Element[] {
  const out: Element[] = [text(`**Last validation: ${STATUS_LABEL[validation.status]}**`, { spacing: 'Medium', separator: true })];
  for (const entry of validation.items) {
    out.push(text(`${entry.ok ? '✔️' : '✖️'} ${markdownText(entry.text, 600)}`, { spacing: 'Small' }));
    if (entry.fix !== undefined) out.push(text(`Fix: ${markdownText(entry.fix, 900)}`, { isSubtle: true, spacing: 'None' }));
  }
  return out;
}

function stepElements(exercise: LabExercise, params: LabParameters | undefined): Element[] {
  const values = placeholderValues(params);
  const out: Element[] = [text('**Steps**', { spacing: 'Medium' })];
  exercise.steps.forEach((step, i) => {
    out.push(text(`${i + 1}\\. ${prose(step.text, params)}`, { spacing: 'Small' }));
    if (step.settings !== undefined) {
      out.push({
        type: 'FactSet',
        facts: step.settings.map((s) => ({ title: plainText(s.name, 60), value: markdownText(fillPlaceholders(s.value, values), 200) })),
      });
    }
    // Plain text runs: the command copies exactly as written, `${environment}` included.
    if (step.command !== undefined) out.push(codeBlock(fillPlaceholders(step.command, values)));
  });
  return out;
}

export interface ExerciseCardOptions {
  /** A line above the exercise (e.g. "Exercise 2 done."); plain text, escaped here. */
  readonly notice?: string;
}

/** One exercise: goal, numbered steps with commands and settings, what done looks like, last validation, buttons. */
export function buildExerciseCard(content: LabContent, exercise: LabExercise, progress: LabProgress, options: ExerciseCardOptions = {}): AdaptiveCard {
  const total = content.exercises.length;
  const params = progress.params;
  const record = recordOf(progress, exercise.number);
  const body: Element[] = [];
  if (options.notice !== undefined) body.push(text(markdownText(options.notice, 500), { color: 'good', weight: 'Bolder' }));
  body.push(
    text(`Exercise ${exercise.number} of ${total} · ${recordLabel(record).label}`, { isSubtle: true, size: 'Small', spacing: 'None' }),
    text(trusted(exercise.title), { size: 'Large', weight: 'Bolder', spacing: 'None' }),
    text(`**Goal:** ${prose(exercise.goal, params)}`),
  );
  if (exercise.updated !== undefined) {
    body.push({ type: 'Container', style: 'accent', items: [text(`**${UPDATED_LABEL}** ${prose(exercise.updated, params)}`, { size: 'Small' })] });
  }
  body.push(...stepElements(exercise, params));
  body.push(text(`**Done when:** ${prose(exercise.done, params)}`, { spacing: 'Medium' }));
  body.push(
    text(
      exercise.validation.kind === 'azure'
        ? exercise.validation.blocking
          ? 'Press **Validate** and I check this against Azure.'
          : 'Press **Validate** for advice from the baseline checks; it never blocks the lab.'
        : 'Azure cannot see this one: press **Done** when it is true.',
      { isSubtle: true },
    ),
  );
  if (record.validation !== undefined) body.push(...validationSection(record.validation));
  const links = exercise.links.flatMap((l) => {
    const url = safeUrl(l.url);
    return url === undefined ? [] : [`[${trusted(l.title)}](${url})`];
  });
  if (links.length > 0) body.push(text(`Learn: ${links.join(' · ')}`, { size: 'Small', spacing: 'Medium' }));

  const data = { exercise: exercise.number };
  const actions: Element[] = [];
  if (exercise.validation.kind === 'azure') actions.push(submit(record.validation === undefined ? 'Validate' : 'Validate again', LAB_ACTIONS.validate, data));
  actions.push(submit(exercise.number === total ? 'Done — finish the lab' : 'Done', LAB_ACTIONS.done, data), submit('Skip', LAB_ACTIONS.skip, data));
  if (exercise.number > 1) actions.push(submit('Back', LAB_ACTIONS.back, data));
  actions.push(submit('Help', LAB_ACTIONS.help, data));
  return card(body, actions, `Lab exercise ${exercise.number} of ${total}: ${exercise.title}`);
}

/**
 * The answer to Validate: the exercise collapsed to its title, the result, and what to do next. On the current
 * exercise: Validate again, Done, Show the exercise (the steps), Skip; on an earlier one ("lab validate 3" while on
 * exercise 7): back to the current exercise.
 */
export function buildValidationCard(exercise: LabExercise, validation: StoredValidation, current: number, total: number): AdaptiveCard {
  const body: Element[] = [
    text(`Exercise ${exercise.number} of ${total}`, { isSubtle: true, size: 'Small', spacing: 'None' }),
    text(trusted(exercise.title), { size: 'Medium', weight: 'Bolder', spacing: 'None' }),
    ...validationSection(validation),
  ];
  const data = { exercise: exercise.number };
  const actions =
    exercise.number === current
      ? [
          submit('Validate again', LAB_ACTIONS.validate, data),
          submit(exercise.number === total ? 'Done — finish the lab' : 'Done', LAB_ACTIONS.done, data),
          submit('Show the exercise', LAB_ACTIONS.continue),
          submit('Skip', LAB_ACTIONS.skip, data),
        ]
      : [submit(`Back to exercise ${current}`, LAB_ACTIONS.continue)];
  return card(body, actions, `Validation of lab exercise ${exercise.number}: ${STATUS_LABEL[validation.status]}`);
}

export interface ParametersCardOptions {
  /** What was wrong with the last input (escaped here). */
  readonly problems?: readonly string[];
  /** What the learner typed last time, shown again so that a correction does not mean typing everything anew. */
  readonly typed?: Readonly<Record<string, unknown>>;
}

/** The parameters form, and the alternative: let the bot find the deployed workspace. */
export function buildParametersCard(params: LabParameters | undefined, options: ParametersCardOptions = {}): AdaptiveCard {
  const input = (id: (typeof PARAMETER_INPUTS)[number], label: string, placeholder: string, value: string | undefined): Element => ({
    type: 'Input.Text',
    id,
    label,
    placeholder,
    maxLength: 64,
    ...(value !== undefined ? { value: plainText(value, 64) } : {}),
  });
  const typedValue = (id: (typeof PARAMETER_INPUTS)[number]): string | undefined => {
    const value = options.typed?.[id];
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  };
  const shown = (id: (typeof PARAMETER_INPUTS)[number], fallback?: string): string | undefined => typedValue(id) ?? params?.[id] ?? fallback;
  const body: Element[] = [text('Lab parameters', { size: 'Large', weight: 'Bolder' })];
  if (options.problems !== undefined && options.problems.length > 0) {
    body.push(text('**Please fix:**', { color: 'attention' }), ...options.problems.map((p) => text(`• ${markdownText(p, 300)}`, { color: 'attention', spacing: 'None' })));
  }
  body.push(
    text('The values you put in config-infra-prod.yml in exercise 6. I derive the resource names from them the way the accelerator does.', { isSubtle: true }),
    input('subscriptionId', 'Subscription id', '00000000-0000-0000-0000-000000000000', shown('subscriptionId')),
    input('namespace', `namespace (${NAMESPACE_RULE})`, 'mlops', shown('namespace')),
    input('postfix', 'postfix (up to 4 digits)', '0001', shown('postfix')),
    input('location', 'location', 'eastus', shown('location', DEFAULT_LOCATION)),
    input('environment', 'environment', 'prod', shown('environment', DEFAULT_ENVIRONMENT)),
    input('computeCluster', 'compute cluster (training_target)', 'cpu-cluster', shown('computeCluster', DEFAULT_COMPUTE_CLUSTER)),
  );
  // Finding the workspace needs one field, not the form: its own card, opened from here.
  const findCard = {
    type: 'AdaptiveCard',
    body: [{ type: 'Input.Text', id: WORKSPACE_INPUT, label: 'Workspace name or resource id', placeholder: 'mlw-mlops-0001prod', maxLength: 400 }],
    actions: [submit('Find my workspace', LAB_ACTIONS.find)],
  };
  return card(body, [submit('Save parameters', LAB_ACTIONS.params), { type: 'Action.ShowCard', title: 'Or let me find my deployed workspace', card: findCard }], 'Lab parameters');
}

/** Several workspaces matched: the learner picks one (by index into the stored candidates). */
export function buildCandidatesCard(candidates: readonly WorkspaceRef[]): AdaptiveCard {
  const body: Element[] = [text('Several workspaces match. Which one did your pipeline deploy?', { weight: 'Bolder' })];
  const actions = candidates.map((c, index) => submit(plainText(`${c.name} (${c.resourceGroup})`, 60), LAB_ACTIONS.pick, { index }));
  return card(body, actions, 'Choose your lab workspace');
}

export function buildResetCard(): AdaptiveCard {
  return card(
    [text('Start the lab over?', { weight: 'Bolder' }), text('This clears your progress and your lab parameters. Your Azure resources are not touched.')],
    [submit('Yes, clear my lab progress', LAB_ACTIONS.reset, { confirm: true }), submit('No, continue', LAB_ACTIONS.continue)],
    'Reset the lab?',
  );
}

/** Help for one exercise, as Markdown text (our content; placeholders filled with escaped values). */
export function exerciseHelpText(exercise: LabExercise, params: LabParameters | undefined): string {
  const links = exercise.links.flatMap((l) => {
    const url = safeUrl(l.url);
    return url === undefined ? [] : [`[${trusted(l.title)}](${url})`];
  });
  return `**Help — exercise ${exercise.number}: ${trusted(exercise.title)}**\n\n${prose(exercise.help, params)}\n\nLearn: ${links.join(' · ')}`;
}

export const LAB_COMMANDS_TEXT = [
  'Lab commands: **start lab** (overview), **continue lab** / **where am I?** (current exercise), **lab status** (progress),',
  '**lab validate** (or **lab validate 3**), **lab done**, **lab skip**, **lab next**, **lab back**, **lab help**, **lab exercise 5**,',
  '**lab params subscription=… namespace=… postfix=… location=… environment=…**, **lab find ‹workspace name›**, **lab reset**.',
].join(' ');
