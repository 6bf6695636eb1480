import { defineCheck, evidence, fail, notApplicable, pass, sameText, withReads } from '../define';

/** Ranges this wide are not an allow-list (a /0 to /8 covers millions of addresses). */
const WIDEST_ACCEPTABLE_PREFIX = 9;

function tooBroad(range: string): boolean {
  const [address, prefixText] = range.trim().split('/');
  if (address === '0.0.0.0' || address === '*') return true;
  if (prefixText === undefined) return false;
  const prefix = Number(prefixText);
  return Number.isInteger(prefix) && prefix < WIDEST_ACCEPTABLE_PREFIX;
}

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
    'If the workspace must stay public (for example, for office users without VPN), an IP allow-list of the office egress addresses is the remaining control; with an empty list, any address can reach the workspace. A range such as 0.0.0.0/0 is no allow-list at all.',
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
        return [notApplicable(ws.id, `Workspace ${ws.name} has public network access Disabled, so no IP allow-list is needed.`)];
      }
      const list = ws.ipAllowlist;
      const broad = list.filter(tooBroad);
      const facts = [
        evidence('publicNetworkAccess', ws.publicNetworkAccess, 'Disabled, or Enabled with an IP allow-list'),
        evidence('ipAllowlist', list.length > 0 ? list.join(', ') : 'empty', 'specific office/VPN egress ranges'),
      ];
      const state = ws.publicNetworkAccess ?? 'not set (defaults to Enabled)';
      if (list.length === 0) return [fail(ws.id, `Workspace ${ws.name} has public network access ${state} with an empty IP allow-list: every internet address can reach it.`, facts)];
      if (broad.length > 0) return [fail(ws.id, `Workspace ${ws.name} has public network access ${state} and its IP allow-list contains overly broad ranges: ${broad.join(', ')}.`, facts)];
      return [pass(ws.id, `Workspace ${ws.name} has public network access ${state}, limited to ${list.length} allow-listed range(s): ${list.join(', ')}.`, facts)];
    }),
});
