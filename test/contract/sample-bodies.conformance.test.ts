/**
 * Every body the sample ARM server sends while the product collects both sample workspaces and a fleet scan
 * conforms to the response schema of the operation it answers, at the api-version the request asked for, as
 * the vendored Azure REST API specs define it.
 */
import { createArmClients, type ArmClients } from '../../src/azure/clients';
import { collectWorkspaceSnapshot } from '../../src/azure/collect';
import { createSampleCredential } from '../../src/azure/credentials';
import { collectFleetSnapshots } from '../../src/azure/fleet-collect';
import { SAMPLE_WORKSPACE_IDS, startSampleArm, type SampleArm, type SampleExchange } from '../../src/sample';
import { startSampleFleetArm } from '../../src/sample/fleet';
import { ArmContract } from './arm-contract';
import { notVendored } from './not-vendored';

const contract = ArmContract.load();
const exchanges: SampleExchange[] = [];
const servers: SampleArm[] = [];
const record = (exchange: SampleExchange): void => {
  exchanges.push(exchange);
};
const clientsFor = (arm: SampleArm): ArmClients => createArmClients({ credential: createSampleCredential(), endpoint: arm.endpoint, ca: arm.ca });

beforeAll(async () => {
  const sample = await startSampleArm({ onResponse: record });
  servers.push(sample);
  for (const id of Object.values(SAMPLE_WORKSPACE_IDS)) await collectWorkspaceSnapshot(clientsFor(sample), id, { timeoutMs: 30_000, concurrency: 4 });
  const fleet = await startSampleFleetArm({ subscriptions: 2, workspacesPerSubscription: 2 }, { onResponse: record });
  servers.push(fleet);
  await collectFleetSnapshots(clientsFor(fleet), { concurrency: 4, timeoutMs: 30_000, depth: 'full' });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

const answered = (): SampleExchange[] => exchanges.filter((e) => e.status === 200);
const describeExchange = (e: SampleExchange): string => `${e.method} ${e.path}?api-version=${e.apiVersion ?? '(none)'}`;

describe('sample ARM bodies against the vendored specs', () => {
  it('answers every read of both sample workspaces and the fleet scan with 200', () => {
    expect(answered().length).toBeGreaterThan(50);
    expect(exchanges.filter((e) => e.status !== 200).map(describeExchange)).toEqual([]);
  });

  it('places every response in a vendored operation or in the documented list of specs not vendored yet', () => {
    const unplaced = answered()
      .filter((e) => contract.find(e.method, e.path, e.apiVersion ?? '') === undefined && notVendored(e.method, e.path, e.apiVersion) === undefined)
      .map(describeExchange);
    expect([...new Set(unplaced)]).toEqual([]);
  });

  it('sends bodies that validate against the 200 schema of their operation', () => {
    const failures: string[] = [];
    for (const e of answered()) {
      const operation = contract.find(e.method, e.path, e.apiVersion ?? '');
      if (operation === undefined) continue;
      for (const error of contract.validate(operation, e.body)) failures.push(`${describeExchange(e)} (${operation.operationId}): ${error}`);
    }
    expect([...new Set(failures.map((f) => f.replace(/^\S+ \S+ /, "").replace(/\/\d+\//g, "/*/")))]).toEqual([]);
  });

  it('validates the responses of the workspace, ARM list and Resource Graph operations it is about', () => {
    const operationIds = new Set(answered().flatMap((e) => contract.find(e.method, e.path, e.apiVersion ?? '')?.operationId ?? []));
    for (const id of ['Workspaces_Get', 'Compute_List', 'OnlineEndpoints_List', 'Registries_Get', 'Vaults_Get', 'Keys_Get', 'Resources', 'PolicyStates_ListQueryResultsForResourceGroup']) {
      expect(operationIds).toContain(id);
    }
  });
});
