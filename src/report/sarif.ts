/**
 * `guardian scan --format sarif`: SARIF 2.1.0 for GitHub code scanning and Azure DevOps (SARIF SAST Scans tab).
 *
 * What GitHub requires beyond the schema (github/codeql-action issues 1738, 2459 and reports from other tools):
 * every result needs at least one location, and a location must carry a physicalLocation with a non-empty,
 * URI-reference `artifactLocation.uri` — a location with only logicalLocations is rejected ("expected a
 * physical location"), and one bad result rejects the whole file. Azure resources are not files, so each result
 * gets a stable repository-relative pseudo-path built from its resource id (`azure/<resource id>`, or the
 * `artifactUri` the caller names, e.g. the Bicep file that deploys the workspace), plus a logicalLocation whose
 * fullyQualifiedName is the resource id. partialFingerprints keep alerts stable across runs: one per finding
 * identity (check + resource + subject, checks/identity.ts), so that two open recommendations on one resource
 * stay two alerts; a finding without a subject keeps the fingerprint it had before subjects existed.
 */
import { createHash } from 'node:crypto';
import type { Finding, RiskException, ScanReport, Severity } from '../checks/types';
import type { CheckInfo } from './catalog';
import { parseResourceId } from '../shared/resource-id';
import { categoryTitle, evidenceSentence, fixCommand, plural, SEVERITY_LABELS, whyItMatters } from './wording';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** GitHub maps >= 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low. */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };
const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };

export interface SarifOptions {
  /** The catalog: one rule per check that ran (and any finding whose check is unknown still gets a rule). */
  readonly checks: readonly CheckInfo[];
  readonly toolVersion: string;
  /** Repository-relative path to attach results to; default `azure/<resource id without the leading slash>`. */
  readonly artifactUri?: string;
}

type Json = Record<string, unknown>;

function ruleOf(check: CheckInfo): Json {
  return {
    id: check.id,
    name: check.id.replace(/[^A-Za-z0-9]/g, ''),
    shortDescription: { text: check.title },
    fullDescription: { text: whyItMatters(check) },
    helpUri: check.remediation.url,
    help: {
      text: [whyItMatters(check), ...check.remediation.portal, check.remediation.cli ?? '', check.remediation.url].filter((t) => t !== '').join('\n'),
      markdown: [
        whyItMatters(check),
        '',
        ...check.remediation.portal.map((step, i) => `${i + 1}. ${step}`),
        ...(check.remediation.cli === undefined ? [] : ['', '```sh', check.remediation.cli, '```']),
        '',
        `[Microsoft Learn](${check.remediation.url})`,
      ].join('\n'),
    },
    defaultConfiguration: { level: LEVEL[check.severity] },
    properties: {
      tags: ['security', 'azure', 'azure-machine-learning', check.category, ...check.mcsb.map((c) => `MCSB-${c}`)],
      precision: 'high',
      'problem.severity': LEVEL[check.severity] === 'note' ? 'recommendation' : LEVEL[check.severity],
      'security-severity': SECURITY_SEVERITY[check.severity],
      category: categoryTitle(check.category),
      severity: SEVERITY_LABELS[check.severity],
    },
  };
}

/** Repository-relative, URI-reference-safe path for a resource id. */
export function artifactPathFor(resourceId: string): string {
  const segments = resourceId.split('/').filter((s) => s !== '');
  return ['azure', ...segments.map((s) => encodeURIComponent(s))].join('/');
}

function fingerprint(f: Finding): string {
  const subject = f.subject === undefined ? '' : `|${f.subject.toLowerCase()}`;
  return createHash('sha256').update(`${f.checkId}|${f.resourceId.toLowerCase()}${subject}`).digest('hex').slice(0, 32);
}

function suppressionOf(exception: RiskException): Json {
  return {
    kind: 'external',
    status: 'accepted',
    justification: exception.reason,
    properties: { exceptionId: exception.id, owner: exception.owner, expires: exception.expires, createdBy: exception.createdBy, ...(exception.createdAt === '' ? {} : { createdAt: exception.createdAt }) },
  };
}

function resultOf(f: Finding, ruleIndex: number, options: SarifOptions): Json {
  const notAssessed = f.status === 'error';
  const evidence = f.evidence.map(evidenceSentence);
  const text = notAssessed ? `Not assessed (${f.checkId}): ${f.message.replace(/^Not assessed:\s*/i, '')}` : [f.message, ...evidence].join(' ');
  return {
    ruleId: f.checkId,
    ruleIndex,
    // A result we could not assess is not a finding about the workspace: a note, never an error.
    level: notAssessed ? 'note' : LEVEL[f.severity],
    message: { text },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: options.artifactUri ?? artifactPathFor(f.resourceId) }, region: { startLine: 1 } },
        logicalLocations: [{ fullyQualifiedName: f.resourceId, name: f.resourceId.split('/').pop() ?? f.resourceId, kind: 'resource' }],
      },
    ],
    partialFingerprints: { 'guardianFinding/v1': fingerprint(f) },
    // An accepted risk stays a result (code scanning shows it as dismissed) with the decision behind it.
    ...(f.exception === undefined ? {} : { suppressions: [suppressionOf(f.exception)] }),
    properties: {
      status: f.status,
      severity: f.severity,
      category: f.category,
      resourceId: f.resourceId,
      ...(f.subject === undefined ? {} : { subject: f.subject }),
      evidence: f.evidence.map((e) => ({ ...e })),
      ...(f.remediation.cli === undefined ? {} : { fixCommand: fixCommand(f) }),
    },
  };
}

export function toSarif(report: ScanReport, options: SarifOptions): Json {
  const rules: CheckInfo[] = [];
  const index = new Map<string, number>();
  const known = new Map(options.checks.map((c) => [c.id, c] as const));
  const reported = report.findings.filter((f) => f.status === 'fail' || f.status === 'error' || f.status === 'accepted');
  for (const check of options.checks) {
    index.set(check.id, rules.length);
    rules.push(check);
  }
  for (const f of reported) {
    if (index.has(f.checkId)) continue;
    // A finding from a check the catalog does not list still needs a rule; build it from the finding.
    const stand: CheckInfo = known.get(f.checkId) ?? {
      id: f.checkId,
      title: f.title,
      category: f.category,
      severity: f.severity,
      risk: f.title,
      mcsb: [],
      remediation: f.remediation,
      workshopQuestions: f.workshopQuestions,
      resourceType: '',
      areas: [],
    };
    index.set(f.checkId, rules.length);
    rules.push(stand);
  }
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Baseline Guardian',
            semanticVersion: options.toolVersion,
            version: options.toolVersion,
            informationUri: 'https://learn.microsoft.com/security/benchmark/azure/baselines/machine-learning-service-security-baseline',
            rules: rules.map(ruleOf),
          },
        },
        automationDetails: { id: automationCategory(report.workspace) },
        invocations: [invocationOf(report)],
        properties: { workspaceId: report.workspace.id, checkSetVersion: report.checkSetVersion, summary: { ...report.summary } },
        results: reported.map((f) => resultOf(f, index.get(f.checkId) ?? 0, options)),
      },
    ],
  };
}

/** A run that could assess nothing did not succeed: a pipeline must not read its empty results as a clean workspace. */
function invocationOf(report: ScanReport): Json {
  const { pass, fail, accepted, error } = report.summary;
  if (error === 0 || pass + fail + accepted > 0) return { executionSuccessful: true, endTimeUtc: report.scannedAt };
  return {
    executionSuccessful: false,
    endTimeUtc: report.scannedAt,
    toolExecutionNotifications: [{ level: 'error', message: { text: `No check could be assessed: ${plural(error, 'result')} could not be read (each result says why).` } }],
  };
}

export function renderSarif(report: ScanReport, options: SarifOptions): string {
  return `${JSON.stringify(toSarif(report, options), null, 2)}\n`;
}

/**
 * The run's category (automationDetails.id up to its last `/`): GitHub code scanning replaces the previous upload
 * of the same category, so it names the workspace by subscription, resource group and name — two workspaces of one
 * name in different groups must not replace each other's alerts.
 */
export function automationCategory(workspace: ScanReport['workspace']): string {
  try {
    const parsed = parseResourceId(workspace.id);
    return `baseline-guardian/${parsed.subscriptionId.toLowerCase()}/${(parsed.resourceGroup ?? '-').toLowerCase()}/${(parsed.name ?? workspace.name).toLowerCase()}/`;
  } catch {
    // A report of a target that is not a resource id (none today) keeps the name alone.
    return `baseline-guardian/${workspace.name}/`;
  }
}
