/** Compute types AML creates and runs itself (attached Kubernetes, Databricks, VMs are the customer's). */
import type { Compute } from '../../azure/snapshot';

export const MANAGED_COMPUTE_TYPES = ['ComputeInstance', 'AmlCompute'] as const;

export function isManagedCompute(compute: Compute): boolean {
  return MANAGED_COMPUTE_TYPES.some((t) => t.toLowerCase() === compute.computeType.toLowerCase());
}

/** A managed network that is on (approved-only or internet outbound) isolates AML computes. */
export function managedNetworkOn(isolationMode: string | undefined): boolean {
  const mode = isolationMode?.toLowerCase();
  return mode === 'allowonlyapprovedoutbound' || mode === 'allowinternetoutbound';
}
