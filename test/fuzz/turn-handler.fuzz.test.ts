/**
 * Property-based hardening of the turn handler, through the real server (POST /api/messages) and the fake Bot
 * Connector, with the scan feature over the sample environment and the link feature: random and hostile
 * messages and card actions must never crash the bot, never leave an unhandled rejection, always get an
 * answer, and rejected card actions must leave the store as it was.
 * Bounded (fixed seed, fixed run counts) so the suite stays fast and any failure replays exactly.
 */
import fc from 'fast-check';
import { createLinkFeature } from '../../src/dialogs/link';
import { createScanFeature } from '../../src/dialogs/scan';
import { createGuardedScans } from '../../src/security/guarded-scans';
import { openGuard } from '../dialogs/scan-fakes';
import { loadKnowledge } from '../../src/knowledge/content';
import { createRouter } from '../../src/knowledge/router';
import { startSampleEnvironment, type SampleEnvironment } from '../../src/scan';
import { createChannelBindings } from '../../src/security/channel-binding';
import { checkActionPayload, KNOWN_VERBS } from '../../src/security/input';
import { parseExecuteAction } from '../../src/bot/card-action';
import { MemoryGuardianStore } from '../../src/storage/memory-store';
import { startBotHarness, type BotHarness } from '../support/bot-client';
import { testConversation } from '../support/conversation';

const SEED = 20250815;
const MESSAGE_RUNS = 120;
const ACTION_RUNS = 120;
const SUB = '1b6d3c4e-7f80-4a91-b2c3-d4e5f6a70001';

// ---- generators --------------------------------------------------------------------------------------------

const hostileChars = fc.constantFrom('\u0000', '\u0007', '\u001b[31m', '\u202E', '\u2066', '\u200B', '\uFEFF', '\r\n', '\t', '\u0085', '\uD800', '💥', 'ﷺ');
const idSegment = fc.oneof(fc.constantFrom('rg-ml', 'mlw-x', '..', '%2e%2e', '?x=1', '#frag', 'a/b', ''), fc.string({ maxLength: 12 }));
const resourceIdLike = fc
  .tuple(fc.constantFrom(SUB, '00000000-0000-0000-0000-000000000000', 'not-a-guid'), idSegment, idSegment, fc.constantFrom('Microsoft.MachineLearningServices/workspaces', 'Microsoft.Storage/storageAccounts', 'x'))
  .map(([s, g, n, t]) => `/subscriptions/${s}/resourceGroups/${g}/providers/${t}/${n}`);

const message = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.array(fc.oneof(hostileChars, fc.string({ maxLength: 5 })), { maxLength: 40 }).map((parts) => parts.join('')),
  fc.nat({ max: 40_000 }).map((n) => 'A'.repeat(n)),
  fc.webUrl().map((u) => `[click me](${u}) ![img](${u}) <a href="${u}">x</a>`),
  fc.string({ maxLength: 30 }).map((s) => `<at>${s}</at> scan <at>Guardian</at> ${s}`),
  fc.json({ maxDepth: 3 }),
  resourceIdLike.map((id) => `scan ${id}`),
  resourceIdLike.map((id) => `link this channel to ${id}`),
  fc.constantFrom('scan', 'scan sample', 'scan sample:nope', 'unlink', 'link', 'help', 'check rbac on sample', 'watch', '{{$root}}', '${jndi:ldap://x}', '__proto__', 'constructor'),
);

const knownVerb = fc.constantFrom(...Object.values(KNOWN_VERBS).flat());
const verb = fc.oneof(knownVerb, fc.string({ maxLength: 30 }), fc.constantFrom('scan.', '.x', 'SCAN.RUN', 'scan.run.x', 'admin.grant', '__proto__.x'), fc.integer(), fc.constant(null), fc.constant(undefined), fc.array(fc.string(), { maxLength: 2 }));
const forgedData = fc.record(
  {
    workspaceId: fc.oneof(resourceIdLike, fc.string({ maxLength: 40 }), fc.integer()),
    target: fc.oneof(resourceIdLike, fc.constantFrom('sample', 'sample:hardened', 'sample:../../x'), fc.string({ maxLength: 40 })),
    checkId: fc.oneof(fc.constantFrom('AML-NET-001', 'AML-XXX-999'), fc.string({ maxLength: 20 })),
    page: fc.oneof(fc.integer({ min: -5, max: 20 }), fc.double(), fc.string({ maxLength: 5 })),
    exercise: fc.oneof(fc.integer({ min: -1, max: 50 }), fc.string({ maxLength: 3 })),
    subscriptionId: fc.string({ maxLength: 40 }),
    questionId: fc.oneof(fc.constantFrom('NS-01', 'XX-99'), fc.string({ maxLength: 10 })),
  },
  { requiredKeys: [] },
);
const pollutedData = fc.constantFrom(
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown,
  { prototype: { polluted: true } },
);
const data = fc.oneof(forgedData, pollutedData, fc.anything({ maxDepth: 2 }), fc.object({ maxDepth: 2 }));

// ---- harness -----------------------------------------------------------------------------------------------

describe('turn handler under random and hostile input', () => {
  let sample: SampleEnvironment;
  let harness: BotHarness;
  const store = new MemoryGuardianStore();
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown): void => void rejections.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    sample = await startSampleEnvironment({ timeoutMs: 20_000 });
    // One store for the bot and its features, so that "store unchanged" sees every write.
    const bindings = createChannelBindings(store);
    const features = [
      createLinkFeature({ bindings, rosterCheck: { isTeamOwner: () => Promise.resolve(true) }, allowedScopes: [`/subscriptions/${SUB}`] }),
      createScanFeature({ scans: createGuardedScans(sample.scanService, openGuard()), store }),
    ];
    harness = await startBotHarness({ router: createRouter(loadKnowledge()), conversation: testConversation(features), store });
    console.log(`fuzz seed ${SEED}: ${MESSAGE_RUNS} messages, ${ACTION_RUNS} card actions`);
  });

  afterAll(async () => {
    process.off('unhandledRejection', onRejection);
    await harness?.close();
    await sample?.close();
  });

  /** Everything in the store except what every turn legitimately writes (turn state, conversation reference). */
  async function featureState(): Promise<string> {
    const items = await store.list<unknown>('');
    return JSON.stringify(items.filter((i) => !i.key.startsWith('conversation-ref/') && !i.key.startsWith('msteams/')).map((i) => [i.key, i.item.value]));
  }

  test('messages: 200, an answer every time, no unhandled rejection', async () => {
    const user = harness.client('personal');
    await fc.assert(
      fc.asyncProperty(message, async (text) => {
        const before = harness.connector.records.length;
        const result = await user.sendText(text);
        expect(result.status).toBe(200);
        const after = harness.connector.records.slice(before).filter((r) => r.conversationId === user.conversation.id && r.operation !== 'delete' && r.activity.type !== 'typing');
        expect(after.length).toBeGreaterThan(0);
        expect(rejections).toEqual([]);
      }),
      { seed: SEED, numRuns: MESSAGE_RUNS, endOnFailure: true },
    );
  });

  test('card actions: an invoke response every time; rejected ones leave the store unchanged; no prototype pollution', async () => {
    const user = harness.client('personal');
    await fc.assert(
      fc.asyncProperty(verb, data, async (v, d) => {
        const rejected = !parseExecuteAction({ action: { verb: v, data: d } }).ok || typeof v !== 'string' || !checkActionPayload(v, d ?? {}).ok;
        const stateBefore = rejected ? await featureState() : '';
        const result = await user.execute(v, d);
        expect(result.status).toBe(200);
        // Action.Execute always gets an invoke response body (a card or a message), never an empty 200.
        expect(result.body).toEqual(expect.objectContaining({ statusCode: 200 }));
        if (rejected && !(typeof v === 'string' && v.startsWith('welcome.'))) expect(await featureState()).toBe(stateBefore);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(rejections).toEqual([]);
      }),
      { seed: SEED, numRuns: ACTION_RUNS, endOnFailure: true },
    );
  });

  test('Action.Submit with hostile values: answered, no crash', async () => {
    const user = harness.client('personal');
    await fc.assert(
      fc.asyncProperty(fc.oneof(data, fc.record({ verb, extra: fc.anything({ maxDepth: 1 }) })), async (value) => {
        const before = harness.connector.records.length;
        const result = await user.submit(value);
        expect(result.status).toBe(200);
        const after = harness.connector.records.slice(before).filter((r) => r.conversationId === user.conversation.id && r.activity.type !== 'typing');
        expect(after.length).toBeGreaterThan(0);
        expect(rejections).toEqual([]);
      }),
      { seed: SEED, numRuns: 40, endOnFailure: true },
    );
  });
});
