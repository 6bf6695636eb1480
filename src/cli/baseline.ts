/**
 * `guardian baseline [--from workshop.json] [--report scan.json] [--output file]`: exports the customer's
 * security baseline as Markdown — the document the bot offers after the workshop. With no inputs, the reference
 * baseline with empty participant answers.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { ScanReport } from '../checks/types';
import { buildBaselineDocument } from '../knowledge/baseline-document';
import { loadKnowledge } from '../knowledge/content';
import { isWorkshopRecord, type WorkshopRecord } from '../knowledge/workshop-record';
import { FileError, UsageError, type CliCommand, type CliIO, type ExitCode } from './command';
import { writeOut } from './report-io';
import { isRecord } from '../shared/is-record';
import { errorMessage } from '../shared/error-message';

const USAGE = `Usage: guardian baseline [--from workshop.json] [--report scan.json] [--output file.md]

Exports the Azure ML security baseline as Markdown: per category, the workshop answers, the reference guidance
and the current findings.

Options:
  --from <file>     a workshop's answers, as JSON: run the workshop in guardian chat --export-workshop <file>
                    (in Teams or the chat, "my baseline" sends this document itself)
  --report <file>   a scan report (guardian scan --format json)
  --output <file>   write the document to this file instead of stdout

Example:
  guardian chat --export-workshop workshop.json     # "start workshop", answer, then "exit"
  guardian scan <workspace id> --format json --output scan.json
  guardian baseline --from workshop.json --report scan.json --output baseline.md`;

interface BaselineOptions {
  readonly from?: string;
  readonly report?: string;
  readonly output?: string;
}

function parseOptions(args: readonly string[]): BaselineOptions {
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const match = /^--(from|report|output)(?:=(.*))?$/.exec(arg);
    if (match === null) throw new UsageError(`Unknown argument for baseline: ${arg}`);
    const value = match[2] ?? args[i + 1];
    if (value === undefined || value.length === 0 || (match[2] === undefined && value.startsWith('--'))) throw new UsageError(`--${match[1] ?? ''} needs a file name`);
    if (match[2] === undefined) i += 1;
    options[match[1] ?? ''] = value;
  }
  return options;
}

async function readJson(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new FileError(`Cannot read the ${what} ${file}: ${errorMessage(e)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new FileError(`The ${what} ${file} is not valid JSON.`);
  }
}

function isScanReport(value: unknown): value is ScanReport {
  return isRecord(value) && Array.isArray(value.findings) && isRecord(value.workspace) && typeof value.workspace.name === 'string';
}

async function runBaseline(args: readonly string[], io: CliIO): Promise<ExitCode> {
  const options = parseOptions(args);
  let workshop: WorkshopRecord | undefined;
  if (options.from !== undefined) {
    const value = await readJson(options.from, 'workshop state');
    // Accept the stored item as is, or wrapped as { value } (a store export).
    const record = isWorkshopRecord(value) ? value : isRecord(value) ? value.value : undefined;
    if (!isWorkshopRecord(record)) throw new FileError(`${options.from} is not a workshop state (needs questionIds, index and answers).`);
    workshop = record;
  }
  let report: ScanReport | undefined;
  if (options.report !== undefined) {
    const value = await readJson(options.report, 'scan report');
    if (!isScanReport(value)) throw new FileError(`${options.report} is not a scan report (needs workspace and findings).`);
    report = value;
  }
  const document = buildBaselineDocument({ content: loadKnowledge(), ...(workshop !== undefined ? { workshop } : {}), ...(report !== undefined ? { report } : {}) });
  if (options.output !== undefined) {
    await writeFile(options.output, document.markdown, 'utf8');
    io.stderr.write(`Wrote ${options.output}\n`);
  } else {
    await writeOut(io, document.markdown);
  }
  return 0;
}

export const baselineCommand: CliCommand = {
  name: 'baseline',
  summary: 'Export the security baseline (workshop answers, reference guidance, findings) as Markdown.',
  usage: USAGE,
  run: runBaseline,
};
