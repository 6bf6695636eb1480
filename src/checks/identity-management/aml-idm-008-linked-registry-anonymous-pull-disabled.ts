import { defineCheck, evidence, fail, notApplicable, pass, withLinked } from '../define';

export default defineCheck({
  id: 'AML-IDM-008',
  slug: 'aml-idm-008-linked-registry-anonymous-pull-disabled',
  title: "The workspace's container registry has anonymous pull disabled",
  category: 'identity-management',
  severity: 'medium',
  resourceType: 'Microsoft.ContainerRegistry/registries',
  mcsb: ['IM-1'],
  policyDefinitionId: '9f2dea28-e834-476c-99c5-3507b4728395',
  workshopQuestions: ['IM-01', 'PV-01'],
  areas: [],
  risk:
    'Anonymous pull lets anyone who can reach the registry download every image without signing in, including environments that embed proprietary code, package feeds or secrets baked into layers.',
  remediation: {
    portal: ['Open the registry (Standard or Premium), select Properties or Settings, and turn anonymous pull access off.'],
    cli: 'az acr update -n <registry> --anonymous-pull-enabled false',
    url: 'https://learn.microsoft.com/azure/container-registry/anonymous-pull-access',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withLinked(
      snapshot.containerRegistry,
      () => notApplicable(snapshot.workspaceId, 'The workspace names no container registry yet.'),
      (acr) => {
        const facts = [evidence('anonymousPullEnabled', acr.anonymousPullEnabled, 'false')];
        if (acr.anonymousPullEnabled === true) return [fail(acr.id, `Container registry ${acr.name} allows anonymous pull (anonymousPullEnabled true).`, facts)];
        return [pass(acr.id, `Container registry ${acr.name} requires authentication to pull (anonymousPullEnabled ${acr.anonymousPullEnabled === false ? 'false' : 'not set, defaults to false'}).`, facts)];
      },
    ),
});
