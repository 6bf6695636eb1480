/**
 * End to end through the real server and the fake Bot Connector: a conversation that scans the sample
 * environment, pages findings, re-scans and sends forged and hostile input. The ARM credential hands out a
 * known JWT-shaped token; afterwards nothing the bot sent (every activity the connector recorded) and nothing
 * it logged (at debug level) may contain that token or anything token-shaped.
 */
import type { TokenCredential } from '@azure/identity';
import { createArmClients } from '../../src/azure/clients';
import { createLogger } from '../../src/logging';
import { MemoryGuardianStore } from '../../src/storage/memory-store';
import { createLinkFeature } from '../../src/dialogs/link';
import { createScanFeature } from '../../src/dialogs/scan';
import { createGuardedScans } from '../../src/security/guarded-scans';
import { openGuard } from '../dialogs/scan-fakes';
import type { Feature } from '../../src/dialogs/feature';
import { createRouter } from '../../src/knowledge/router';
import { loadKnowledge } from '../../src/knowledge/content';
import { SAMPLE_WORKSPACE_IDS, startSampleArm, type SampleArm } from '../../src/sample';
import { createScanService } from '../../src/scan/create-scan-service';
import { ScanError, type ScanService } from '../../src/scan/scan-service';
import { createChannelBindings } from '../../src/security/channel-binding';
import { startBotHarness, type BotHarness } from '../support/bot-client';
import { cardOf } from '../support/fake-connector';
import { assertNoSecrets, fakeJwt, findSecrets } from './secret-scan';
import { testConversation } from '../support/conversation';

const TOKEN = fakeJwt({ upn: 'leak-canary@example.com' });

describe('no token or secret in anything the bot sends or logs', () => {
  let arm: SampleArm;
  let harness: BotHarness;
  const logLines: string[] = [];
  let tokenRequests = 0;

  beforeAll(async () => {
    arm = await startSampleArm();
    const credential: TokenCredential = {
      getToken: () => {
        tokenRequests += 1;
        return Promise.resolve({ token: TOKEN, expiresOnTimestamp: Date.now() + 3600e3 });
      },
    };
    const clients = createArmClients({ credential, endpoint: arm.endpoint, ca: arm.ca, retry: { maxRetries: 1, retryDelayInMs: 1, maxRetryDelayInMs: 5 } });
    const real = createScanService({ clients, timeoutMs: 30_000, concurrency: 4, samples: { ...SAMPLE_WORKSPACE_IDS }, defaultSample: 'lab-default' });
    // A scan service that, for one target, fails the way a careless SDK error might: with the token in the message.
    const leaky: ScanService = {
      ...real,
      scan: (request) =>
        request.target === 'sample:leaky'
          ? Promise.reject(new ScanError('auth', `Request failed with Authorization: Bearer ${TOKEN}`))
          : real.scan(request),
    };
    // The product's logger (redaction + scrub hooks) at debug level, over a capturing stream.
    const productLogger = createLogger({ level: 'debug', destination: { write: (line: string) => void logLines.push(line) } });
    const features: Feature[] = [
      createLinkFeature({ bindings: createChannelBindings(new MemoryGuardianStore()), rosterCheck: { isTeamOwner: () => Promise.resolve(true) }, allowedScopes: [] }),
      createScanFeature({ scans: createGuardedScans(leaky, openGuard()), logger: productLogger }),
    ];
    harness = await startBotHarness({ conversation: testConversation(features), router: createRouter(loadKnowledge()), logger: productLogger });
  });

  afterAll(async () => {
    await harness?.close();
    await arm?.close();
  });

  test('a full conversation leaks nothing, though the token was used on every ARM call', async () => {
    const user = harness.client('personal');
    await user.sendText('help');
    await user.sendText('scan sample');
    const summary = harness.connector.records.map(cardOf).find((c) => JSON.stringify(c ?? {}).includes('scan.page'));
    expect(summary).toBeDefined();
    await user.execute('scan.page', { workspaceId: SAMPLE_WORKSPACE_IDS['lab-default'], target: 'sample', page: 0 });
    await user.execute('scan.rescan', { workspaceId: SAMPLE_WORKSPACE_IDS['lab-default'], target: 'sample' });
    await user.sendText('How do I restrict outbound traffic?');
    await user.sendText(`scan /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg?sig=${'A'.repeat(30)}`);
    await user.sendText(`Authorization: Bearer ${TOKEN}`);
    await user.execute('scan.run', { target: `sample`, check: 'all', note: TOKEN });
    await user.execute('scan.run', { target: 'sample:leaky', check: 'all' });
    expect(tokenRequests).toBeGreaterThan(0);
    expect(arm.requestCount).toBeGreaterThan(10);

    const sent = harness.connector.records.map((r) => JSON.stringify(r.activity));
    expect(sent.length).toBeGreaterThan(5);
    // The echo of the user's own pasted token is the bot's reply text only if it repeats user text: it must not.
    assertNoSecrets(sent, [TOKEN]);
    // The leaky failure did reach the chat, scrubbed: the defence was exercised, not bypassed.
    expect(sent.join('\n')).toContain('[redacted]');
    assertNoSecrets(logLines, [TOKEN]);
  });

  test('the scanner itself catches a planted token (the assertion can fail)', () => {
    expect(findSecrets([`x ${TOKEN} y`]).length).toBeGreaterThan(0);
    expect(findSecrets(['DefaultEndpointsProtocol=https;AccountName=a;AccountKey=' + 'k'.repeat(40)]).length).toBeGreaterThan(0);
    expect(findSecrets(['https://a.blob.core.windows.net/c?sv=2022&sig=' + 'Z'.repeat(30)]).length).toBeGreaterThan(0);
    expect(() => assertNoSecrets(['clean text', 'Bearer [redacted]'])).not.toThrow();
    expect(() => assertNoSecrets(['has canary'], ['canary'])).toThrow(/secret-like/);
  });
});
