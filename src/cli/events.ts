/**
 * `guardian events <workspace id> [--queue-account <storage account id>] [--queue <name>] [--format text|json]`:
 * the exact setup of change alerts for a watched workspace — the pull path (nothing to deploy) and the push path
 * (infra/change-events.bicep with the subject prefixes this workspace needs) — then a check of what exists in
 * Azure, read through the same Azure composition as `guardian scan`. Exit codes: 0 the push path is set up,
 * 1 something is missing or cannot be checked, 2 usage, configuration or authentication error.
 */
import { CHANGE_POLL_DEFAULT_SECONDS, type Config } from '../config';
import { deploymentCommand, planEventSetup, type EventSetupPlan } from '../events/setup-plan';
import { isWithinScope, parseResourceId, parseWorkspaceId, ResourceIdError } from '../shared/resource-id';
import { loadCliConfig } from './cli-config';
import { parseCliOptions, stringOption } from './cli-options';
import { UsageError, type CliCommand, type CliIO, type ExitCode } from './command';
import type { SetupCheck, SetupState } from './events-check';
import { writeOut } from './report-io';

const USAGE = `Usage: guardian events <workspace resource id> [options]

Print the setup of change alerts for a watched workspace, then check it in Azure.

Two paths bring changes to the bot:
  pull  the Activity Log of the workspace's subscription, polled every GUARDIAN_CHANGE_POLL_SECONDS (60 s;
        5 s in local mode, which watches only the sample);
        nothing to deploy, the bot's Reader role is enough
  push  an Event Grid system topic on the subscription delivering the resource changes under the workspace's
        scopes to a Storage queue every bot instance consumes (infra/change-events.bicep)

Options:
  --queue-account <id>  resource id of the storage account holding the queue (checks the queues too)
  --queue <name>        queue name (default: GUARDIAN_EVENTS_QUEUE, or guardian-changes)
  --format <f>          text (default) or json

Signs in with DefaultAzureCredential (e.g. your az login), as guardian scan does.
Exit codes: 0 set up, 1 something is missing or cannot be checked, 2 usage, configuration or authentication error.`;

interface EventsArgs {
  readonly workspaceId: string;
  readonly queueAccountId: string | undefined;
  readonly queue: string | undefined;
  readonly format: 'text' | 'json';
}

const STORAGE_ACCOUNT = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Storage\/storageAccounts\/[a-z0-9]{3,24}$/i;

export function parseEventsArgs(args: readonly string[]): EventsArgs {
  const parsed = parseCliOptions(
    'events',
    args,
    {
      'queue-account': { type: 'string', value: 'a storage account resource id' },
      queue: { type: 'string', value: 'a queue name' },
      format: { type: 'string', choices: ['text', 'json'] },
    },
    true,
  );
  const [target, ...extra] = parsed.positionals;
  if (target === undefined) throw new UsageError('Name the workspace by its resource id.');
  if (extra.length > 0) throw new UsageError(`One workspace at a time (got also "${extra.join(' ')}").`);
  let workspaceId: string;
  try {
    workspaceId = parseWorkspaceId(target).id;
  } catch (e) {
    throw new UsageError(e instanceof ResourceIdError ? e.message : `"${target}" is not a workspace resource id.`, { cause: e });
  }
  const queueAccountId = stringOption(parsed, 'queue-account');
  if (queueAccountId !== undefined && !STORAGE_ACCOUNT.test(queueAccountId)) throw new UsageError(`--queue-account must be a storage account resource id (got "${queueAccountId}").`);
  return { workspaceId, queueAccountId, queue: stringOption(parsed, 'queue'), format: (stringOption(parsed, 'format') ?? 'text') as 'text' | 'json' };
}

/**
 * The poll interval of the bot this setup is for. `guardian events` usually runs without the bot's BOT_ID, so its
 * own configuration falls back to the local-mode default, which a deployed bot never uses: unless the interval is
 * set, or this is the bot's configuration, name the deployed default.
 */
export function pollIntervalText(config: Pick<Config, 'bot' | 'events'>): string {
  const seconds = config.events.pollSeconds;
  const configured = config.bot.id !== '' || seconds !== CHANGE_POLL_DEFAULT_SECONDS.localMode;
  if (configured) return `every ${seconds} s (GUARDIAN_CHANGE_POLL_SECONDS)`;
  return `every ${CHANGE_POLL_DEFAULT_SECONDS.deployed} s (a deployed bot's default, GUARDIAN_CHANGE_POLL_SECONDS; ${CHANGE_POLL_DEFAULT_SECONDS.localMode} s in local mode)`;
}

const STATE_LABELS: Readonly<Record<SetupState, string>> = { ok: 'ok', missing: 'MISSING', 'cannot check': 'CANNOT CHECK' };
const LABEL_WIDTH = Math.max(...Object.values(STATE_LABELS).map((l) => l.length));

export function renderEventsText(plan: EventSetupPlan, config: Config, checks: readonly SetupCheck[]): string {
  const lines = [
    `Change alerts for ${plan.workspaceId}`,
    '',
    `Pull (nothing to deploy): the bot reads the Activity Log of subscription ${plan.subscriptionId}`,
    `${pollIntervalText(config)}; its identity needs Microsoft.Insights/eventtypes/values/read there (Reader has it).`,
    '',
    `Push: deploy into a resource group of subscription ${plan.subscriptionId}:`,
    '',
    ...deploymentCommand(plan).split('\n').map((l) => `  ${l}`),
    '',
    'Roles it assigns: the system topic\'s identity gets Storage Queue Data Message Sender on the queue; the bot\'s',
    `identity gets Storage Queue Data Message Processor on ${plan.queueName} and Storage Queue Data Message Sender on ${plan.poisonQueueName}.`,
    '',
    'then set on the bot (the deployment prints the URL as the output queueServiceUrl):',
    '  GUARDIAN_EVENTS_QUEUE_URL=<queueServiceUrl>',
    `  GUARDIAN_EVENTS_QUEUE=${plan.queueName}`,
    '',
    'Subjects delivered (the workspace\'s resource groups and the settings above them its checks read):',
    ...plan.subjectPrefixes.map((p) => `  ${p}`),
    ...(plan.otherSubscriptions.length > 0 ? ['', `Linked resources in other subscriptions (${plan.otherSubscriptions.join(', ')}): deploy there too for their changes.`] : []),
    '',
    'Check:',
    ...checks.map((c) => `  ${STATE_LABELS[c.state].padEnd(LABEL_WIDTH)}  ${c.item}: ${c.detail}`),
  ];
  return `${lines.join('\n')}\n`;
}

export const eventsCommand: CliCommand = {
  name: 'events',
  summary: 'Print and check the setup of change alerts for a workspace',
  usage: USAGE,
  async run(args: readonly string[], io: CliIO): Promise<ExitCode> {
    // A UsageError goes to runCli, which prints it with the usage text and exits 2, as for every command.
    const options = parseEventsArgs(args);
    const config = loadCliConfig(io);
    if (config === undefined) return 2;
    // The same scope rule as guardian scan: outside GUARDIAN_ALLOWED_SCOPES, nothing is read.
    const scopes = config.azure.allowedScopes;
    const outside = [options.workspaceId, ...(options.queueAccountId !== undefined ? [options.queueAccountId] : [])].find((id) => scopes.length > 0 && !scopes.some((s) => isWithinScope(id, s)));
    if (outside !== undefined) {
      io.stderr.write(`guardian events: ${parseResourceId(outside).id} is outside the scopes this identity may read (GUARDIAN_ALLOWED_SCOPES).\n`);
      return 2;
    }
    // Loaded on use, as for `guardian scan`: the Azure SDK is not needed for --help or the other commands.
    const [{ createAzureAccess, signedInScopePolicy }, { readWorkspace }, { checkEventSetup }, { describeCredentialError, isCredentialError }, { isRestError }] = await Promise.all([
      import('../scan/azure-access.js'),
      import('../azure/reads.js'),
      import('./events-check.js'),
      import('../azure/credentials.js'),
      import('@azure/core-rest-pipeline'),
    ]);
    const { clients } = createAzureAccess(config, { allowedScopes: signedInScopePolicy(config) });
    const signal = AbortSignal.timeout(config.azure.scanTimeoutMs);
    try {
      const workspace = await readWorkspace(clients, options.workspaceId, signal);
      const plan = planEventSetup(workspace.id, [workspace.storageAccountId, workspace.keyVaultId, workspace.containerRegistryId, workspace.applicationInsightsId], options.queue ?? config.events.queue?.name ?? 'guardian-changes');
      const checks = await checkEventSetup(clients.raw, plan, options.queueAccountId, signal);
      await writeOut(io, options.format === 'json' ? `${JSON.stringify({ plan, deployment: deploymentCommand(plan), checks }, null, 2)}\n` : renderEventsText(plan, config, checks));
      return checks.every((c) => c.ok) ? 0 : 1;
    } catch (e) {
      const message = isCredentialError(e) ? describeCredentialError(e) : isRestError(e) ? `reading ${options.workspaceId} failed: ${e.message}` : undefined;
      if (message === undefined) throw e;
      io.stderr.write(`guardian events: ${message}\n`);
      return 2;
    }
  },
};
