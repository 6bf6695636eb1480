/** Compute types AML creates and runs itself (attached Kubernetes, Databricks, VMs are the customer's). */
import type { Compute, OnlineDeployment, OnlineEndpoint } from '../../azure/snapshot';
import { sameText } from '../define';

export const MANAGED_COMPUTE_TYPES = ['ComputeInstance', 'AmlCompute'] as const;

export function isManagedCompute(compute: Compute): boolean {
  return MANAGED_COMPUTE_TYPES.some((t) => t.toLowerCase() === compute.computeType.toLowerCase());
}

/** A managed network that is on (approved-only or internet outbound) isolates AML computes. */
export function managedNetworkOn(isolationMode: string | undefined): boolean {
  const mode = isolationMode?.toLowerCase();
  return mode === 'allowonlyapprovedoutbound' || mode === 'allowinternetoutbound';
}

/**
 * Kubernetes online endpoints and deployments run on an attached cluster: scoring traffic reaches them through the
 * cluster's inference router and load balancer, and their egress is the cluster's, so the managed-endpoint
 * network flags (publicNetworkAccess, egressPublicNetworkAccess) do not isolate them. An endpoint names its
 * cluster in `compute`; a deployment says `endpointComputeType: Kubernetes`.
 */
export function isKubernetesEndpoint(endpoint: OnlineEndpoint): boolean {
  return endpoint.compute !== undefined && endpoint.compute !== '';
}

export function isKubernetesDeployment(deployment: OnlineDeployment): boolean {
  return sameText(deployment.endpointComputeType, 'Kubernetes');
}
