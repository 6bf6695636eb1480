/**
 * The only reader of `process.env`. Reads the Teams Toolkit names plus the project's own, validates them once,
 * and reports every problem at the same time (not one per restart).
 */
import * as fs from 'node:fs';
import { isIP } from 'node:net';
import * as path from 'node:path';
import { isGuid, parseResourceId, ResourceIdError } from './shared/resource-id';

export type BotType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMsi';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type StoreKind = 'sqlite' | 'blob' | 'memory';
export type AuthMode = 'bot' | 'user';

export interface Config {
  readonly port: number;
  /**
   * Interface the HTTP server listens on; undefined = all interfaces. Defaults to 127.0.0.1 in local mode (no
   * BOT_ID: no token check, so only this machine may reach it) and to all interfaces with a BOT_ID (App Service).
   */
  readonly listenHost: string | undefined;
  readonly logLevel: LogLevel;
  readonly bot: {
    /** Empty: local mode, no token check (like the Bot Framework Emulator). */
    readonly id: string;
    readonly password: string;
    readonly type: BotType;
    readonly tenantId: string;
  };
  /**
   * Bot Framework channels (activity `channelId`) the bot talks to; undefined = any (local mode without a list).
   * With a BOT_ID only `msteams`: other channels' clients (Web Chat, Direct Line) write `channelData` themselves,
   * and the tenant, team and channel the guard relies on come from it.
   */
  readonly allowedChannels: readonly string[] | undefined;
  readonly state: {
    readonly store: StoreKind;
    readonly dir: string;
    /** Azure Blob Storage for scale-out: a connection string (Azurite) or an account URL (managed identity). */
    readonly blobConnectionString: string;
    readonly blobAccountUrl: string;
    readonly blobContainer: string;
  };
  readonly azure: {
    readonly armEndpoint: string;
    readonly authorityHost: string;
    /** Scopes the bot identity may scan; empty means only the sample environment. */
    readonly allowedScopes: readonly string[];
    /** Tenants whose users may talk to the bot; empty means BOT_TENANT_ID (or any, in local mode only). */
    readonly allowedTenants: readonly string[];
    readonly authMode: AuthMode;
    /** Managed identity client id for DefaultAzureCredential (user-assigned MI). */
    readonly managedIdentityClientId: string;
    readonly scanTimeoutMs: number;
    readonly armConcurrency: number;
  };
  readonly sso: {
    readonly oauthConnectionName: string;
    readonly botDomain: string;
  };
  readonly events: {
    /** Seconds between Activity Log polls per watched subscription (GUARDIAN_CHANGE_POLL_SECONDS; 5 in local mode, else 60). */
    readonly pollSeconds: number;
    /**
     * The Event Grid queue every instance consumes, when configured: a connection string
     * (GUARDIAN_EVENTS_QUEUE_CONNECTION_STRING, SharedKey) or the queue service URL (GUARDIAN_EVENTS_QUEUE_URL,
     * managed identity), and the queue's name (GUARDIAN_EVENTS_QUEUE, default guardian-changes; poison `<name>-poison`).
     */
    readonly queue?: { readonly connectionString: string; readonly serviceUrl: string; readonly name: string };
  };
  /** Bearer secret for POST /api/notifications/run; the route is off when empty. */
  readonly adminToken: string;
  /** Accepted risk: how long an exception may last, who may accept, how early its owner is reminded. */
  readonly exceptions: {
    readonly maxDays: number;
    readonly approvers: ExceptionApprovers;
    readonly remindDays: number;
  };
  readonly version: string;
}

/** Who may accept a risk: team owners (default), anyone in the conversation, or holders of an Azure role (user-delegated mode). */
export type ExceptionApprovers = { readonly kind: 'team-owners' } | { readonly kind: 'anyone' } | { readonly kind: 'azure-role'; readonly role: string };

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: Env = process.env, version = readPackageVersion()): Config {
  const problems: string[] = [];
  const str = (name: string, fallback = ''): string => (env[name] ?? fallback).trim();
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = str(name);
    if (raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
      return fallback;
    }
    return n;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T, caseInsensitive = false): T => {
    const raw = str(name);
    if (raw === '') return fallback;
    const hit = allowed.find((a) => (caseInsensitive ? a.toLowerCase() === raw.toLowerCase() : a === raw));
    if (hit === undefined) problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}").`);
    return hit ?? fallback;
  };
  const list = (name: string): string[] =>
    str(name)
      .split(/[,;\s]+/)
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  const httpsUrl = (name: string, fallback: string): string => {
    const raw = str(name, fallback).replace(/\/+$/, '');
    try {
      const u = new URL(raw);
      if (u.protocol !== 'https:') problems.push(`${name} must be an https:// URL (got "${raw}").`);
    } catch {
      problems.push(`${name} is not a URL (got "${raw}").`);
    }
    return raw;
  };

  const port = int('PORT', 3978, 0, 65535);
  const logLevel = oneOf('LOG_LEVEL', LOG_LEVELS, 'info');
  const botId = str('BOT_ID');
  const botPassword = str('BOT_PASSWORD');
  const botType = oneOf<BotType>('BOT_TYPE', ['MultiTenant', 'SingleTenant', 'UserAssignedMsi'], 'MultiTenant', true);
  const botTenantId = str('BOT_TENANT_ID');
  if (botId !== '' && !isGuid(botId)) problems.push(`BOT_ID must be the bot's Microsoft App ID (a GUID).`);
  if (botTenantId !== '' && !isGuid(botTenantId)) problems.push('BOT_TENANT_ID must be a tenant id (a GUID).');
  if (botId !== '') {
    if (botType === 'UserAssignedMsi' && botPassword !== '') problems.push('BOT_PASSWORD must be empty when BOT_TYPE is UserAssignedMsi.');
    if (botType !== 'MultiTenant' && botTenantId === '') problems.push(`BOT_TENANT_ID is required when BOT_TYPE is ${botType}.`);
    // A MultiTenant registration accepts tokens for any tenant: without a list, anyone in any Microsoft 365
    // organization who installs the app could talk to the bot. Checked below, once the tenant list is parsed.
    if (botType !== 'UserAssignedMsi' && botPassword === '') problems.push(`BOT_PASSWORD is required when BOT_ID is set and BOT_TYPE is ${botType}.`);
  } else if (botPassword !== '') {
    problems.push('BOT_PASSWORD is set but BOT_ID is empty.');
  }

  const store = oneOf<StoreKind>('GUARDIAN_STORE', ['sqlite', 'blob', 'memory'], 'sqlite');
  const blobConnectionString = str('GUARDIAN_BLOB_CONNECTION_STRING');
  const blobAccountUrl = str('GUARDIAN_BLOB_ACCOUNT_URL');
  if (store === 'blob' && blobConnectionString === '' && blobAccountUrl === '') {
    problems.push('GUARDIAN_STORE=blob needs GUARDIAN_BLOB_CONNECTION_STRING or GUARDIAN_BLOB_ACCOUNT_URL.');
  }
  const blobContainer = str('GUARDIAN_BLOB_CONTAINER', 'guardian-state');
  if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(blobContainer)) problems.push('GUARDIAN_BLOB_CONTAINER is not a valid container name.');

  const allowedScopes = list('GUARDIAN_ALLOWED_SCOPES');
  for (const scope of allowedScopes) {
    try {
      parseResourceId(scope);
    } catch (e) {
      problems.push(`GUARDIAN_ALLOWED_SCOPES: "${scope}": ${e instanceof ResourceIdError ? e.message : 'not a resource id'}`);
    }
  }
  const allowedTenants = list('GUARDIAN_ALLOWED_TENANTS');
  for (const t of allowedTenants) if (!isGuid(t)) problems.push(`GUARDIAN_ALLOWED_TENANTS: "${t}" is not a tenant id (a GUID).`);
  if (botId !== '' && botTenantId === '' && allowedTenants.length === 0) {
    problems.push(
      `BOT_ID is set, so BOT_TENANT_ID or GUARDIAN_ALLOWED_TENANTS is required (whatever BOT_TYPE): the tenants whose users may talk to the bot. Without one, any Microsoft 365 organization could.`,
    );
  }

  const channelList = list('GUARDIAN_ALLOWED_CHANNELS').map((c) => c.toLowerCase());
  for (const c of channelList) if (!/^[a-z][a-z0-9:._-]{0,63}$/.test(c)) problems.push(`GUARDIAN_ALLOWED_CHANNELS: "${c}" is not a Bot Framework channel id (e.g. msteams, emulator).`);
  if (botId !== '' && channelList.some((c) => c !== TEAMS_CHANNEL)) {
    problems.push(`GUARDIAN_ALLOWED_CHANNELS may name channels other than ${TEAMS_CHANNEL} only in local mode (no BOT_ID): other channels' clients write the tenant and team the bot trusts.`);
  }
  const allowedChannels = channelList.length > 0 ? channelList : botId !== '' ? [TEAMS_CHANNEL] : undefined;

  const authMode = oneOf<AuthMode>('GUARDIAN_AUTH_MODE', ['bot', 'user'], 'bot');
  const oauthConnectionName = str('OAUTH_CONNECTION_NAME');
  if (authMode === 'user' && botId === '') problems.push(`GUARDIAN_AUTH_MODE=user needs BOT_ID: Teams SSO is tied to the bot registration, and ${LOCAL_MODE_LIMIT}.`);

  const listenHost = str('GUARDIAN_LISTEN_HOST');
  if (listenHost !== '' && listenHost !== 'localhost' && isIP(listenHost) === 0) {
    problems.push(`GUARDIAN_LISTEN_HOST must be an IP address or "localhost" (got "${listenHost}").`);
  }
  if (authMode === 'user' && oauthConnectionName === '') problems.push('GUARDIAN_AUTH_MODE=user needs OAUTH_CONNECTION_NAME (the Azure Bot OAuth connection that signs users in to Azure).');
  if (authMode === 'user' && botType === 'UserAssignedMsi') problems.push('GUARDIAN_AUTH_MODE=user needs an app registration (BOT_TYPE SingleTenant or MultiTenant): a managed identity cannot do Teams SSO.');

  const pollSeconds = int('GUARDIAN_CHANGE_POLL_SECONDS', botId === '' ? CHANGE_POLL_DEFAULT_SECONDS.localMode : CHANGE_POLL_DEFAULT_SECONDS.deployed, 1, 3600);
  const queueConnectionString = str('GUARDIAN_EVENTS_QUEUE_CONNECTION_STRING');
  // The bot's token goes to this URL: https only (Azurite over http takes the connection-string form).
  const queueServiceUrl = str('GUARDIAN_EVENTS_QUEUE_URL') === '' ? '' : httpsUrl('GUARDIAN_EVENTS_QUEUE_URL', '');
  const queueName = str('GUARDIAN_EVENTS_QUEUE', 'guardian-changes');
  // The poison queue is `<name>-poison`, and a queue name is at most 63 characters.
  if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,54}[a-z0-9]$/.test(queueName)) problems.push(`GUARDIAN_EVENTS_QUEUE is not a valid queue name of at most 56 characters (got "${queueName}").`);
  if (queueConnectionString !== '' && queueServiceUrl !== '') problems.push('Set GUARDIAN_EVENTS_QUEUE_CONNECTION_STRING or GUARDIAN_EVENTS_QUEUE_URL, not both.');
  const queue = queueConnectionString === '' && queueServiceUrl === '' ? undefined : { connectionString: queueConnectionString, serviceUrl: queueServiceUrl, name: queueName };

  const adminToken = str('GUARDIAN_ADMIN_TOKEN');
  if (adminToken !== '' && adminToken.length < 32) problems.push('GUARDIAN_ADMIN_TOKEN must be at least 32 characters (use a random secret).');

  const approversRaw = str('GUARDIAN_EXCEPTION_APPROVERS', 'team-owners');
  const roleMatch = /^azure-role:(.+)$/i.exec(approversRaw);
  let approvers: ExceptionApprovers = { kind: 'team-owners' };
  if (/^(team-owners|anyone)$/i.test(approversRaw)) approvers = { kind: approversRaw.toLowerCase() === 'anyone' ? 'anyone' : 'team-owners' };
  else if (roleMatch?.[1] !== undefined && roleMatch[1].trim() !== '') approvers = { kind: 'azure-role', role: roleMatch[1].trim() };
  else problems.push(`GUARDIAN_EXCEPTION_APPROVERS must be team-owners, anyone or azure-role:<role name> (got "${approversRaw}").`);
  if (approvers.kind === 'azure-role' && authMode !== 'user') {
    problems.push('GUARDIAN_EXCEPTION_APPROVERS=azure-role:<role> needs GUARDIAN_AUTH_MODE=user: only then does the bot see the Azure roles of the person accepting.');
  }

  const config: Config = {
    port,
    listenHost: listenHost !== '' ? listenHost : botId === '' ? '127.0.0.1' : undefined,
    logLevel,
    bot: { id: botId, password: botPassword, type: botType, tenantId: botTenantId },
    allowedChannels,
    state: {
      store,
      dir: path.resolve(str('GUARDIAN_STATE_DIR', '.guardian')),
      blobConnectionString,
      blobAccountUrl,
      blobContainer,
    },
    azure: {
      armEndpoint: httpsUrl('AZURE_ARM_ENDPOINT', 'https://management.azure.com'),
      authorityHost: httpsUrl('AZURE_AUTHORITY_HOST', 'https://login.microsoftonline.com'),
      allowedScopes,
      allowedTenants,
      authMode,
      managedIdentityClientId: str('AZURE_CLIENT_ID'),
      scanTimeoutMs: int('GUARDIAN_SCAN_TIMEOUT_MS', 60_000, 1_000, 600_000),
      armConcurrency: int('GUARDIAN_ARM_CONCURRENCY', 16, 1, 64),
    },
    sso: { oauthConnectionName, botDomain: str('BOT_DOMAIN') },
    events: { pollSeconds, ...(queue === undefined ? {} : { queue }) },
    adminToken,
    exceptions: {
      maxDays: int('GUARDIAN_EXCEPTION_MAX_DAYS', 180, 1, 3650),
      approvers,
      remindDays: int('GUARDIAN_EXCEPTION_REMIND_DAYS', 7, 0, 365),
    },
    version,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

/** The Bot Framework channel id of Microsoft Teams. */
export const TEAMS_CHANNEL = 'msteams';

/**
 * Activity Log poll interval without GUARDIAN_CHANGE_POLL_SECONDS: local mode watches only the sample, whose
 * changes a workshop wants within seconds; a deployed bot (BOT_ID set) polls every subscription once a minute.
 */
export const CHANGE_POLL_DEFAULT_SECONDS = { localMode: 5, deployed: 60 } as const;

const LOCAL_MODE_LIMIT = 'local mode has no token check, so it may scan only the sample environment';

/**
 * What stops a bot server (npm start, `guardian chat`, tests) from starting, beyond loadConfig's checks. Kept
 * apart from loadConfig because the CLI's own scans (`guardian scan`, `guardian fleet`) run as the signed-in
 * user with no bot in between, and may use GUARDIAN_ALLOWED_SCOPES without a BOT_ID.
 */
export function serverConfigProblems(config: Config): string[] {
  const problems: string[] = [];
  if (config.bot.id === '') {
    if (config.azure.allowedScopes.length > 0) {
      problems.push(`GUARDIAN_ALLOWED_SCOPES is set but BOT_ID is empty: ${LOCAL_MODE_LIMIT}. Register the bot (BOT_ID, BOT_TENANT_ID) to scan Azure, or unset GUARDIAN_ALLOWED_SCOPES.`);
    }
    if (config.azure.authMode === 'user') problems.push(`GUARDIAN_AUTH_MODE=user needs BOT_ID: ${LOCAL_MODE_LIMIT}.`);
  }
  return problems;
}

/** Throws the ConfigError of serverConfigProblems, if any. */
export function assertServerConfig(config: Config): void {
  const problems = serverConfigProblems(config);
  if (problems.length > 0) throw new ConfigError(problems);
}

/**
 * The warning a local-mode server logs when it listens beyond this machine (GUARDIAN_LISTEN_HOST set to a
 * non-loopback address); undefined when there is nothing to warn about. `host` undefined = all interfaces.
 */
export function localModeExposureWarning(config: Pick<Config, 'bot'>, host: string | undefined): string | undefined {
  if (config.bot.id !== '' || (host !== undefined && isLoopbackHost(host))) return undefined;
  return `local mode (no BOT_ID) checks no Bot Framework token, yet it listens on ${host ?? 'all interfaces'}: anyone who can reach that address can talk to the bot as any user of any tenant. Set GUARDIAN_LISTEN_HOST=127.0.0.1 unless that network is yours alone.`;
}

/** True for addresses only this machine can reach: localhost, 127.0.0.0/8, ::1 (and its IPv4-mapped form). */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(h);
}

/** The version in our package.json, found relative to this file so that it works from src/ (tsx, ts-jest) and dist/ alike. */
export function readPackageVersion(): string {
  for (const candidate of ['../package.json', '../../package.json']) {
    const version = versionIn(path.join(__dirname, candidate));
    if (version !== undefined) return version;
  }
  return '0.0.0';
}

/** The version of the file when it is our package.json; undefined when it is missing, not JSON or another package's. */
function versionIn(file: string): string | undefined {
  let pkg: unknown;
  try {
    pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof pkg !== 'object' || pkg === null || !('name' in pkg) || !('version' in pkg)) return undefined;
  return pkg.name === 'baseline-guardian' && typeof pkg.version === 'string' ? pkg.version : undefined;
}
