/**
 * What the conversation's last scan means for the next messages, through the real server, the product wiring and
 * the fake Bot Connector: a scoped question after a full scan leaves "my baseline" on the full scan, and a check
 * request that names no workspace ("what's my score?") is answered for the workspace last scanned.
 */
import { CATEGORY_TITLES } from '../../src/checks/types';
import { lastScanKey, type LastScan } from '../../src/dialogs/scan-state';
import { LAB_NAMES } from '../../src/sample';
import { startFakeConnector, cardText, type LocalConnector } from '../support/fake-connector';
import { startProductBot, type ProductBot } from '../support/e2e-bot';
import { cardRecords } from '../support/e2e-cards';

describe('after the last scan', () => {
  let connector: LocalConnector;
  let bot: ProductBot;

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await startProductBot({ serviceUrl: connector.serviceUrl, connector });
  });
  afterAll(async () => {
    await bot.close();
    await connector.close();
  });

  /** The card texts the conversation received for `text`. */
  async function cardsFor(user: ReturnType<ProductBot['client']>, text: string): Promise<string[]> {
    const before = connector.records.length;
    expect((await user.sendText(text)).status).toBe(200);
    return cardRecords(connector, user.conversation.id)
      .filter(({ record }) => connector.records.indexOf(record) >= before)
      .map(({ card }) => cardText(card));
  }

  test('"my baseline" after a full scan and a public-network question counts every category from the full scan', async () => {
    const user = bot.client('personal');
    await cardsFor(user, 'scan sample');
    const full = (await bot.server.services.store.get<LastScan>(lastScanKey(user.conversation.id)))?.value.report;
    const identityFails = full?.findings.filter((f) => f.category === 'identity-management' && f.status === 'fail').length ?? 0;
    expect(identityFails).toBeGreaterThan(0);
    await cardsFor(user, 'is public network access off on sample?');

    const baseline = (await cardsFor(user, 'my baseline')).join('\n');
    expect(baseline).toContain(`Findings from the scan of ${LAB_NAMES.workspace}`);
    expect(baseline).toMatch(new RegExp(`^${CATEGORY_TITLES['identity-management']}\\n[^\\n]*· ${identityFails} failed`, 'm'));
  });

  test('"what\'s my score?" after a scan answers for that workspace, with another workspace a click away', async () => {
    const user = bot.client('personal');
    await cardsFor(user, 'scan sample:hardened');
    const cards = await cardsFor(user, "what's my score?");
    const all = cards.join('\n');
    expect(all).toContain('Your last scan of');
    expect(all).not.toMatch(/^Which workspace\?$/m);
    expect(all).toMatch(/Security baseline scan/);
  });
});
