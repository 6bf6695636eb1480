/** The scan service and the sample environment. */
export { createScanService, type GuardianScanService, type ScanServiceDeps } from './create-scan-service';
export { createAzureAccess, signedInScopePolicy, type AzureAccess, type AzureAccessOptions, type ScopePolicy } from './azure-access';
export { startSampleEnvironment, type SampleEnvironment, type SampleEnvironmentOptions } from './sample-environment';
export * from './scan-service';
export type { SnapshotSource } from './snapshot-source';
