/**
 * AML-NET-015 — Workspace public access, when on, is limited to selected IP addresses.
 *
 * "Enabled from selected IP addresses" is publicNetworkAccess Enabled plus networkAcls { defaultAction: Deny,
 * ipRules[].value }. networkAcls is defined only by preview api-versions, so it comes from the workspace's
 * preview read (the snapshot's workspacePreview); when that read failed the check says so instead of guessing.
 */
import { defineCheck, evidence, fail, notApplicable, notAssessed, pass, sameText, withReads } from '../define';
import { isOverlyBroadRange } from './ip-ranges';

export default defineCheck({
  id: 'AML-NET-015',
  slug: 'aml-net-015-workspace-public-access-ip-limited',
  title: 'Workspace public access, when on, is limited to an IP allow-list',
  category: 'network-security',
  severity: 'high',
  resourceType: 'Microsoft.MachineLearningServices/workspaces',
  mcsb: ['NS-2'],
  workshopQuestions: ['NS-01', 'NS-02'],
  areas: ['public-network'],
  risk:
    'If the workspace must stay public (for example, for office users without VPN), IP rules for the office egress addresses are the remaining control; without them (networkAcls default action Allow, or no networkAcls), any address can reach the workspace. A range such as 0.0.0.0/0 is no allow-list at all.',
  remediation: {
    portal: [
      'Open the workspace, select Networking, then Public access.',
      'Choose "Enabled from selected IP addresses" and list only your office and VPN egress ranges, or disable public access (AML-NET-001).',
    ],
    url: 'https://learn.microsoft.com/azure/machine-learning/how-to-configure-private-link?view=azureml-api-2&tabs=azure-portal',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withReads(snapshot.workspace, (ws) => {
      if (sameText(ws.publicNetworkAccess, 'Disabled')) {
        return [notApplicable(ws.id, `Workspace ${ws.name} has public network access Disabled, so no IP rules are needed.`)];
      }
      const preview = snapshot.workspacePreview;
      if (!preview.ok) return [notAssessed(preview.error)];
      const acls = preview.value.networkAcls;
      const rules = acls?.ipRules ?? [];
      const facts = [
        evidence('publicNetworkAccess', ws.publicNetworkAccess, 'Disabled, or Enabled with networkAcls.defaultAction Deny'),
        evidence('networkAcls.defaultAction', acls?.defaultAction, 'Deny'),
        evidence('networkAcls.ipRules', rules.length > 0 ? rules.join(', ') : 'empty', 'specific office/VPN egress ranges'),
      ];
      const state = ws.publicNetworkAccess ?? 'not set (defaults to Enabled)';
      if (!sameText(acls?.defaultAction, 'Deny')) {
        const why = acls === undefined ? 'no network rules (networkAcls)' : `network rules that allow by default (defaultAction ${acls.defaultAction ?? 'not set'})`;
        return [fail(ws.id, `Workspace ${ws.name} has public network access ${state} with ${why}: every internet address can reach it.`, facts)];
      }
      const broad = rules.filter(isOverlyBroadRange);
      if (broad.length > 0) return [fail(ws.id, `Workspace ${ws.name} has public network access ${state} and its IP rules contain overly broad ranges: ${broad.join(', ')}.`, facts)];
      if (rules.length === 0) return [pass(ws.id, `Workspace ${ws.name} has public network access ${state} but denies by default and allows no IP address.`, facts)];
      return [pass(ws.id, `Workspace ${ws.name} has public network access ${state}, limited to ${rules.length} IP rule(s): ${rules.join(', ')}.`, facts)];
    }),
});
