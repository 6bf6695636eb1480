/**
 * The lab's validations end to end against the sample environment: the local sample ARM server, the real SDK
 * clients and collectors, the scan service as SnapshotSource. `lab-default` is the workspace as the lab deploys
 * it (namespace mlopsv2, postfix 0001, prod); the tests break and mend it with the server's mutation helpers.
 */
import { createLabFeature } from '../../src/dialogs/lab';
import type { ActionResult, CardAction } from '../../src/dialogs/feature';
import type { AdaptiveCard, TurnPort } from '../../src/dialogs/port';
import { loadLabContent } from '../../src/knowledge/lab-content';
import type { LabParameters } from '../../src/lab/parameters';
import { createLabValidationService, type LabValidationService } from '../../src/lab/validation-service';
import { LAB_NAMES, sampleIds } from '../../src/sample';
import { startSampleEnvironment, type SampleEnvironment } from '../../src/scan';
import { createMemoryStore } from '../../src/storage/memory-store';
import { offer } from '../support/conversation';

const ids = sampleIds(LAB_NAMES);
const PARAMS: LabParameters = {
  subscriptionId: LAB_NAMES.subscriptionId,
  namespace: 'mlopsv2',
  postfix: '0001',
  location: LAB_NAMES.location,
  environment: 'prod',
  computeCluster: 'cpu-cluster',
};
const CLUSTER_PATH = `${ids.workspace}/computes/${LAB_NAMES.computeCluster}`;
const CSPM_PATH = `${ids.subscription}/providers/Microsoft.Security/pricings/CloudPosture`;
const CONNECTOR_PATH = `${ids.resourceGroup}/providers/Microsoft.Security/securityConnectors/ado-mlopsv2`;

describe('lab validations against the sample environment', () => {
  let env: SampleEnvironment;
  let service: LabValidationService;

  beforeAll(async () => {
    env = await startSampleEnvironment();
    service = createLabValidationService({ source: env.scanService });
  });
  afterAll(async () => {
    await env.close();
  });

  it('exercise 6 fails without the compute cluster, then passes once it is back', async () => {
    const cluster = env.arm.getResource(CLUSTER_PATH);
    expect(cluster).toBeDefined();
    env.arm.deleteResource(CLUSTER_PATH);
    try {
      const failed = await service.validate('infrastructure-deployed', PARAMS);
      expect(failed.status).toBe('failed');
      expect(failed.items.find((i) => !i.ok)?.text).toBe(`No compute cluster in workspace ${LAB_NAMES.workspace}: expected cpu-cluster.`);
    } finally {
      env.arm.setResource(CLUSTER_PATH, cluster!);
    }
    const passed = await service.validate('infrastructure-deployed', PARAMS);
    expect(passed.status).toBe('passed');
    expect(passed.items.map((i) => i.text).join('\n')).toContain(`The storage account ${LAB_NAMES.storageAccount} is linked to the workspace.`);
  });

  it('exercise 6 names the expected workspace when the learner gave other values', async () => {
    const r = await service.validate('infrastructure-deployed', { ...PARAMS, postfix: '0009' });
    expect(r.status).toBe('failed');
    expect(r.items[0]?.text).toContain('No workspace mlw-mlopsv2-0009prod in resource group rg-mlopsv2-0009prod');
  });

  it('exercise 7 fails with CSPM Free and no Azure DevOps connector, then passes', async () => {
    const failed = await service.validate('defender-cspm-devops', PARAMS);
    expect(failed.status).toBe('failed');
    expect(failed.items.filter((i) => !i.ok).map((i) => i.text)).toEqual([
      `Defender CSPM (CloudPosture) is on the Free tier on subscription ${LAB_NAMES.subscriptionId}; the lab needs Standard.`,
      `No Azure DevOps connector in Defender for Cloud for subscription ${LAB_NAMES.subscriptionId}.`,
    ]);
    env.arm.patch(CSPM_PATH, { pricingTier: 'Standard' });
    env.arm.setResource(CONNECTOR_PATH, { name: 'ado-mlopsv2', type: 'Microsoft.Security/securityConnectors', location: 'centralus', properties: { environmentName: 'AzureDevOps' } });
    try {
      const passed = await service.validate('defender-cspm-devops', PARAMS);
      expect(passed.status).toBe('passed');
    } finally {
      env.arm.patch(CSPM_PATH, { pricingTier: 'Free' });
      env.arm.deleteResource(CONNECTOR_PATH);
    }
  });

  it('exercise 3 warns that Contributor on the whole subscription is more than needed', async () => {
    const r = await service.validate('service-principal-role', PARAMS);
    expect(r.status).toBe('warning');
    expect(r.items.find((i) => !i.ok)?.text).toContain(`Contributor on the whole subscription ${LAB_NAMES.subscriptionId} is more than the deployment needs`);
  });

  it('exercise 8 lists the unhealthy recommendations first', async () => {
    const r = await service.validate('defender-recommendations', PARAMS);
    expect(r.status).toBe('passed');
    expect(r.items[1]?.text).toMatch(/^Unhealthy/);
  });

  it('exercises 10 and 11 give the catalog advice without blocking', async () => {
    for (const id of ['network-controls', 'rbac-controls']) {
      const r = await service.validate(id, PARAMS);
      expect(r.status).toBe('warning');
      expect(r.items.some((i) => /^AML-[A-Z]+-\d{3} /.test(i.text) && !i.ok)).toBe(true);
    }
  });

  it('the lab feature finds the sample workspace by name and validates exercise 6 through it', async () => {
    const feature = createLabFeature({ content: loadLabContent(), store: createMemoryStore(), validation: service });
    const port: TurnPort = {
      conversation: { conversationId: 'c', conversationType: 'personal', tenantId: undefined, userId: 'learner', userName: undefined, teamId: undefined, channelId: undefined },
      sendText: () => Promise.resolve(),
      sendCard: () => Promise.resolve('1'),
      updateCard: () => Promise.resolve(),
      typing: () => Promise.resolve(),
    };
    const act = (verb: string, data: Record<string, unknown>): CardAction => ({ verb, data, via: 'submit' });
    const card = (r: ActionResult): string => {
      if (r.kind !== 'card') throw new Error(JSON.stringify(r));
      return JSON.stringify(r.card satisfies AdaptiveCard);
    };
    await offer(feature, port, { text: 'start lab', route: { intent: 'command', command: 'lab', args: 'start', confidence: 1 } });
    expect(card(await feature.onAction!(port, act('lab.find', { workspace: LAB_NAMES.workspace })))).toContain(`Found workspace ${LAB_NAMES.workspace}`);
    await offer(feature, port, { text: 'lab exercise 6', route: { intent: 'command', command: 'lab', args: 'exercise 6', confidence: 1 } });
    const validated = card(await feature.onAction!(port, act('lab.validate', { exercise: 6 })));
    expect(validated).toContain('✅ Passed');
    expect(validated).toContain(`Compute cluster cpu-cluster exists in workspace ${LAB_NAMES.workspace}`);
  });
});
