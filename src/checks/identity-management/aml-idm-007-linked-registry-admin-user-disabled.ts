import { defineCheck, evidence, fail, notApplicable, pass, withLinked } from '../define';

/** ARM defaults `adminUserEnabled` to false, so absent passes; but AML-created registries turn it on (L5). */
export default defineCheck({
  id: 'AML-IDM-007',
  slug: 'aml-idm-007-linked-registry-admin-user-disabled',
  title: "The workspace's container registry has the admin user disabled",
  category: 'identity-management',
  severity: 'high',
  resourceType: 'Microsoft.ContainerRegistry/registries',
  mcsb: ['IM-1', 'PA-1'],
  policyDefinitionId: 'dc921057-6b28-4fbe-9b83-f7bec05db6c2',
  workshopQuestions: ['IM-01', 'PV-01'],
  areas: [],
  risk:
    'The registry admin user is a shared username and password with push and pull rights on every repository; AML turns it on when it creates the registry. Whoever holds it can replace the images that training jobs and deployments run.',
  remediation: {
    portal: [
      'Make sure the workspace identity and computes pull with Entra ID (AcrPull/Contributor role assignments).',
      'Open the registry, select Access keys, and turn Admin user off.',
    ],
    cli: 'az acr update -n <registry> -g <rg> --admin-enabled false',
    url: 'https://learn.microsoft.com/azure/container-registry/container-registry-authentication?tabs=azure-cli#admin-account',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withLinked(
      snapshot.containerRegistry,
      () => notApplicable(snapshot.workspaceId, 'The workspace names no container registry yet.'),
      (acr) => {
        const facts = [evidence('adminUserEnabled', acr.adminUserEnabled, 'false')];
        if (acr.adminUserEnabled === true) return [fail(acr.id, `Container registry ${acr.name} has the admin user enabled (adminUserEnabled true).`, facts)];
        return [pass(acr.id, `Container registry ${acr.name} has the admin user disabled (adminUserEnabled ${acr.adminUserEnabled === false ? 'false' : 'not set, defaults to false'}).`, facts)];
      },
    ),
});
