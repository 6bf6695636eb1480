/** The sample ARM server in fleet mode: N subscriptions × M generated workspaces, ARG pages of 1000 rows. */
import { seedFleet, type FleetSpec } from './data/fleet';
import { startSampleArm, type SampleArm, type SampleArmOptions } from './server';

export { fleetWorkspaces, fleetSubscriptionId, parseFleetSpec, seedFleet, type FleetSpec, type FleetWorkspace } from './data/fleet';

export const REAL_GRAPH_PAGE_SIZE = 1000;

export function startSampleFleetArm(spec: FleetSpec, options: Omit<SampleArmOptions, 'seed'> = {}): Promise<SampleArm> {
  return startSampleArm({ graphPageSize: REAL_GRAPH_PAGE_SIZE, ...options, seed: (store) => seedFleet(store, spec) });
}
