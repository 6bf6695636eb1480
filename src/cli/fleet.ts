/**
 * `guardian fleet [--subscriptions a,b] [--sample-fleet 10x20] [--depth full|graph] [--format table|json]`:
 * every AML workspace in the subscriptions, through Azure Resource Graph plus the ARM reads ARG lacks, with a
 * one-line summary per workspace. Exit codes: 0 ok, 2 usage, configuration or authentication error.
 */
import type { FleetDepth } from '../azure/fleet-collect';
import { reportScore } from '../report/score';
import { SCORE_MEANING, scoreFigure } from '../report/wording';
import { parseFleetSpec, type FleetSpec } from '../sample/data/fleet';
import type { FleetScanOptions, FleetScanResult } from '../scan/fleet-scan';
import { loadCliConfig } from './cli-config';
import { choiceOption, parseCliOptions, stringOption } from './cli-options';
import { UsageError, type CliCommand, type CliIO, type ExitCode } from './command';
import { writeOut } from './report-io';

const FLEET_DEPTHS: readonly FleetDepth[] = ['full', 'graph'];
const FLEET_FORMATS = ['table', 'json'] as const;
type FleetFormat = (typeof FLEET_FORMATS)[number];

const USAGE = `Usage: guardian fleet [options]

Scan every Azure Machine Learning workspace in the subscriptions at once: fleet-wide properties come from
Azure Resource Graph in a few paged queries, and only what Resource Graph lacks is read from ARM.

Options:
  --subscriptions <a,b>   subscription ids to cover (default: every subscription the identity can see, or
                          those of GUARDIAN_ALLOWED_SCOPES when set; one outside them is refused)
  --sample-fleet <NxM>    scan a generated sample fleet of N subscriptions x M workspaces (no Azure needed)
  --depth <d>             full (default): also read datastores, connections, outbound rules, blob service,
                          CMK key and diagnostic settings per workspace; graph: Resource Graph only (the
                          checks those reads feed are left out and listed)
  --format <f>            table (default) or json
  --concurrency <n>       requests in flight across the fleet (default 16)

Signs in with DefaultAzureCredential (e.g. your az login), as guardian scan does.
Exit codes: 0 ok, 2 usage, configuration or authentication error.`;

interface FleetArgs {
  readonly subscriptions: readonly string[] | undefined;
  readonly sampleFleet: FleetSpec | undefined;
  readonly depth: FleetDepth;
  readonly format: FleetFormat;
  readonly concurrency: number;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseFleetArgs(args: readonly string[]): FleetArgs {
  const parsed = parseCliOptions(
    'fleet',
    args,
    {
      subscriptions: { type: 'string', value: 'subscription ids separated by commas' },
      'sample-fleet': { type: 'string', value: 'NxM, e.g. 10x20' },
      depth: { type: 'string', choices: FLEET_DEPTHS },
      format: { type: 'string', choices: FLEET_FORMATS },
      concurrency: { type: 'string', value: 'a whole number from 1 to 64' },
    },
    false,
  );
  const values = {
    subscriptions: stringOption(parsed, 'subscriptions'),
    'sample-fleet': stringOption(parsed, 'sample-fleet'),
    depth: choiceOption(parsed, 'depth', FLEET_DEPTHS) ?? 'full',
    format: choiceOption(parsed, 'format', FLEET_FORMATS) ?? 'table',
    concurrency: stringOption(parsed, 'concurrency') ?? '16',
  };
  const subscriptions = values.subscriptions?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const bad = subscriptions?.find((s) => !GUID.test(s));
  if (bad !== undefined) throw new UsageError(`"${bad}" is not a subscription id.`);
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UsageError('--concurrency must be a whole number from 1 to 64.');
  let sampleFleet: FleetSpec | undefined;
  try {
    sampleFleet = values['sample-fleet'] !== undefined ? parseFleetSpec(values['sample-fleet']) : undefined;
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : 'invalid --sample-fleet');
  }
  return { subscriptions, sampleFleet, depth: values.depth, format: values.format, concurrency };
}

export function renderFleetTable(result: FleetScanResult): string {
  const rows = result.reports.map((r) => {
    const s = r.summary;
    const score = scoreFigure(r);
    const [, subscription = '', , resourceGroup = ''] = r.workspace.id.split('/').filter((p) => p !== '');
    return [r.workspace.name, resourceGroup, subscription, String(s.fail), String(s.error), String(s.pass), score ?? '-'];
  });
  const header = ['workspace', 'resource group', 'subscription', 'fail', 'error', 'pass', 'score'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i >= 3 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  const out = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  out.push('');
  out.push(`score: ${SCORE_MEANING} (- when nothing could be assessed).`);
  out.push(`${result.reports.length} workspaces, ${result.graphPages} Resource Graph pages + ${result.armReads} ARM reads, ${(result.wallMs / 1000).toFixed(1)} s.`);
  if (result.notAssessedChecks.length > 0) out.push(`Graph-only scan: not assessed (need ARM reads): ${result.notAssessedChecks.join(', ')}.`);
  return `${out.join('\n')}\n`;
}

export function renderFleetJson(result: FleetScanResult): string {
  return `${JSON.stringify(
    {
      depth: result.depth,
      notAssessedChecks: result.notAssessedChecks,
      requests: { graphPages: result.graphPages, armReads: result.armReads },
      wallMs: Math.round(result.wallMs),
      workspaces: result.reports.map((r) => ({ id: r.workspace.id, name: r.workspace.name, summary: r.summary, score: reportScore(r) ?? null })),
    },
    null,
    2,
  )}\n`;
}

export const fleetCommand: CliCommand = {
  name: 'fleet',
  summary: 'Scan every workspace in the subscriptions at once (Resource Graph)',
  usage: USAGE,
  async run(args: readonly string[], io: CliIO): Promise<ExitCode> {
    // A UsageError goes to runCli, which prints it with the usage text and exits 2, as for every command.
    const options = parseFleetArgs(args);
    const config = loadCliConfig(io);
    if (config === undefined) return 2;
    // Loaded on use, as for `guardian scan`: the Azure SDK is not needed for --help or the other commands.
    const { fleetFailureMessage, scanFleet } = await import('../scan/fleet-scan.js');
    const fleet: FleetScanOptions = {
      depth: options.depth,
      concurrency: options.concurrency,
      ...(options.subscriptions !== undefined ? { subscriptions: options.subscriptions } : {}),
    };
    let close = (): Promise<void> => Promise.resolve();
    try {
      let result: FleetScanResult;
      if (options.sampleFleet !== undefined) {
        const { startSampleFleet } = await import('../scan/fleet-sample.js');
        const sample = await startSampleFleet(options.sampleFleet);
        close = () => sample.close();
        io.stderr.write('Scanning the sample fleet…\n');
        result = await scanFleet(sample.clients, fleet);
      } else {
        // The same Azure access as `guardian scan`: scopes are decided before Resource Graph is asked anything.
        const { createAzureAccess, signedInScopePolicy } = await import('../scan/azure-access.js');
        io.stderr.write(`Scanning the fleet${options.subscriptions !== undefined ? ` in ${options.subscriptions.length} subscription(s)` : ''}…\n`);
        result = await createAzureAccess(config, { allowedScopes: signedInScopePolicy(config) }).scanFleet(fleet);
      }
      await writeOut(io, options.format === 'json' ? renderFleetJson(result) : renderFleetTable(result));
      return 0;
    } catch (e) {
      const message = fleetFailureMessage(e);
      if (message === undefined) throw e;
      io.stderr.write(`guardian fleet: ${message}\n`);
      return 2;
    } finally {
      await close();
    }
  },
};
