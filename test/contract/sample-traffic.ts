/**
 * The product's real ARM traffic against the sample environment: both sample workspaces collected one by one,
 * then a full-depth fleet scan over a small sample fleet, every response recorded with the request it answers.
 */
import { createArmClients, type ArmClients } from '../../src/azure/clients';
import { collectWorkspaceSnapshot } from '../../src/azure/collect';
import { createSampleCredential } from '../../src/azure/credentials';
import { collectFleetSnapshots } from '../../src/azure/fleet-collect';
import { SAMPLE_WORKSPACE_IDS, startSampleArm, type SampleArm, type SampleExchange } from '../../src/sample';
import { startSampleFleetArm } from '../../src/sample/fleet';

const clientsFor = (arm: SampleArm): ArmClients => createArmClients({ credential: createSampleCredential(), endpoint: arm.endpoint, ca: arm.ca });

/** Runs the collections and returns every response the sample servers sent (the servers are closed again). */
export async function recordSampleTraffic(): Promise<SampleExchange[]> {
  const exchanges: SampleExchange[] = [];
  const record = (exchange: SampleExchange): void => {
    exchanges.push(exchange);
  };
  const sample = await startSampleArm({ onResponse: record });
  try {
    for (const id of Object.values(SAMPLE_WORKSPACE_IDS)) await collectWorkspaceSnapshot(clientsFor(sample), id, { timeoutMs: 30_000, concurrency: 4 });
  } finally {
    await sample.close();
  }
  const fleet = await startSampleFleetArm({ subscriptions: 2, workspacesPerSubscription: 2 }, { onResponse: record });
  try {
    await collectFleetSnapshots(clientsFor(fleet), { concurrency: 4, timeoutMs: 30_000, depth: 'full' });
  } finally {
    await fleet.close();
  }
  return exchanges;
}

export const describeExchange = (e: SampleExchange): string => `${e.method} ${e.path}?api-version=${e.apiVersion ?? '(none)'}`;
