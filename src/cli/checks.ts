/**
 * `guardian checks [--json]`: the check catalog with its metadata.
 */
import { parseArgs } from 'node:util';
import { CATEGORY_TITLES } from '../checks/types';
import type { CheckInfo } from '../report/catalog';
import { SEVERITY_LABELS } from '../report/wording';
import { UsageError, type CliCommand, type CliIO, type ExitCode } from './command';
import { writeReport } from './report-io';

const USAGE = `Usage: guardian checks [--json]

List every check: id, severity, category and title (--json: all metadata, including MCSB controls, the Azure
Policy definition, workshop questions, risk and remediation).`;

export function catalogJson(checks: readonly CheckInfo[], version: string): string {
  const list = checks.map((c) => ({
    id: c.id,
    title: c.title,
    category: c.category,
    severity: c.severity,
    resourceType: c.resourceType,
    mcsb: c.mcsb,
    policyDefinitionId: c.policyDefinitionId ?? null,
    workshopQuestions: c.workshopQuestions,
    areas: c.areas,
    risk: c.risk,
    remediation: { portal: c.remediation.portal, cli: c.remediation.cli ?? null, url: c.remediation.url },
    since: c.since ?? null,
  }));
  return `${JSON.stringify({ checkSetVersion: version, count: list.length, checks: list }, null, 2)}\n`;
}

export function catalogTable(checks: readonly CheckInfo[]): string {
  const idWidth = Math.max(2, ...checks.map((c) => c.id.length));
  const catWidth = Math.max(8, ...checks.map((c) => CATEGORY_TITLES[c.category].length));
  const lines = [`${'ID'.padEnd(idWidth)}  ${'Severity'.padEnd(8)}  ${'Category'.padEnd(catWidth)}  Title`];
  for (const c of checks) lines.push(`${c.id.padEnd(idWidth)}  ${SEVERITY_LABELS[c.severity].padEnd(8)}  ${CATEGORY_TITLES[c.category].padEnd(catWidth)}  ${c.title}`);
  lines.push('', `${checks.length} checks.`);
  return `${lines.join('\n')}\n`;
}

export function createChecksCommand(deps: { readonly checks: readonly CheckInfo[]; readonly version: string }): CliCommand {
  return {
    name: 'checks',
    summary: 'List the check catalog with its metadata.',
    usage: USAGE,
    async run(args: readonly string[], io: CliIO): Promise<ExitCode> {
      let json: boolean;
      try {
        json = parseArgs({ args: [...args], strict: true, allowPositionals: false, options: { json: { type: 'boolean' } } }).values.json === true;
      } catch (e) {
        throw new UsageError(e instanceof Error ? e.message : 'invalid arguments');
      }
      await writeReport(io, json ? catalogJson(deps.checks, deps.version) : catalogTable(deps.checks), undefined);
      return 0;
    },
  };
}
