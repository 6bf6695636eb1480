/**
 * Every body the sample ARM server sends while the product collects both sample workspaces and a fleet scan
 * conforms to the response schema of the operation it answers, at the api-version the request asked for, as
 * the vendored Azure REST API specs define it.
 */
import type { SampleExchange } from '../../src/sample';
import { ArmContract } from './arm-contract';
import { notVendored } from './not-vendored';
import { describeExchange, recordSampleTraffic } from './sample-traffic';

const contract = ArmContract.load();
let exchanges: SampleExchange[] = [];

beforeAll(async () => {
  exchanges = await recordSampleTraffic();
});

const answered = (): SampleExchange[] => exchanges.filter((e) => e.status === 200);

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

  it('validates the responses of the workspace, ARM list, SDK read and Resource Graph operations it is about', () => {
    const operationIds = new Set(answered().flatMap((e) => contract.find(e.method, e.path, e.apiVersion ?? '')?.operationId ?? []));
    const sdkReads = ['OnlineDeployments_List', 'Datastores_List', 'StorageAccounts_GetProperties', 'BlobServices_GetServiceProperties', 'Vaults_Get', 'Keys_Get'];
    for (const id of ['Workspaces_Get', 'Compute_List', 'OnlineEndpoints_List', 'Registries_Get', ...sdkReads, 'Resources', 'PolicyStates_ListQueryResultsForResourceGroup']) {
      expect(operationIds).toContain(id);
    }
  });
});
