/**
 * Display names of the built-in policy definitions this check set refers to, so that a finding can name a
 * policy instead of showing a bare GUID. Sources: Azure/azure-policy `built-in-policies/policyDefinitions/Machine Learning/*`,
 * `General/AllowedResourceTypes_Deny.json`, `General/AllowedLocations_Deny.json`, `General/InvalidResourceTypes_Deny.json`,
 * and the GUID tables of notes/check-catalog.md §1.4.
 */
import { definitionGuid } from './policy';

export const ML_POLICY = {
  publicNetworkDisabled: '438c38d2-3772-465a-a9cc-7a6666a275ce',
  privateLink: '45e05259-1eb5-4f70-9574-baf73e9d219b',
  computeLocalAuthDisabled: 'e96a9a5f-07ca-471b-9bc5-6a0f33cbd68f',
  computeInVnet: '7804b5c7-01dc-4723-969b-ae300cc07ff1',
  approvedOutboundOnly: '6ddb1705-c8cf-450e-aa4b-19ad6703c440',
  registryModelsAudit: '12e5dd16-d201-47ff-849b-8454061c293d',
  registryModelsDeny: '19539b54-c61e-4196-9a38-67598701be90',
} as const;

export const GENERAL_POLICY = {
  /** "Allowed resource types" — General/AllowedResourceTypes_Deny.json. */
  allowedResourceTypes: 'a08ec900-254a-4555-9bf5-e42af04b5c5c',
  /** "Not allowed resource types" — General/InvalidResourceTypes_Deny.json. */
  notAllowedResourceTypes: '6c112d4e-5bc7-47ae-a041-ea2d9dccd749',
  /** "Allowed locations" — General/AllowedLocations_Deny.json. */
  allowedLocations: 'e56962a6-4747-49cd-b67b-bf8b01975c4c',
} as const;

const NAMES: Readonly<Record<string, string>> = {
  [ML_POLICY.publicNetworkDisabled]: 'Azure Machine Learning Workspaces should disable public network access',
  [ML_POLICY.privateLink]: 'Azure Machine Learning workspaces should use private link',
  [ML_POLICY.computeLocalAuthDisabled]: 'Azure Machine Learning Computes should have local authentication methods disabled',
  [ML_POLICY.computeInVnet]: 'Azure Machine Learning Computes should be in a virtual network',
  [ML_POLICY.approvedOutboundOnly]: 'Azure Machine Learning and AI Studio should use Allow Only Approved Outbound Managed Vnet mode',
  [ML_POLICY.registryModelsAudit]: '[Preview]: Azure Machine Learning Deployments should only use approved Registry Models',
  [ML_POLICY.registryModelsDeny]: '[Preview]: Azure Machine Learning Model Registry Deployments are restricted except for the allowed Registry',
  'f110a506-2dcb-422e-bcea-d533fc8c35e2': 'Azure Machine Learning compute instances should be recreated to get the latest software updates',
  '679ddf89-ab8f-48a5-9029-e76054077449': 'Azure Machine Learning Compute Instance should have idle shutdown',
  'ba769a63-b8cc-4b2d-abf6-ac33c7204be8': 'Azure Machine Learning workspaces should be encrypted with a customer-managed key',
  '5f0c7d88-c7de-45b8-ac49-db49e72eaa78': 'Azure Machine Learning workspaces should use user-assigned managed identity',
  'afe0c3be-ba3b-4544-ba52-0c99672a8ad6': 'Resource logs in Azure Machine Learning Workspaces should be enabled',
  [GENERAL_POLICY.allowedResourceTypes]: 'Allowed resource types',
  [GENERAL_POLICY.notAllowedResourceTypes]: 'Not allowed resource types',
  [GENERAL_POLICY.allowedLocations]: 'Allowed locations',
  '1f3afdf9-d0c9-4c3d-847f-89da613e70a8': 'Microsoft cloud security benchmark',
};

/** "display name (guid)" when the GUID is known, else the GUID alone. */
export function policyName(policyDefinitionId: string): string {
  const guid = definitionGuid(policyDefinitionId);
  const name = NAMES[guid];
  return name !== undefined ? `${name} (${guid})` : guid;
}
