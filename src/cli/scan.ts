/**
 * `guardian scan <workspace id or name> [--format table|json|sarif|markdown] [--fail-on <severity>] [--sample]
 * [--output <file>] [--exceptions <file>]`: the same scan as the bot, for pipelines and terminals.
 * Exit codes: 0 no failed finding reaches --fail-on (default: none fails the run), 1 one does,
 * 2 usage, configuration, authentication or any other reason the scan could not run.
 */
import { SEVERITIES, type ScanReport, type Severity } from '../checks/types';
import type { Config } from '../config';
import { createLogger, type Logger } from '../logging';
import { lookupFrom, type CheckInfo } from '../report/catalog';
import { renderJson } from '../report/json';
import { renderMarkdown } from '../report/markdown';
import { failsAt } from '../report/order';
import { renderSarif } from '../report/sarif';
import { renderTable } from '../report/table';
import { summarySentence } from '../report/wording';
import { ScanError, type ScanService } from '../scan/scan-service';
import { parseWorkspaceTarget, WorkspaceTargetError } from '../azure/resolve';
import { loadCliConfig } from './cli-config';
import { choiceOption, parseCliOptions, stringOption } from './cli-options';
import { FileError, UsageError, type CliCommand, type CliIO, type ExitCode } from './command';
import { useColor, writeReport } from './report-io';
import { applyExceptionsFile, loadExceptionsFile } from './scan-exceptions';
import type { ExceptionEntry } from '../exceptions/model';
import { errorMessage } from '../shared/error-message';
import { isSampleTarget } from '../shared/scan-target';

export const FORMATS = ['table', 'json', 'sarif', 'markdown'] as const;
export type ReportFormat = (typeof FORMATS)[number];

const USAGE = `Usage: guardian scan <workspace id or name> [options]
       guardian scan --sample [sample:<name>]

Scan an Azure Machine Learning workspace (and its linked storage, key vault, registry, Application Insights,
role assignments and Defender plans) against the security baseline.

Options:
  --format <f>     table (default), json, sarif (GitHub code scanning, Azure DevOps) or markdown
  --fail-on <s>    exit 1 when a failed finding is at or above low|medium|high|critical (default: never)
  --sample         scan the built-in sample environment (no Azure needed); target "sample" or "sample:hardened"
  --output <file>  write the report to a file instead of stdout
  --sarif-artifact <path>  the file in your repository SARIF results point at, relative to its root,
                   e.g. infra/aml/workspace.bicep (default: azure/<resource id>)
  --exceptions <file>  accepted risks, as YAML (see README, "Accepted risk"): covered failed findings are
                   reported as accepted and never reach --fail-on; expired entries are ignored with a warning

With --format json|sarif|markdown, stdout carries the report alone; logs go to stderr.
Exit codes: 0 ok, 1 a failed finding reached --fail-on, 2 usage, configuration or authentication error, or the
workspace itself could not be read (refused, missing, throttled, an Azure outage, the network, the deadline).`;

export interface OpenedScanService {
  readonly scanService: ScanService;
  close(): Promise<void>;
}

export interface ScanCommandDeps {
  /** The real scan service for the config, or the sample environment. */
  openScanService(config: Config, options: { readonly sample: boolean; readonly logger: Logger }): Promise<OpenedScanService>;
  readonly checks: readonly CheckInfo[];
  /** The clock exceptions expire by (tests move it). */
  readonly now?: () => Date;
}

interface ScanArgs {
  readonly target: string;
  readonly sample: boolean;
  readonly format: ReportFormat;
  readonly failOn: Severity | undefined;
  readonly output: string | undefined;
  readonly sarifArtifact: string | undefined;
  readonly exceptions: string | undefined;
}

function parseScanArgs(args: readonly string[]): ScanArgs {
  const parsed = parseCliOptions(
    'scan',
    args,
    {
      format: { type: 'string', choices: FORMATS },
      'fail-on': { type: 'string', choices: SEVERITIES },
      sample: { type: 'boolean' },
      output: { type: 'string', value: 'a file' },
      'sarif-artifact': { type: 'string', value: 'a repository path' },
      exceptions: { type: 'string', value: 'a YAML file' },
    },
    true,
  );
  const { positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`Give one workspace, not ${positionals.length}: ${positionals.join(' ')}`);
  const format = choiceOption(parsed, 'format', FORMATS) ?? 'table';
  const failOn = choiceOption(parsed, 'fail-on', SEVERITIES);
  const positional = positionals[0]?.trim();
  const namesSample = positional !== undefined && isSampleTarget(positional);
  const sampleFlag = parsed.values.sample === true;
  const sample = sampleFlag || namesSample;
  if (sampleFlag && positional !== undefined && !namesSample) throw new UsageError(`--sample scans the sample environment; "${positional}" is not a sample workspace (use "sample" or "sample:<name>").`);
  const target = positional ?? (sample ? 'sample' : undefined);
  if (target === undefined || target === '') throw new UsageError('Name the workspace to scan (its resource id or name), or use --sample.');
  // A malformed id or an impossible name is a usage error, said before anything starts ("Scanning…").
  if (!sample) {
    try {
      parseWorkspaceTarget(target);
    } catch (e) {
      if (e instanceof WorkspaceTargetError) throw new UsageError(e.message);
      throw e;
    }
  }
  const artifact = stringOption(parsed, 'sarif-artifact');
  return { target, sample, format, failOn, output: stringOption(parsed, 'output'), sarifArtifact: artifact === undefined ? undefined : repositoryPath(artifact), exceptions: stringOption(parsed, 'exceptions') };
}

/**
 * --sarif-artifact as the relative URI code scanning expects: forward slashes, no leading "./". An absolute path,
 * a drive or a URI would point outside the repository (GitHub drops such results), and so would "..".
 */
export function repositoryPath(value: string): string {
  const path = value.trim().replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  if (path === '') throw new UsageError('--sarif-artifact needs a path relative to the repository root, e.g. infra/aml/workspace.bicep.');
  if (path.startsWith('/') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(path)) {
    throw new UsageError(`--sarif-artifact must be relative to the repository root (e.g. infra/aml/workspace.bicep), not an absolute path or URI: ${value}`);
  }
  if (path.split('/').includes('..')) throw new UsageError(`--sarif-artifact must stay inside the repository; "${value}" climbs out of it with "..".`);
  return path;
}

export function renderReport(report: ScanReport, format: ReportFormat, deps: { readonly checks: readonly CheckInfo[]; readonly version: string }, options: { color: boolean; sarifArtifact?: string }): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report, { checks: deps.checks, toolVersion: deps.version, ...(options.sarifArtifact === undefined ? {} : { artifactUri: options.sarifArtifact }) });
    case 'markdown':
      return renderMarkdown(report, lookupFrom(deps.checks));
    case 'table':
      return renderTable(report, { color: options.color });
  }
}

export function createScanCommand(deps: ScanCommandDeps): CliCommand {
  return {
    name: 'scan',
    summary: 'Scan a workspace against the baseline (table, json, sarif or markdown).',
    usage: USAGE,
    async run(args: readonly string[], io: CliIO): Promise<ExitCode> {
      const options = parseScanArgs(args);
      const config = loadCliConfig(io);
      if (config === undefined) return 2;
      // The exceptions file is read before anything starts: a bad file stops the run and nothing applies.
      let exceptions: readonly ExceptionEntry[] = [];
      if (options.exceptions !== undefined) {
        try {
          exceptions = await loadExceptionsFile(options.exceptions, (id) => deps.checks.some((c) => c.id === id));
        } catch (e) {
          if (!(e instanceof FileError)) throw e;
          io.stderr.write(`guardian scan: ${e.message}\n`);
          return 2;
        }
      }
      // Logs always go to stderr: stdout is the report's.
      const logger = createLogger({ level: config.logLevel === 'info' ? 'warn' : config.logLevel, destination: { write: (s: string) => void io.stderr.write(s) } });
      let opened: OpenedScanService;
      try {
        opened = await deps.openScanService(config, { sample: options.sample, logger });
      } catch (e) {
        io.stderr.write(`guardian scan: ${errorMessage(e)}\n`);
        return 2;
      }
      try {
        io.stderr.write(`Scanning ${options.target}…\n`);
        const scanned = await opened.scanService.scan({ target: options.target, selection: { kind: 'all' } });
        const report = applyExceptionsFile(scanned, exceptions, (deps.now ?? (() => new Date()))(), (line) => void io.stderr.write(`${line}\n`));
        const text = renderReport(report, options.format, { checks: deps.checks, version: config.version }, { color: options.output === undefined && useColor(io), ...(options.sarifArtifact === undefined ? {} : { sarifArtifact: options.sarifArtifact }) });
        await writeReport(io, text, options.output);
        io.stderr.write(`${summarySentence(report)}${options.output === undefined ? '' : ` Report written to ${options.output}.`}\n`);
        if (options.failOn !== undefined && failsAt(report, options.failOn)) {
          io.stderr.write(`At least one failed finding is ${options.failOn} or above: exit 1.\n`);
          return 1;
        }
        return 0;
      } catch (e) {
        if (e instanceof ScanError) {
          io.stderr.write(`guardian scan: ${e.message}${e.operatorHint === undefined ? '' : ` ${e.operatorHint}`}\n`);
          return 2;
        }
        throw e;
      } finally {
        await opened.close();
      }
    },
  };
}

/**
 * The composition the CLI uses: src/scan's Azure access (the same as the bot's, bounded by the signed-in
 * identity's RBAC and GUARDIAN_ALLOWED_SCOPES) or the sample environment (local fake ARM). Loaded on use so that
 * `guardian --help` and `guardian checks` do not load the Azure SDK.
 */
export async function openDefaultScanService(config: Config, options: { readonly sample: boolean; readonly logger: Logger }): Promise<OpenedScanService> {
  if (options.sample) {
    const { startSampleEnvironment } = await import('../scan/sample-environment.js');
    return startSampleEnvironment({ timeoutMs: config.azure.scanTimeoutMs, concurrency: config.azure.armConcurrency });
  }
  const { createAzureAccess, signedInScopePolicy } = await import('../scan/azure-access.js');
  const access = createAzureAccess(config, { allowedScopes: signedInScopePolicy(config) });
  return { scanService: access.scanService, close: () => Promise.resolve() };
}
