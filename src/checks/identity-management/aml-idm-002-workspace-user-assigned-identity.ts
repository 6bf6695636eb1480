import { defineCheck, evidence, fail, pass, withReads } from '../define';

export default defineCheck({
  id: 'AML-IDM-002',
  slug: 'aml-idm-002-workspace-user-assigned-identity',
  title: 'Workspace uses a user-assigned managed identity',
  category: 'identity-management',
  severity: 'medium',
  resourceType: 'Microsoft.MachineLearningServices/workspaces',
  mcsb: ['IM-3'],
  policyDefinitionId: '5f0c7d88-c7de-45b8-ac49-db49e72eaa78',
  workshopQuestions: ['IM-01', 'PA-02'],
  areas: [],
  risk:
    'With only a system-assigned identity, AML grants itself broad roles on the storage account, key vault and registry when the workspace is created, and the identity lives and dies with the workspace. A user-assigned identity lets you pre-create exactly the role assignments you approve and keep them under your own lifecycle. Keep the system-assigned identity beside it (SystemAssigned,UserAssigned): a workspace with only a user-assigned identity cannot be soft-deleted and recovered (AML-BR-003).',
  remediation: {
    portal: [
      'Create a user-assigned managed identity and grant it the roles AML documents on the storage account, key vault and registry (AML-PRA-005).',
      'Open the workspace, select Identity, add the user-assigned identity and make it the primary identity, keeping the system-assigned identity on (soft delete and recovery need it).',
    ],
    cli: 'az ml workspace update -n <ws> -g <rg> --primary-user-assigned-identity <identity-resource-id>',
    url: 'https://learn.microsoft.com/azure/machine-learning/how-to-identity-based-service-authentication?view=azureml-api-2',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withReads(snapshot.workspace, (ws) => {
      const type = ws.identity?.type;
      const userAssigned = ws.identity?.userAssigned ?? [];
      const facts = [
        evidence('identity.type', type, 'SystemAssigned,UserAssigned (UserAssigned alone loses soft delete, AML-BR-003)'),
        evidence('identity.userAssignedIdentities', userAssigned.length > 0 ? userAssigned.map((u) => u.resourceId).join(', ') : undefined, 'at least one identity'),
        evidence('properties.primaryUserAssignedIdentity', ws.primaryUserAssignedIdentity, 'the user-assigned identity the workspace uses'),
      ];
      const hasUserAssigned = type !== undefined && /userassigned/i.test(type) && userAssigned.length > 0;
      const primaryOk = ws.primaryUserAssignedIdentity !== undefined && ws.primaryUserAssignedIdentity !== '';
      if (hasUserAssigned && primaryOk) {
        return [pass(ws.id, `Workspace ${ws.name} uses user-assigned identity ${ws.primaryUserAssignedIdentity?.split('/').pop() ?? ''} as its primary identity.`, facts)];
      }
      const why = !hasUserAssigned ? `its identity type is ${type ?? 'not set'}` : 'no primaryUserAssignedIdentity is set';
      return [fail(ws.id, `Workspace ${ws.name} does not use a user-assigned managed identity: ${why}.`, facts)];
    }),
});
