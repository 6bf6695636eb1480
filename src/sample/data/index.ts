/** The sample environment's data: two workspaces (see lab-default.ts and hardened.ts). */
import type { ResourceStore } from '../resource-store';
import { seedHardened } from './hardened';
import { seedLabDefault } from './lab-default';

export * from './ids';

/** Loads both sample workspaces (and their subscriptions, linked resources, RBAC, Defender, policy) into `store`. */
export function seedSampleWorkspaces(store: ResourceStore): void {
  const put = (path: string, body: Parameters<ResourceStore['set']>[1]): void => store.set(path, body);
  seedLabDefault(put);
  seedHardened(put);
}
