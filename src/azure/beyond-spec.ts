/**
 * Properties the product reads from a raw ARM response that the Azure REST API spec of the api-version it calls
 * does not define. Each one is documented somewhere else (an Azure Policy alias, a preview api-version, the
 * service's own docs), so it is read — but Azure owes us nothing: when it is absent, the check that uses it must
 * not fail. The contract test (test/contract/parser-reads.conformance.test.ts) fails on any read not in the spec
 * and not in this table, and on any row here that the product no longer reads or that the spec now defines.
 */

export interface BeyondSpecRead {
  /** The operation whose response is read, as the spec names it. */
  readonly operationId: string;
  readonly apiVersion: string;
  /** From the response body's root; `*` is any array item, `{}` any map value. */
  readonly path: string;
  /** Where the property is documented, since the spec does not. */
  readonly evidence: string;
  /** What the product does when the response lacks it. */
  readonly whenAbsent: string;
}

export const BEYOND_SPEC_READS: readonly BeyondSpecRead[] = [
  {
    operationId: 'Compute_List',
    apiVersion: '2025-09-01',
    path: 'value/*/properties/properties/idleTimeBeforeShutdown',
    evidence:
      'Azure Policy 679ddf89-ab8f-48a5-9029-e76054077449 (AML compute instance should have idle shutdown) reads the alias of this property, and PSRule Azure.ML.ComputeIdleShutdown reads properties.properties.idleTimeBeforeShutdown; in machineLearningServices.json 2025-09-01 it exists only in IdleShutdownSetting, the request body of the idle-shutdown update.',
    whenAbsent:
      'AML-AM-001 takes the compliance state of policy 679ddf89 for the compute instance (NonCompliant fails, Compliant passes); with no such state, or when the states cannot be read, the result is MANUAL.',
  },
  {
    operationId: 'Pricings_List',
    apiVersion: '2024-01-01',
    path: 'nextLink',
    evidence: "ARM's resource provider contract pages every collection GET with nextLink; pricings.json 2024-01-01 declares PricingList without paging.",
    whenAbsent: 'The list is taken as one page, which is all pricings.json promises.',
  },
];
