/** The sample environment: a local ARM-compatible HTTPS server with two sample AML workspaces. */
export { startSampleArm, type SampleArm, type SampleArmOptions, type SampleExchange, type LoggedRequest } from './server';
export type { FaultRule } from './faults';
export type { Json, JsonObject } from './json';
export { ResourceStore } from './resource-store';
export {
  seedSampleWorkspaces,
  sampleIds,
  SAMPLE_WORKSPACE_IDS,
  SAMPLE_TENANT_ID,
  LAB_NAMES,
  LAB_PARAMETERS,
  HARDENED_NAMES,
  ROLE_GUIDS,
  CUSTOM_ROLE_GUIDS,
  type SampleNames,
  type SampleIds,
  type SampleWorkspaceKey,
} from './data';
