import { defineCheck, evidence, fail, pass, sameText, withReads } from '../define';

/** Absent `publicNetworkAccess` is a FAIL: the service default is Enabled (AP 438c38d2 audits "missing" too). */
export default defineCheck({
  id: 'AML-NET-001',
  slug: 'aml-net-001-workspace-public-network-access-disabled',
  title: 'Workspace public network access is disabled',
  category: 'network-security',
  severity: 'high',
  resourceType: 'Microsoft.MachineLearningServices/workspaces',
  mcsb: ['NS-2'],
  policyDefinitionId: '438c38d2-3772-465a-a9cc-7a6666a275ce',
  workshopQuestions: ['NS-01', 'NS-02'],
  areas: ['public-network'],
  risk:
    'With public network access on, the workspace API, studio and its stored credentials and models can be reached from any internet address by anyone holding a token, so a phished credential is enough. Private endpoints keep the workspace on networks you control and make token theft alone insufficient.',
  remediation: {
    portal: [
      'Open the workspace in the Azure portal and select Networking.',
      'On the Public access tab, set Public network access to Disabled and save.',
      'Make sure a private endpoint (AML-NET-002) exists first, or users lose access to the studio.',
    ],
    cli: 'az ml workspace update -n <ws> -g <rg> --public-network-access Disabled',
    url: 'https://learn.microsoft.com/azure/machine-learning/how-to-configure-private-link?view=azureml-api-2&tabs=azure-portal',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withReads(snapshot.workspace, (ws) => {
      const facts = [
        evidence('publicNetworkAccess', ws.publicNetworkAccess, 'Disabled'),
        evidence('allowPublicAccessWhenBehindVnet', ws.allowPublicAccessWhenBehindVnet, 'false or not set'),
      ];
      if (ws.allowPublicAccessWhenBehindVnet === true) {
        return [fail(ws.id, `Workspace ${ws.name} allows public access when behind a VNet (allowPublicAccessWhenBehindVnet is true).`, facts)];
      }
      if (sameText(ws.publicNetworkAccess, 'Disabled')) {
        return [pass(ws.id, `Workspace ${ws.name} has public network access Disabled.`, facts)];
      }
      const actual = ws.publicNetworkAccess ?? 'not set (the service default is Enabled)';
      return [fail(ws.id, `Workspace ${ws.name} accepts traffic from public networks: publicNetworkAccess is ${actual}.`, facts)];
    }),
});
