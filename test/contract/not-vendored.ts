/**
 * Operations the product calls whose spec is not in test/fixtures/arm-specs yet, each with why. The conformance
 * test fails on any response it cannot place: either in a vendored spec, or here. Remove a row when its spec is
 * vendored (the test then validates those bodies too).
 */
export interface NotVendored {
  readonly method: 'GET' | 'POST';
  /** Matches the request path (case-insensitive). */
  readonly path: RegExp;
  readonly apiVersion: string;
  readonly operation: string;
  readonly why: string;
}

const TOO_LARGE = 'spec file too large to vendor whole; a reduced copy was not made yet (see the fixture README)';

export const NOT_VENDORED: readonly NotVendored[] = [
  {
    method: 'GET',
    path: /\/providers\/Microsoft\.MachineLearningServices\/workspaces\/[^/]+\/onlineEndpoints\/[^/]+\/deployments$/i,
    apiVersion: '2022-10-01',
    operation: 'OnlineDeployments_List (mfe.json, through @azure/arm-machinelearning)',
    why: TOO_LARGE,
  },
  {
    method: 'GET',
    path: /\/providers\/Microsoft\.MachineLearningServices\/workspaces\/[^/]+\/datastores$/i,
    apiVersion: '2022-10-01',
    operation: 'Datastores_List (mfe.json, through @azure/arm-machinelearning)',
    why: TOO_LARGE,
  },
  {
    method: 'GET',
    path: /\/providers\/Microsoft\.Storage\/storageAccounts\/[^/]+$/i,
    apiVersion: '2026-06-01',
    operation: 'StorageAccounts_GetProperties (openapi.json, through @azure/arm-storage)',
    why: TOO_LARGE,
  },
  {
    method: 'GET',
    path: /\/providers\/Microsoft\.Storage\/storageAccounts\/[^/]+\/blobServices\/default$/i,
    apiVersion: '2026-06-01',
    operation: 'BlobServices_GetServiceProperties (openapi.json, through @azure/arm-storage)',
    why: TOO_LARGE,
  },
];

export function notVendored(method: string, path: string, apiVersion: string | undefined): NotVendored | undefined {
  return NOT_VENDORED.find((n) => n.method === method && n.apiVersion === apiVersion && n.path.test(path));
}
