/**
 * The help card: every command with an example, and buttons that run the most common ones. Plain Adaptive Card
 * 1.5 JSON (no templating), because its only variable part is an optional intro line the bot writes itself.
 */
import { executeButton } from '../cards/actions';
import type { VerbHandlers, VerbOf } from '../routing/actions/declare';
import { WELCOME_ACTIONS } from '../routing/actions/welcome';
import type { AdaptiveCard, TurnPort } from './port';

export interface HelpCommand {
  /** What the user types (an example, with placeholders in angle brackets). */
  readonly example: string;
  readonly description: string;
}

export const HELP_COMMANDS: readonly HelpCommand[] = [
  { example: 'scan sample', description: 'Check the built-in sample workspace (no Azure needed).' },
  { example: 'scan ‹workspace›', description: 'Check a workspace by name or resource id against the baseline.' },
  { example: 'check rbac on ‹workspace id›', description: 'Run only the checks of one area (rbac, network, encryption, logging…).' },
  { example: 'defender status for subscription ‹id›', description: 'Show the Defender for Cloud plans of a subscription.' },
  { example: 'checks', description: 'List every check I run, by category.' },
  { example: 'start workshop', description: 'Walk through the 25 workshop questions, category by category.' },
  { example: 'my baseline', description: 'See your workshop progress and answers so far.' },
  { example: 'start lab', description: 'Start the guided lab, exercise by exercise.' },
  { example: 'lab status', description: 'Show where you are in the lab and how many exercises are complete.' },
  { example: 'lab validate', description: 'Check the current lab exercise against your Azure resources.' },
  { example: 'watch ‹workspace› daily at 08:00', description: 'Scan on a schedule and post here when findings change.' },
  { example: 'watch ‹workspace› every 6 hours with a weekly digest', description: 'Also post a weekly summary, changed or not.' },
  { example: 'unwatch ‹workspace›', description: 'Stop watching a workspace.' },
  { example: 'what do we watch?', description: 'List the watches of this conversation.' },
  { example: 'link this channel to ‹scope›', description: 'Allow this team to scan a subscription or resource group.' },
  { example: 'How do I restrict outbound traffic?', description: 'Ask any question about the Azure ML security baseline.' },
  { example: 'reset', description: 'Delete what I keep for this chat (last scan, workshop, file offers, watches; your lab progress in a personal chat). I ask first.' },
];

/**
 * Buttons on the welcome and help cards. Each verb stands for a command the user could have typed; the bot
 * treats a click exactly like that message, so one code path serves both.
 */
export const QUICK_ACTIONS: VerbHandlers<typeof WELCOME_ACTIONS, { readonly title: string; readonly text: string }> = {
  [WELCOME_ACTIONS.workshop]: { title: 'Start the workshop', text: 'start workshop' },
  [WELCOME_ACTIONS.scan]: { title: 'Scan the sample', text: 'scan sample' },
  [WELCOME_ACTIONS.lab]: { title: 'Start the lab', text: 'start lab' },
  [WELCOME_ACTIONS.help]: { title: 'Help', text: 'help' },
};

type QuickVerb = VerbOf<typeof WELCOME_ACTIONS>;

function isQuickVerb(verb: string): verb is QuickVerb {
  return Object.prototype.hasOwnProperty.call(QUICK_ACTIONS, verb);
}

export function quickActionText(verb: string): string | undefined {
  return isQuickVerb(verb) ? QUICK_ACTIONS[verb].text : undefined;
}

export function quickActionButtons(verbs: readonly QuickVerb[]): Record<string, unknown>[] {
  return verbs.map((verb) => ({ ...executeButton(QUICK_ACTIONS[verb].title, verb) }));
}

export interface HelpCardOptions {
  /** A line above the command list, e.g. when the bot did not understand the message. Plain text, not user input. */
  readonly intro?: string;
}

export function buildHelpCard(options: HelpCardOptions = {}): AdaptiveCard {
  const body: Record<string, unknown>[] = [];
  if (options.intro !== undefined) body.push({ type: 'TextBlock', text: options.intro, wrap: true });
  body.push(
    { type: 'TextBlock', text: 'What I can do', size: 'Large', weight: 'Bolder', wrap: true },
    {
      type: 'TextBlock',
      text: 'In a channel or group chat, @mention me first. Words in ‹brackets› are yours to fill in.',
      wrap: true,
      isSubtle: true,
    },
    { type: 'FactSet', facts: HELP_COMMANDS.map((c) => ({ title: c.example, value: c.description })) },
  );
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    actions: quickActionButtons([WELCOME_ACTIONS.scan, WELCOME_ACTIONS.workshop, WELCOME_ACTIONS.lab]),
  };
}

const HELP_SUMMARY = 'Baseline Guardian: commands';
const NOT_UNDERSTOOD = 'I did not catch that. Here is what I can do:';

/** The `help` command: the help card. */
export async function showHelp(port: TurnPort): Promise<void> {
  await port.sendCard(buildHelpCard(), HELP_SUMMARY);
}

/** The answer when nothing applies to a message: the help card, under "I did not catch that". */
export async function showNotUnderstood(port: TurnPort): Promise<void> {
  await port.sendCard(buildHelpCard({ intro: NOT_UNDERSTOOD }), HELP_SUMMARY);
}
