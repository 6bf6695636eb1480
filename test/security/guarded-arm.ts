/**
 * The scan guard in front of the real scan service, over the ARM stand-in (official example bodies, every request
 * recorded): what the security suites use to prove that a refused request reads nothing from Azure.
 */
import { createArmClients } from '../../src/azure/clients';
import type { ConversationInfo } from '../../src/dialogs/port';
import { createScanService } from '../../src/scan/create-scan-service';
import { createChannelBindings, type ChannelBindings } from '../../src/security/channel-binding';
import { createScanRateLimiter } from '../../src/security/rate-limit';
import { createScanAuthorizer } from '../../src/security/scan-authorization';
import { createScanGuard, type ScanGuard } from '../../src/security/scan-guard';
import { createMemoryStore, type MemoryGuardianStore } from '../../src/storage/memory-store';
import { EXAMPLE_SUBSCRIPTION, EXAMPLE_WORKSPACE, graphRowOf, type ArmStandIn } from '../support/arm-stand-in';
import { text } from '../support/arm-example';
import { fakeCredential, FAST_RETRY } from '../support/fake-arm';
import { makeConversation, OTHER_TENANT, TENANT } from './helpers';

/** A second subscription the bot may read, to which the test team is not linked. */
export const UNLINKED_SUB = '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a';
/** A subscription outside the allowed scopes. */
export const FORBIDDEN_SUB = '0f1e2d3c-4b5a-4697-8877-665544332211';
export const ALLOWED_SCOPES = [`/subscriptions/${EXAMPLE_SUBSCRIPTION}`, `/subscriptions/${UNLINKED_SUB}`];
export const EXAMPLE_NAME = text(EXAMPLE_WORKSPACE, 'name');

/** A channel of a team linked to the example's subscription only. */
export const linkedChannel: ConversationInfo = makeConversation({ tenantId: TENANT });

export const workspaceIdIn = (subscription: string, group: string, name = EXAMPLE_NAME): string =>
  `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.MachineLearningServices/workspaces/${name}`;

/** Adds a workspace of the example's shape to Resource Graph at another place. */
export function addWorkspaceRow(arm: ArmStandIn, id: string): void {
  arm.addGraphRows('resources', [graphRowOf({ ...EXAMPLE_WORKSPACE, id, name: id.split('/').at(-1) })]);
}

export interface GuardedArm {
  readonly store: MemoryGuardianStore;
  readonly bindings: ChannelBindings;
  readonly guard: ScanGuard;
  /** The same guard for a bot that serves another tenant only: every real read of this conversation is refused. */
  readonly foreignTenantGuard: ScanGuard;
  readonly scanService: ReturnType<typeof createScanService>;
}

/** 5 scans per user, 10 per conversation, 50 per tenant, on a clock that does not move. */
export async function guardedArm(arm: ArmStandIn): Promise<GuardedArm> {
  const store = createMemoryStore();
  const bindings = createChannelBindings(store);
  await bindings.add(linkedChannel, `/subscriptions/${EXAMPLE_SUBSCRIPTION}`, 'owner');
  const guardFor = (tenant: string): ScanGuard =>
    createScanGuard(
      createScanAuthorizer({ allowedScopes: ALLOWED_SCOPES, allowedTenants: [tenant], botTenantId: '', localMode: false, bindings, sampleSubscriptionIds: [] }),
      createScanRateLimiter({ now: () => 1_000 }),
    );
  const clients = createArmClients({ credential: fakeCredential, endpoint: arm.endpoint, ca: arm.caPem, retry: FAST_RETRY });
  const scanService = createScanService({ clients, timeoutMs: 30_000, concurrency: 4, allowedScopes: ALLOWED_SCOPES });
  return { store, bindings, guard: guardFor(TENANT), foreignTenantGuard: guardFor(OTHER_TENANT), scanService };
}
