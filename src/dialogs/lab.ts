/**
 * The guided lab: an overview, then one exercise at a time, validated against Azure where Azure can tell.
 *
 * The feature only takes messages that are lab commands (the router's `command: 'lab'`), or the one text reply it
 * asked for (parameters, a workspace name). Everything else — "what is a service principal?" in the middle of
 * exercise 3 — goes on to the other features, and the learner's place is untouched because it lives in the
 * store (`lab/<userId>`), not in a dialog stack.
 */
import { markdownText } from '../cards/escape';
import type { LabContent, LabExercise } from '../knowledge/lab-content';
import { namingFromWorkspaceName } from '../lab/naming';
import { looksLikeParameters, parseParameterText, validateParameters, type LabParameters } from '../lab/parameters';
import {
  LabProgressConflictError,
  LabProgressStore,
  awaiting,
  completedCount,
  moveTo,
  newProgress,
  recordOf,
  withCandidates,
  withOutcome,
  withParams,
  withValidation,
  type LabProgress,
} from '../lab/progress';
import { cannotValidate, type LabValidationResult } from '../lab/result';
import type { LabValidationService } from '../lab/validation-service';
import type { WorkspaceRef } from '../shared/workspace';
import type { GuardianStore } from '../storage/store';
import { dispatchAction, type ActionHandler, type ActionHandlers } from './action-handlers';
import type { ActionResult, CardAction, Feature, IncomingMessage, TurnCommandHandlers } from './feature';
import {
  LAB_COMMANDS_TEXT,
  PARAMETER_INPUTS,
  WORKSPACE_INPUT,
  buildCandidatesCard,
  buildExerciseCard,
  buildOverviewCard,
  buildParametersCard,
  buildResetCard,
  buildValidationCard,
  exerciseHelpText,
  parametersButtonTitle,
} from './lab-cards';
import { parseLabCommand, type LabCommand } from '../lab/commands';
import type { AdaptiveCard, ConversationInfo, TurnPort } from './port';
import { LAB_ACTIONS } from '../routing/actions/lab';
import { errorMessage } from '../shared/error-message';

export interface LabFeatureOptions {
  readonly content: LabContent;
  readonly store: GuardianStore;
  /**
   * Validation against Azure. The product passes a function: each operation gets a service over a guarded Azure
   * handle for the conversation and user asking (src/security/guarded-azure.ts), so the lab reads nothing the
   * scan guard would refuse and spends the same budgets as a scan.
   */
  readonly validation: LabValidationService | ((conversation: ConversationInfo) => LabValidationService);
  readonly now?: () => Date;
}

/** What one lab operation answers; the message path sends it, the action path returns it. */
type Reply = { readonly kind: 'card'; readonly card: AdaptiveCard } | { readonly kind: 'text'; readonly text: string };

const MAX_CANDIDATES = 5;
const WORKSPACE_TARGET = /^(\/subscriptions\/\S+|[A-Za-z0-9][A-Za-z0-9_.-]{2,62})$/;

export function createLabFeature(options: LabFeatureOptions): Feature & { readonly commands: Pick<TurnCommandHandlers, 'lab'> } {
  const { content } = options;
  const validationFor = (port: TurnPort): LabValidationService => (typeof options.validation === 'function' ? options.validation(port.conversation) : options.validation);
  const total = content.exercises.length;
  const progressStore = new LabProgressStore(options.store, total);
  const clock = options.now ?? (() => new Date());
  const now = (): string => clock().toISOString();

  const cardReply = (card: AdaptiveCard): Reply => ({ kind: 'card', card });
  const textReply = (text: string): Reply => ({ kind: 'text', text });
  const exerciseOf = (n: number): LabExercise => {
    const exercise = content.exercise(n);
    if (exercise === undefined) throw new Error(`lab content has no exercise ${n}`);
    return exercise;
  };

  /** Loads, applies `change`, saves with the loaded eTag; a concurrent write becomes a polite retry message. */
  async function update(userId: string, change: (p: LabProgress) => Promise<{ progress: LabProgress; reply: Reply }> | { progress: LabProgress; reply: Reply }, create = true): Promise<Reply> {
    const loaded = await progressStore.load(userId);
    if (loaded.progress === undefined && !create) return textReply('You have not started the lab yet. Type **start lab** to begin.');
    const before = loaded.progress ?? newProgress(now());
    const { progress, reply } = await change(before);
    if (progress !== before || loaded.progress === undefined) {
      try {
        await progressStore.save(userId, progress, loaded.eTag);
      } catch (error) {
        if (error instanceof LabProgressConflictError) return textReply('Your lab progress changed at the same moment (a second click?). Please try again.');
        throw error;
      }
    }
    return reply;
  }

  async function runValidation(port: TurnPort, exercise: LabExercise, params: LabParameters | undefined): Promise<LabValidationResult> {
    if (exercise.validation.kind !== 'azure') return cannotValidate('this exercise is not validated against Azure.');
    if (params === undefined) {
      return cannotValidate('I do not know your lab parameters yet.', `Press "${parametersButtonTitle(params)}" on the overview (lab status), type "lab params subscription=… namespace=… postfix=… location=… environment=…", or "lab find <workspace name>".`);
    }
    await port.typing();
    try {
      return await validationFor(port).validate(exercise.validation.validator, params);
    } catch (error) {
      // The service promises not to throw; a broken one still must not crash the conversation.
      return cannotValidate(errorMessage(error));
    }
  }

  const showExercise = (p: LabProgress, notice?: string): Reply => cardReply(buildExerciseCard(content, exerciseOf(p.current), p, notice !== undefined ? { notice } : {}));

  /** Moves past the current exercise: the next one, or the overview when the lab is finished. */
  function advance(p: LabProgress, notice: string): { progress: LabProgress; reply: Reply } {
    if (p.current >= total) {
      const title = completedCount(p, total) === total ? 'Lab complete' : 'End of the lab: some exercises are still open';
      return { progress: p, reply: cardReply(buildOverviewCard(content, p, { title, notice })) };
    }
    const moved = moveTo(p, p.current + 1, now());
    return { progress: moved, reply: showExercise(moved, notice) };
  }

  async function validateExercise(port: TurnPort, userId: string, n: number): Promise<Reply> {
    if (!Number.isInteger(n) || n < 1 || n > total) return textReply(`The lab has exercises 1 to ${total}.`);
    const exercise = exerciseOf(n);
    if (exercise.validation.kind !== 'azure') {
      return textReply(`Exercise ${n} (${exercise.title}) is about things Azure cannot see: press **Done** on its card when it is true.`);
    }
    return update(userId, async (p) => {
      const result = await runValidation(port, exercise, p.params);
      const validated = withValidation(p, n, result, now());
      const record = recordOf(validated, n).validation;
      if (record === undefined) return { progress: validated, reply: showExercise(validated) };
      // The result, with the exercise collapsed to its title: the steps are one click away.
      return { progress: validated, reply: cardReply(buildValidationCard(exercise, record, validated.current, total)) };
    });
  }

  async function done(port: TurnPort, userId: string): Promise<Reply> {
    return update(userId, async (p) => {
      const exercise = exerciseOf(p.current);
      if (exercise.validation.kind === 'confirm') return advance(withOutcome(p, p.current, 'done', now()), `Exercise ${p.current} done.`);
      if (!exercise.validation.blocking) return advance(withOutcome(p, p.current, recordOf(p, p.current).outcome ?? 'done', now()), `Exercise ${p.current} done.`);
      const last = recordOf(p, p.current).validation?.status;
      if (last === 'passed' || last === 'warning') return advance(withOutcome(p, p.current, 'validated', now()), `Exercise ${p.current} validated.`);
      // "Done" on an exercise Azure can see means: check it now.
      const result = await runValidation(port, exercise, p.params);
      const validated = withValidation(p, p.current, result, now());
      if (result.status === 'passed' || result.status === 'warning') return advance(validated, `Exercise ${p.current} validated.`);
      if (result.status === 'cannot_validate') return advance(withOutcome(validated, p.current, 'done', now()), `Exercise ${p.current} marked done by you; I could not validate it yet (type "lab validate ${p.current}" later).`);
      return { progress: validated, reply: showExercise(validated, `Not done yet: exercise ${p.current} did not pass validation. See what is missing below, fix it, and validate again (or skip).`) };
    });
  }

  async function applyParameters(userId: string, input: Readonly<Record<string, unknown>>, via: 'card' | 'text'): Promise<Reply> {
    return update(userId, (p) => {
      const result = validateParameters(input, p.params);
      if (!result.ok) {
        const reply: Reply = via === 'card' ? cardReply(buildParametersCard(p.params, { problems: result.problems, typed: input })) : textReply(`Those parameters need fixing:\n\n${result.problems.map((x) => `- ${markdownText(x, 300)}`).join('\n')}`);
        // A typed reply may be corrected by typing again; a card keeps its own form.
        return { progress: via === 'text' && p.awaiting !== 'parameters' ? awaiting(p, 'parameters', now()) : p, reply };
      }
      const saved = withParams(p, result.value, now());
      return { progress: saved, reply: showExercise(saved, 'Lab parameters saved.') };
    });
  }

  function paramsFromWorkspace(ref: WorkspaceRef, known: LabParameters | undefined): LabParameters {
    const naming = namingFromWorkspaceName(ref.name);
    return {
      subscriptionId: ref.subscriptionId.toLowerCase(),
      location: ref.location,
      workspaceId: ref.id,
      ...(naming !== undefined ? naming : {}),
      ...(known?.computeCluster !== undefined ? { computeCluster: known.computeCluster } : {}),
    };
  }

  async function find(port: TurnPort, userId: string, target: string): Promise<Reply> {
    const trimmed = target.trim();
    if (trimmed === '') {
      return update(userId, (p) => ({ progress: awaiting(p, 'workspace', now()), reply: textReply('Which workspace did your pipeline deploy? Type its name (for example mlw-mlops-0001prod) or its resource id.') }));
    }
    if (!WORKSPACE_TARGET.test(trimmed)) return textReply('That does not look like a workspace name or resource id.');
    await port.typing();
    const resolution = await validationFor(port).find(trimmed);
    return update(userId, (p) => {
      switch (resolution.kind) {
        case 'found': {
          const saved = withParams(p, paramsFromWorkspace(resolution.workspace, p.params), now());
          return { progress: saved, reply: showExercise(saved, `Found workspace ${resolution.workspace.name} in ${resolution.workspace.resourceGroup}; I validate against it from now on.`) };
        }
        case 'ambiguous': {
          const candidates = resolution.candidates.slice(0, MAX_CANDIDATES);
          return { progress: withCandidates(awaiting(p, undefined, now()), candidates, now()), reply: cardReply(buildCandidatesCard(candidates)) };
        }
        case 'not_found':
          return { progress: p, reply: textReply(`I could not find the workspace ${markdownText(trimmed, 100)}: ${markdownText(resolution.message, 300)}`) };
      }
    });
  }

  async function command(port: TurnPort, cmd: LabCommand): Promise<Reply> {
    const userId = port.conversation.userId;
    switch (cmd.kind) {
      case 'start':
        return update(userId, (p) => ({ progress: p, reply: cardReply(buildOverviewCard(content, p)) }));
      case 'status':
        return update(userId, (p) => ({ progress: p, reply: cardReply(buildOverviewCard(content, p, { title: 'Your lab progress' })) }), false);
      case 'continue':
        return update(userId, (p) => ({ progress: p, reply: showExercise(p, `You are on exercise ${p.current} of ${total}.`) }));
      case 'validate':
        return validateExerciseOrCurrent(port, userId, cmd.exercise);
      case 'done':
        return done(port, userId);
      case 'skip':
        return update(userId, (p) => advance(recordOf(p, p.current).outcome === undefined ? withOutcome(p, p.current, 'skipped', now()) : p, `Exercise ${p.current} skipped; you can come back to it with "lab exercise ${p.current}".`), false);
      case 'next':
        return update(userId, (p) => (p.current >= total ? { progress: p, reply: cardReply(buildOverviewCard(content, p)) } : { progress: moveTo(p, p.current + 1, now()), reply: showExercise(moveTo(p, p.current + 1, now())) }), false);
      case 'back':
        return update(userId, (p) => (p.current <= 1 ? { progress: p, reply: textReply('This is the first exercise.') } : { progress: moveTo(p, p.current - 1, now()), reply: showExercise(moveTo(p, p.current - 1, now())) }), false);
      case 'help':
        return update(userId, (p) => ({ progress: p, reply: textReply(exerciseHelpText(exerciseOf(p.current), p.params)) }));
      case 'goto':
        if (cmd.exercise < 1 || cmd.exercise > total) return textReply(`The lab has exercises 1 to ${total}.`);
        return update(userId, (p) => ({ progress: moveTo(p, cmd.exercise, now()), reply: showExercise(moveTo(p, cmd.exercise, now())) }));
      case 'params': {
        if (cmd.text.trim() === '') return update(userId, (p) => ({ progress: awaiting(p, 'parameters', now()), reply: cardReply(buildParametersCard(p.params)) }));
        const parsed = parseParameterText(cmd.text);
        if (parsed.unknown.length > 0) return textReply(`I do not know the parameter(s) ${parsed.unknown.map((u) => markdownText(u, 40)).join(', ')}. Use subscription, namespace, postfix, location, environment, computeCluster.`);
        return applyParameters(userId, parsed.values, 'text');
      }
      case 'find':
        return find(port, userId, cmd.target);
      case 'pause':
        return update(userId, (p) => ({ progress: p, reply: textReply(`Your lab progress is saved (you are on exercise ${p.current} of ${total}). Type **continue lab** whenever you want to pick up again.`) }), false);
      case 'reset':
        return cardReply(buildResetCard());
      case 'unknown':
        return textReply(LAB_COMMANDS_TEXT);
    }
  }

  async function validateExerciseOrCurrent(port: TurnPort, userId: string, n: number | undefined): Promise<Reply> {
    if (n !== undefined) return validateExercise(port, userId, n);
    const loaded = await progressStore.load(userId);
    return validateExercise(port, userId, loaded.progress?.current ?? 1);
  }

  async function send(port: TurnPort, reply: Reply): Promise<void> {
    if (reply.kind === 'card') await port.sendCard(reply.card);
    else await port.sendText(reply.text);
  }

  /** The text reply the lab asked for, if this message is one. */
  async function awaitedReply(port: TurnPort, message: IncomingMessage): Promise<LabCommand | undefined> {
    if (message.route.intent === 'command') return undefined;
    const { progress } = await progressStore.load(port.conversation.userId);
    const text = message.text.trim();
    if (progress?.awaiting === 'parameters' && looksLikeParameters(text)) return { kind: 'params', text };
    if (progress?.awaiting === 'workspace' && WORKSPACE_TARGET.test(text) && (/[-\d]/.test(text) || text.startsWith('/'))) return { kind: 'find', target: text };
    return undefined;
  }

  /** Card button data: the exercise must be a whole number in range and the learner's current exercise. */
  async function checkExerciseData(userId: string, data: Readonly<Record<string, unknown>>): Promise<string | undefined> {
    const n = data.exercise;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > total) return 'That button carries no valid exercise number. Type **continue lab** to see where you are.';
    const { progress } = await progressStore.load(userId);
    if (progress === undefined) return 'You have not started the lab yet. Type **start lab** to begin.';
    if (progress.current !== n) return `That card is for exercise ${n}, but you are on exercise ${progress.current}. Type **continue lab** to see it.`;
    return undefined;
  }

  /** Exercise buttons carry the exercise they were shown with: it must still be the learner's current one. */
  const exerciseStep =
    (kind: 'validate' | 'done' | 'skip' | 'back' | 'next' | 'help'): ActionHandler<Reply> =>
    async (port, act) => {
      const problem = await checkExerciseData(port.conversation.userId, act.data);
      if (problem !== undefined) return textReply(problem);
      const exercise = act.data.exercise;
      if (kind !== 'validate') return command(port, { kind });
      // checkExerciseData has made sure it is the current exercise's number.
      return typeof exercise === 'number' ? command(port, { kind, exercise }) : command(port, { kind: 'continue' });
    };

  /** One handler per button of the lab cards. */
  const actions: ActionHandlers<typeof LAB_ACTIONS, Reply> = {
    [LAB_ACTIONS.start]: (port) => command(port, { kind: 'start' }),
    [LAB_ACTIONS.status]: (port) => command(port, { kind: 'status' }),
    [LAB_ACTIONS.continue]: (port) => command(port, { kind: 'continue' }),
    [LAB_ACTIONS.showParams]: (port) => command(port, { kind: 'params', text: '' }),
    [LAB_ACTIONS.validate]: exerciseStep('validate'),
    [LAB_ACTIONS.done]: exerciseStep('done'),
    [LAB_ACTIONS.skip]: exerciseStep('skip'),
    [LAB_ACTIONS.back]: exerciseStep('back'),
    [LAB_ACTIONS.next]: exerciseStep('next'),
    [LAB_ACTIONS.help]: exerciseStep('help'),
    [LAB_ACTIONS.params]: (port, act) => {
      const input: Record<string, unknown> = {};
      for (const key of PARAMETER_INPUTS) if (act.data[key] !== undefined) input[key] = act.data[key];
      return applyParameters(port.conversation.userId, input, 'card');
    },
    [LAB_ACTIONS.find]: (port, act) => {
      const target = act.data[WORKSPACE_INPUT];
      if (typeof target !== 'string' || target.trim() === '') return Promise.resolve(textReply('Type the workspace name or resource id in the field, then press **Find my workspace**.'));
      return find(port, port.conversation.userId, target);
    },
    [LAB_ACTIONS.pick]: (port, act) => {
      const index = act.data.index;
      return update(
        port.conversation.userId,
        (p) => {
          const chosen = typeof index === 'number' && Number.isInteger(index) ? p.candidates?.[index] : undefined;
          if (chosen === undefined) return { progress: p, reply: textReply('That choice is no longer offered. Type **lab find ‹workspace name›** again.') };
          const saved = withParams(p, paramsFromWorkspace(chosen, p.params), now());
          return { progress: saved, reply: showExercise(saved, `Using workspace ${chosen.name} in ${chosen.resourceGroup}.`) };
        },
        false,
      );
    },
    [LAB_ACTIONS.reset]: async (port, act) => {
      if (act.data.confirm !== true) return textReply('Nothing was reset.');
      await progressStore.remove(port.conversation.userId);
      return textReply('Your lab progress is cleared. Type **start lab** to begin again.');
    },
  };
  const action = dispatchAction(actions, () => textReply('That lab action is not known (an old card?). Type **continue lab** to see where you are.'));

  return {
    name: 'lab',

    commands: {
      lab: async ({ args }, { port }) => send(port, await command(port, parseLabCommand(args))),
    },

    /** The input the lab asked for (its parameters, the workspace to find), typed as free text. */
    async onFreeText(port: TurnPort, message: IncomingMessage): Promise<boolean> {
      const cmd = await awaitedReply(port, message);
      if (cmd === undefined) return false;
      await send(port, await command(port, cmd));
      return true;
    },

    async onAction(port: TurnPort, act: CardAction): Promise<ActionResult> {
      const reply = await action(port, act);
      return reply.kind === 'card' ? { kind: 'card', card: reply.card } : { kind: 'text', text: reply.text };
    },
  };
}
