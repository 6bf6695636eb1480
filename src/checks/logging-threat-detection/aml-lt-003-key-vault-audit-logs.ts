/**
 * AML-LT-003 — The workspace's own Key Vault sends its audit log somewhere.
 * Accepts categoryGroup audit or allLogs, or the AuditEvent category; disabled entries do not count.
 */
import { defineCheck, fail, notApplicable, pass, withLinked } from '../define';
import { evaluateLogCoverage } from '../governance/diagnostic-settings';

export default defineCheck({
  id: 'AML-LT-003',
  slug: 'aml-lt-003-key-vault-audit-logs',
  title: 'Linked Key Vault audit logs sent to a destination',
  category: 'logging-threat-detection',
  severity: 'medium',
  resourceType: 'Microsoft.KeyVault/vaults',
  mcsb: ['LT-3'],
  policyDefinitionId: 'cf820ca0-f99e-4f3e-84fb-66e913812d21',
  workshopQuestions: ['LT-02', 'DP-04'],
  areas: [],
  risk:
    'The workspace vault holds datastore credentials, connection secrets and possibly the CMK; without its audit log, reads of those secrets are invisible. ' +
    'Secret theft is often the first step of data exfiltration from an ML workspace.',
  remediation: {
    portal: ['Open the workspace\'s Key Vault > Monitoring > Diagnostic settings > Add diagnostic setting.', 'Select the category group "audit", send to a Log Analytics workspace, and save.'],
    cli: 'az monitor diagnostic-settings create --name <n> --resource <kvId> --workspace <lawId> --logs \'[{"categoryGroup":"audit","enabled":true}]\'',
    url: 'https://learn.microsoft.com/azure/key-vault/general/logging',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return withLinked(
      snapshot.diagnostics.keyVault,
      () => notApplicable(snapshot.workspaceId, 'The workspace names no Key Vault.'),
      (settings) => {
        const vaultId = snapshot.keyVault.ok && snapshot.keyVault.value !== null ? snapshot.keyVault.value.id : snapshot.workspaceId;
        const coverage = evaluateLogCoverage(settings, { groups: ['audit', 'allLogs'], categories: ['AuditEvent'] });
        return coverage.covered
          ? [pass(vaultId, `The workspace Key Vault sends its audit log through "${coverage.setting?.name ?? ''}".`, coverage.evidence)]
          : [fail(vaultId, `The workspace Key Vault does not send its audit log: ${coverage.reason}.`, coverage.evidence)];
      },
    );
  },
});
