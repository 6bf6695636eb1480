import { defineCheck, evidence, fail, manual, notApplicable, pass, sameText, withReads } from '../define';
import type { CheckResult } from '../types';
import type { OutboundRule } from '../../azure/snapshot';
import { judgeFqdn, judgeServiceTag, type RuleVerdict } from './outbound-allow-list';

/** Rules AML creates for its own dependencies; they are not the customer's to review. */
const AML_MANAGED_CATEGORIES = ['Required', 'Dependency'];

function verdictOf(rule: OutboundRule): RuleVerdict | undefined {
  if (sameText(rule.type, 'FQDN')) return judgeFqdn(rule.destination);
  if (sameText(rule.type, 'ServiceTag')) return judgeServiceTag(rule.destination);
  return undefined; // PrivateEndpoint rules target one named resource.
}

export default defineCheck({
  id: 'AML-NET-004',
  slug: 'aml-net-004-outbound-rules-reviewed',
  title: 'Managed network has no wildcard, storage or broad service-tag outbound rules',
  category: 'network-security',
  severity: 'high',
  resourceType: 'Microsoft.MachineLearningServices/workspaces/outboundRules',
  mcsb: ['NS-1', 'DP-2'],
  workshopQuestions: ['WVN-01', 'DP-04'],
  areas: [],
  risk:
    'An approved-outbound managed network is only as tight as its rules: a wildcard FQDN, a rule to any blob endpoint, or the Internet, AzureCloud or region-less Storage service tag lets a job copy data to an attacker-owned account. No other scanner inspects these rules.',
  remediation: {
    portal: [
      'Open the workspace, select Networking, then Workspace managed outbound access.',
      'Replace wildcard FQDN rules with the exact hosts you need, and replace storage FQDN or broad service-tag rules with private endpoint rules to your own accounts.',
      'Remove rules no job needs.',
    ],
    cli: 'az ml workspace outbound-rule remove -g <rg> -w <ws> --rule <rule-name>',
    url: 'https://learn.microsoft.com/azure/machine-learning/how-to-managed-network?view=azureml-api-2',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withReads(snapshot.workspace, snapshot.outboundRules, (ws, rules) => {
      if (!sameText(ws.managedNetworkIsolationMode, 'AllowOnlyApprovedOutbound')) {
        return [notApplicable(ws.id, `Workspace ${ws.name} is not in AllowOnlyApprovedOutbound mode (isolationMode ${ws.managedNetworkIsolationMode ?? 'not set'}), so outbound rules do not limit egress; see AML-NET-003.`)];
      }
      const reviewed = rules.filter((r) => !AML_MANAGED_CATEGORIES.some((c) => sameText(r.category, c)));
      const results: CheckResult[] = [];
      let allowed = 0;
      for (const rule of reviewed) {
        const verdict = verdictOf(rule);
        if (verdict === undefined) continue;
        const ruleId = `${ws.id}/outboundRules/${rule.name}`;
        const facts = [
          evidence('type', rule.type, 'FQDN or ServiceTag on the allow-list'),
          evidence('destination', rule.destination, 'an exact, AML-documented host or required service tag'),
          evidence('category', rule.category, 'UserDefined or Recommended (reviewed here)'),
        ];
        if (verdict.kind === 'risky') {
          results.push(fail(ruleId, `Outbound rule ${rule.name} of workspace ${ws.name} allows ${rule.type} ${rule.destination}: ${verdict.reason}.`, facts));
        } else if (verdict.kind === 'unreviewed') {
          results.push(manual(ruleId, `Outbound rule ${rule.name} of workspace ${ws.name} allows ${rule.type} ${rule.destination}, ${verdict.reason}; confirm it is needed and cannot carry data out.`));
        } else {
          allowed += 1;
        }
      }
      if (results.length === 0) {
        return [pass(ws.id, `Workspace ${ws.name}: all ${allowed} user-defined FQDN/ServiceTag outbound rule(s) are on the AML-documented allow-list.`, [evidence('user-defined FQDN/ServiceTag rules', allowed, 'only allow-listed destinations')])];
      }
      return results;
    }),
});
