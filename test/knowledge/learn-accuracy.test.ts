/**
 * Facts the answers must state as Microsoft Learn does today, where earlier text (and the workshop's security guide)
 * got them wrong. Each test reads the knowledge files and the check metadata as the bot shows them.
 */
import { parse as parseYaml } from 'yaml';
import { checkById } from '../../src/checks/registry';
import { loadKnowledge } from '../../src/knowledge/content';
import { loadLabContent } from '../../src/knowledge/lab-content';
import { azCommands, fencedBlocks } from '../support/az-commands';

const content = loadKnowledge();
const answer = (id: string): string => content.answers.get(id)!.body;
const topic = (id: string): string => content.topics.get(id)!.body;
const explainer = (id: string): string => content.checks.get(id)!.body;
const remediationText = (id: string): string => {
  const check = checkById(id)!;
  return [check.risk, ...(check.remediation.portal ?? []), check.remediation.cli ?? '', check.remediation.url ?? ''].join('\n');
};
const entries = [...content.answers.values(), ...content.topics.values()];
const allBodies = [...entries, ...content.categories.values(), ...content.checks.values()].map((e) => e.body);
const allCommands = [...allBodies.flatMap(fencedBlocks), ...[...content.checks.keys()].flatMap((id) => checkById(id)?.remediation.cli ?? [])].flatMap(azCommands);
const flagValue = (args: readonly string[], flag: string): string | undefined => {
  const i = args.indexOf(flag);
  return i === -1 ? undefined : args[i + 1];
};

describe('the workspace managed identity keeps the roles Learn documents', () => {
  it('PA-02 quotes the role table and keeps least privilege for compute and endpoint identities', () => {
    const body = answer('PA-02');
    for (const role of ['Key Vault Administrator', 'except purge', 'Storage Blob Data Contributor', 'Container registry | Contributor', 'Application Insights | Contributor']) expect(body).toContain(role);
    expect(body).toMatch(/Compute and endpoint identities/);
    // No sentence hands the workspace identity a narrow vault role.
    for (const sentence of body.split(/(?<=\.)\s/)) {
      if (/workspace (managed )?identity gets/i.test(sentence)) expect(sentence).not.toMatch(/Key Vault Secrets User|Storage Blob Data Reader/);
    }
    expect(content.answers.get('PA-02')!.keyPoints.join(' ')).not.toMatch(/workspace managed identity gets only/i);
  });

  it('the managed identity topic, the privileged access explainer and the access-policy check make the same exception', () => {
    expect(topic('managed-identity')).toContain('Key Vault Administrator');
    expect(content.categories.get('privileged-access')!.body).toMatch(/workspace's own managed identity is the exception/);
    expect(explainer('AML-PRA-002')).toMatch(/except purge/);
    expect(remediationText('AML-PRA-002')).toMatch(/except purge/);
    expect(remediationText('AML-PRA-002')).not.toMatch(/AML needs get, list, set and delete/);
  });
});

describe('Defender coverage for Azure ML', () => {
  it('LT-01, the Defender topic and AML-LT-005 say Defender for AI services protects Azure OpenAI and AI model inference, not Azure ML', () => {
    for (const text of [answer('LT-01'), topic('defender-for-cloud'), explainer('AML-LT-005'), content.categories.get('logging-threat-detection')!.body]) expect(text).toMatch(/Azure OpenAI/);
    expect(answer('LT-01')).toMatch(/not an Azure ML plan/);
    expect(topic('defender-for-cloud').replace(/\s+/g, ' ')).toMatch(/protects Azure OpenAI and Azure AI model inference, not Azure ML workspaces/);
    expect(explainer('AML-LT-005')).toMatch(/does not protect Azure ML workspaces/);
    expect(checkById('AML-LT-005')!.risk).toMatch(/does not cover Azure ML workspaces/);
    for (const id of ['LT-01', 'defender-for-cloud']) {
      const entry = content.answers.get(id) ?? content.topics.get(id)!;
      expect(entry.keyPoints.join(' ')).not.toMatch(/AI services/);
      expect(entry.body).toMatch(/Defender CSPM/);
    }
  });

  it('turns on Defender for Storage with the DefenderForStorageV2 sub-plan and malware scanning wherever it shows the command', () => {
    const storage = allCommands.filter((args) => args.join(' ').startsWith('security pricing create') && ['StorageAccounts'].includes(flagValue(args, '-n') ?? flagValue(args, '--name') ?? ''));
    expect(storage.length).toBeGreaterThanOrEqual(3);
    for (const args of storage) {
      expect(flagValue(args, '--subplan')).toBe('DefenderForStorageV2');
      expect(args.join(' ')).toContain('name=OnUploadMalwareScanning isEnabled=True');
    }
  });
});

describe('datastores', () => {
  const BLOB_KEYS = new Set(['$schema', 'type', 'name', 'description', 'tags', 'account_name', 'container_name', 'endpoint', 'protocol', 'credentials']);

  it('every azure_blob datastore YAML uses only the schema keys, and identity access has no credentials', () => {
    const blobs = allBodies.flatMap(fencedBlocks).flatMap((block): Record<string, unknown>[] => {
      try {
        const doc = parseYaml(block) as unknown;
        if (typeof doc !== 'object' || doc === null) return [];
        const fields = doc as Record<string, unknown>;
        return fields.type === 'azure_blob' ? [fields] : [];
      } catch {
        return [];
      }
    });
    expect(blobs.length).toBeGreaterThan(0);
    for (const doc of blobs) {
      expect(Object.keys(doc).filter((k) => !BLOB_KEYS.has(k))).toEqual([]);
      const credentials = doc.credentials as Record<string, unknown> | undefined;
      if (credentials !== undefined) expect(Object.keys(credentials).every((k) => k === 'account_key' || k === 'sas_token')).toBe(true);
    }
    expect(answer('WVN-03')).toMatch(/leaving `credentials` out/);
  });

  it('NS-03 says Azure SQL datastores exist only in SDK v1', () => {
    expect(answer('NS-03')).toMatch(/Azure SQL datastores exist only in SDK v1/);
  });
});

describe('the ML Model Deployer custom role', () => {
  it('grants the managed online endpoint actions and workspaces/read', () => {
    const definitions = allCommands.filter((args) => args.join(' ').startsWith('role definition create')).map((args) => JSON.parse(flagValue(args, '--role-definition') ?? '{}') as { Name?: string; Actions?: string[] });
    const deployer = definitions.find((d) => d.Name === 'ML Model Deployer');
    expect(deployer?.Actions).toEqual(
      expect.arrayContaining([
        'Microsoft.MachineLearningServices/workspaces/read',
        'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/*',
        'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/*',
      ]),
    );
    expect(deployer?.Actions?.some((a) => /workspaces\/(endpoints|deployments)\//.test(a))).toBe(false);
  });
});

describe('ACR soft delete and geo-replication', () => {
  it('BR-02, BR-01 and AML-BR-002 say soft delete is preview, unsupported on geo-replicated registries and exclusive with a retention policy', () => {
    for (const text of [answer('BR-02'), explainer('AML-BR-002'), remediationText('AML-BR-002')]) {
      expect(text).toMatch(/preview/);
      expect(text).toMatch(/geo-replicated/);
      expect(text).toMatch(/retention policy/);
    }
    expect(answer('BR-01')).toMatch(/soft delete \(preview\) is not supported on a geo-replicated registry/);
  });
});

describe('moving an existing workspace to a managed virtual network', () => {
  it('lab exercise 10 and AML-NET-003 warn that computes and managed online endpoints must be deleted first', () => {
    const step = loadLabContent().exercise(10)!.steps.find((s) => s.command?.includes('--managed-network') === true)!;
    for (const text of [step.text, explainer('AML-NET-003'), remediationText('AML-NET-003')]) {
      expect(text).toMatch(/delete its compute instances, (compute )?clusters and managed online endpoints/);
      expect(text).toMatch(/cannot be disabled once enabled/);
    }
  });
});

describe('data exfiltration detection (DP-04)', () => {
  it('names the real storage operations and says a client-signed account SAS is never logged', () => {
    const body = answer('DP-04');
    for (const op of ['listKeys/action', 'ListAccountSas/action', 'ListServiceSas/action', 'blobServices/generateUserDelegationKey/action']) expect(body).toContain(op);
    expect(body).toMatch(/signs itself with the account key is never logged/);
    expect(body).not.toMatch(/`generateSas`/);
  });
});

describe('legacy and deprecated mechanisms are named as such', () => {
  it('AML-NET-009 calls egress_public_network_access the legacy method and points to the managed network', () => {
    for (const text of [explainer('AML-NET-009'), remediationText('AML-NET-009')]) {
      expect(text).toMatch(/legacy/);
      expect(text).toMatch(/managed network/);
    }
  });

  it('AML-PV-003 and PV-01 gate images in the pipeline, not with deprecated content trust or preview quarantine', () => {
    for (const text of [answer('PV-01'), explainer('AML-PV-003'), remediationText('AML-PV-003')]) {
      expect(text).toMatch(/Notary Project/);
      expect(text).toMatch(/deprecated/);
      expect(text).toMatch(/preview/);
    }
    expect(content.answers.get('PV-01')!.keyPoints.join(' ')).not.toMatch(/content trust or quarantine/);
    expect(checkById('AML-PV-003')!.remediation.url).not.toMatch(/content-trust/);
  });

  it('links no Azure ML v1 page where a v2 page exists (DP-03)', () => {
    const urls = entries.flatMap((e) => e.learn.map((l) => l.url));
    expect(urls.filter((u) => /how-to-secure-web-service|view=azureml-api-1/.test(u))).toEqual([]);
  });
});

describe('policy assignments', () => {
  const assignments = allCommands.filter((args) => args.join(' ').startsWith('policy assignment create'));

  it('give a location to every assignment with a managed identity', () => {
    expect(assignments.length).toBeGreaterThan(2);
    for (const args of assignments) {
      if (args.some((a) => ['--assign-identity', '--mi-system-assigned', '--mi-user-assigned'].includes(a))) expect(args.some((a) => a === '--location' || a === '-l')).toBe(true);
    }
  });

  it('assign the audit-only benchmark initiative without an identity, at a subscription or management group', () => {
    const mcsb = assignments.filter((args) => flagValue(args, '--policy-set-definition') === '1f3afdf9-d0c9-4c3d-847f-89da613e70a8');
    expect(mcsb.length).toBeGreaterThanOrEqual(2);
    for (const args of mcsb) {
      expect(args.filter((a) => ['--assign-identity', '--mi-system-assigned', '--mi-user-assigned'].includes(a))).toEqual([]);
      expect(flagValue(args, '--scope')).toMatch(/^\/subscriptions\/[^/]+$|^\/providers\/Microsoft\.Management\/managementGroups\/[^/]+$/);
    }
  });
});

describe('where the workshop guide is wrong, the answer says what it is today', () => {
  it.each([
    ['DP-02', /--encryption-key-name[\s\S]*do not exist today[\s\S]*customer_managed_key/],
    ['customer-managed-keys', /--encryption-key-name[\s\S]*do not exist today[\s\S]*customer_managed_key/],
    ['managed-identity', /--identity-type SystemAssigned`; that flag does not exist/],
    ['PV-01', /`--image-build-compute-name`; today the flag is `--image-build-compute`/],
    ['WVN-03', /`credentials: credential_type: msi`; that key is not in today's `azure_blob`/],
    ['PA-01', /security guide grants `workspaces\/endpoints\/\*`/],
    ['AM-02', /security guide assigns the initiative[\s\S]*`--assign-identity`/],
  ])('%s', (id, pattern) => {
    const body = (content.answers.get(id)?.body ?? topic(id)).replace(/\s+/g, ' ');
    expect(body).toMatch(/workshop's security guide/);
    expect(body).toMatch(pattern);
  });
});
