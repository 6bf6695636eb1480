/**
 * ScanReports for card, report and CLI tests, independent of the real catalog: every status, severity and
 * category; a generated 200-finding report; and a hostile one whose Azure-side strings try to inject markup.
 */
import { CATEGORIES, CHECK_STATUSES, SEVERITIES, STATUSES, type Category, type Finding, type ScanReport, type Severity, type Status, type StatusCounts } from '../../src/checks/types';
import type { CheckInfo } from '../../src/report/catalog';

export const SUB = '00000000-0000-0000-0000-000000000001';
export const WORKSPACE_ID = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ws-prod`;
export const VAULT_ID = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.KeyVault/vaults/kv-prod`;

const CATEGORY_CODES: Readonly<Record<Category, string>> = {
  'network-security': 'NET',
  'identity-management': 'IDM',
  'privileged-access': 'PRV',
  'data-protection': 'DAT',
  'asset-management': 'AST',
  'logging-threat-detection': 'LOG',
  'posture-vulnerability': 'POS',
  'backup-recovery': 'BAK',
};

export function fixtureCheck(category: Category, n: number, severity: Severity): CheckInfo {
  const id = `AML-${CATEGORY_CODES[category]}-${String(n).padStart(3, '0')}`;
  return {
    id,
    slug: `fixture-${id.toLowerCase()}`,
    title: `Fixture check ${id} keeps ${category.replace(/-/g, ' ')} tight`,
    category,
    severity,
    resourceType: 'Microsoft.MachineLearningServices/workspaces',
    mcsb: ['NS-2'],
    policyDefinitionId: '438c38d2-3772-465a-a9cc-7a6666a275ce',
    workshopQuestions: n % 3 === 0 ? [] : ['NS-01'],
    areas: category === 'network-security' ? ['public-network'] : [],
    risk: `Without ${id}, an attacker who reaches the workspace could read training data and models.`,
    remediation: {
      portal: ['Open the workspace in the Azure portal.', 'Select Networking and set Public network access to Disabled.'],
      ...(n % 4 === 0 ? {} : { cli: `az ml workspace update --name <workspace-name> --resource-group <resource-group> --public-network-access Disabled` }),
      url: 'https://learn.microsoft.com/azure/machine-learning/how-to-configure-private-link',
    },
    since: '1.0.0',
  };
}

export function findingOf(check: CheckInfo, status: Status, overrides: Partial<Finding> = {}): Finding {
  const base: Finding = {
    checkId: check.id,
    title: check.title,
    category: check.category,
    severity: check.severity,
    remediation: check.remediation,
    workshopQuestions: check.workshopQuestions,
    status,
    resourceId: WORKSPACE_ID,
    message:
      status === 'error'
        ? `Not assessed: 403 AuthorizationFailed (needs Microsoft.Authorization/roleAssignments/read on ${WORKSPACE_ID})`
        : `Workspace ws-prod ${status === 'pass' ? 'meets' : 'does not meet'} ${check.id}.`,
    evidence: status === 'fail' || status === 'pass' ? [{ property: 'properties.publicNetworkAccess', actual: status === 'pass' ? 'Disabled' : 'Enabled', expected: 'Disabled' }] : [],
  };
  return { ...base, ...overrides };
}

export function summarize(findings: readonly Finding[]): StatusCounts {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const f of findings) counts[f.status] += 1;
  return counts;
}

export function reportOf(findings: readonly Finding[], name = 'ws-prod', id = WORKSPACE_ID): ScanReport {
  return { workspace: { id, name }, scannedAt: '2025-03-14T09:26:53.000Z', checkSetVersion: '1.0.0', summary: summarize(findings), findings };
}

/** Every category × severity × status, each once: 8 × 4 × 5 = 160 findings. */
export function fullMatrix(): { report: ScanReport; checks: CheckInfo[] } {
  const checks: CheckInfo[] = [];
  const findings: Finding[] = [];
  let n = 1;
  for (const category of CATEGORIES) {
    for (const severity of SEVERITIES) {
      for (const status of CHECK_STATUSES) {
        const check = fixtureCheck(category, n++, severity);
        checks.push(check);
        findings.push(findingOf(check, status));
      }
    }
  }
  return { report: reportOf(findings), checks };
}

/** A small report: 2 failures, 1 not assessed, 3 passes, 1 manual, 1 not applicable. */
export function smallReport(): { report: ScanReport; checks: CheckInfo[] } {
  const c = [
    fixtureCheck('network-security', 1, 'high'),
    fixtureCheck('privileged-access', 2, 'critical'),
    fixtureCheck('identity-management', 3, 'medium'),
    fixtureCheck('data-protection', 4, 'low'),
    fixtureCheck('logging-threat-detection', 5, 'medium'),
    fixtureCheck('backup-recovery', 6, 'low'),
    fixtureCheck('asset-management', 7, 'low'),
    fixtureCheck('posture-vulnerability', 8, 'high'),
  ] as const;
  const findings = [
    findingOf(c[0], 'fail'),
    findingOf(c[1], 'fail', {
      resourceId: VAULT_ID,
      message: 'Key vault kv-prod lets 3 principals hold Owner at subscription scope.',
      evidence: [
        { property: 'roleAssignments[Owner].principalType', actual: 'ServicePrincipal', expected: 'Group' },
        { property: 'roleAssignments[Owner].scope', actual: `/subscriptions/${SUB}`, expected: 'resource group or narrower' },
      ],
    }),
    findingOf(c[2], 'error'),
    findingOf(c[3], 'pass'),
    findingOf(c[4], 'pass'),
    findingOf(c[5], 'pass'),
    findingOf(c[6], 'manual', { message: 'Review the tags of ws-prod by hand.' }),
    findingOf(c[7], 'not_applicable', { message: 'ws-prod has no online endpoints.' }),
  ];
  return { report: reportOf(findings), checks: [...c] };
}

/** 200 findings with long evidence: the size test's input. */
export function largeReport(count = 200): { report: ScanReport; checks: CheckInfo[] } {
  const checks: CheckInfo[] = [];
  const findings: Finding[] = [];
  for (let i = 0; i < count; i++) {
    const category = CATEGORIES[i % CATEGORIES.length]!;
    const severity = SEVERITIES[i % SEVERITIES.length]!;
    const status: Status = i % 10 < 6 ? 'fail' : (CHECK_STATUSES[i % CHECK_STATUSES.length] ?? 'pass');
    const check = fixtureCheck(category, i + 1, severity);
    checks.push(check);
    findings.push(
      findingOf(check, status, {
        resourceId: `${WORKSPACE_ID}/computes/cpu-cluster-${i}`,
        message: `Compute cpu-cluster-${i} of ws-prod has a public IP and SSH open to the internet, which ${check.id} forbids; `.repeat(3),
        evidence: Array.from({ length: 12 }, (_, k) => ({
          property: `properties.networkRules[${k}].ipAddressOrRange`,
          actual: `10.0.${k}.0/24,`.repeat(60),
          expected: 'no rule that allows 0.0.0.0/0',
        })),
      }),
    );
  }
  return { report: reportOf(findings, 'ws-large'), checks };
}

/** Strings an attacker controls (resource names, tags, error text): links, mentions, HTML, bindings, secrets. */
export const HOSTILE_STRINGS: readonly string[] = [
  '[click me](https://evil.example/steal)',
  '<at>General</at> please approve',
  '<img src=x onerror=alert(1)>',
  '**bold** _it_ ~~strike~~ `code`',
  '# Heading\n- list item\n1. numbered',
  '${$root.secret} and ${nope}',
  'line one\r\n\r\n> quoted',
  'RTL \u202Egnp.exe\u202C trick and zero\u200Bwidth',
  'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  '![img](https://evil.example/x.png) <https://evil.example>',
  '&lt;at&gt;entity&lt;/at&gt; | pipe | table',
];

export function hostileReport(): { report: ScanReport; checks: CheckInfo[] } {
  const check = fixtureCheck('network-security', 9, 'critical');
  const hostile = HOSTILE_STRINGS.join(' ');
  const findings = [
    findingOf(check, 'fail', {
      title: `Title ${HOSTILE_STRINGS[0]!}`,
      message: `Workspace ${hostile}`,
      evidence: HOSTILE_STRINGS.map((s, i) => ({ property: `tags.t${i}${s}`, actual: s, expected: s })),
    }),
  ];
  return { report: reportOf(findings, `ws ${HOSTILE_STRINGS[1]!} ${HOSTILE_STRINGS[5]!}`), checks: [check] };
}
