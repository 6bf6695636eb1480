import { defineCheck, evidence, fail, pass, sameText, withReads } from '../define';
import { perResource } from '../per-resource';

export default defineCheck({
  id: 'AML-IDM-004',
  slug: 'aml-idm-004-datastores-no-stored-credentials',
  title: 'Datastores hold no stored credentials',
  category: 'identity-management',
  severity: 'high',
  resourceType: 'Microsoft.MachineLearningServices/workspaces/datastores',
  mcsb: ['IM-1', 'IM-8'],
  workshopQuestions: ['IM-01', 'NS-03'],
  areas: [],
  risk:
    'A datastore with an account key, SAS token or service-principal secret stores a long-lived credential in the workspace key vault that every workspace reader can use, so data access is neither personal nor revocable per user. Identity-based datastores use the caller\'s own Entra identity.',
  remediation: {
    portal: [
      'Grant the users and compute identities the data roles they need on the target storage.',
      'Recreate the datastore without credentials (identity-based) and delete the old one, then rotate the key or secret it held.',
    ],
    cli: 'az ml datastore create --file <identity-based-datastore>.yml -g <rg> -w <ws>',
    url: 'https://learn.microsoft.com/azure/machine-learning/how-to-datastore?view=azureml-api-2',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withReads(snapshot.datastores, (datastores) =>
      perResource(datastores, { resourceId: snapshot.workspaceId, message: 'The workspace has no datastores.' }, (d) => {
        const facts = [evidence('properties.credentials.credentialsType', d.credentialsType, 'None (identity-based)')];
        if (sameText(d.credentialsType, 'None')) return pass(d.id, `Datastore ${d.name} (${d.datastoreType}) is identity-based and stores no credentials.`, facts);
        const actual = d.credentialsType ?? 'not reported, so it cannot be shown to be identity-based';
        return fail(d.id, `Datastore ${d.name} (${d.datastoreType}) stores a credential: credentialsType is ${actual}.`, facts);
      }),
    ),
});
