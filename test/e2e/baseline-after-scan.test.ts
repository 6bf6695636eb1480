/**
 * Review item 1 end to end: "scan sample" then "my baseline" through the real server, the product wiring and the
 * fake Bot Connector. The baseline reads the scan feature's own last-scan record ({ report, target }), so the
 * summary card and the offered Markdown document carry the findings of each category.
 */
import { CATEGORY_TITLES } from '../../src/checks/types';
import { FILE_CONSENT_CONTENT_TYPE } from '../../src/bot/file-consent-cards';
import { FILE_CONSENT_PREFIX, type PendingFile } from '../../src/bot/file-consent';
import { lastScanKey, type LastScan } from '../../src/dialogs/scan-state';
import { LAB_NAMES } from '../../src/sample';
import { startFakeConnector, cardText, type LocalConnector } from '../support/fake-connector';
import { startProductBot, type ProductBot } from '../support/e2e-bot';
import { cardRecords } from '../support/e2e-cards';

describe('"my baseline" after a scan (review item 1)', () => {
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

  test('the summary card and the document hold the findings per category', async () => {
    const user = bot.client('personal');
    expect((await user.sendText('scan sample')).status).toBe(200);
    const last = (await bot.server.services.store.get<LastScan>(lastScanKey(user.conversation.id)))?.value;
    expect(last?.report.findings.length).toBeGreaterThan(0);
    const report = last!.report;

    const before = bot.messages(user.conversation.id).length;
    expect((await user.sendText('my baseline')).status).toBe(200);
    const replies = bot.messages(user.conversation.id).slice(before);
    const texts = replies.map((r) => r.activity.text ?? '').join('\n');
    expect(texts).not.toMatch(/something went wrong/i);

    const summary = cardRecords(connector, user.conversation.id).find((r) => replies.includes(r.record))?.card;
    const summaryText = cardText(summary);
    expect(summaryText).toContain(`Findings from the scan of ${LAB_NAMES.workspace}`);
    const networkFails = report.findings.filter((f) => f.category === 'network-security' && f.status === 'fail').length;
    expect(networkFails).toBeGreaterThan(0);
    expect(summaryText).toContain(`${networkFails} failed`);

    // The document waits in the store behind the file-consent card the bot sent.
    const consent = replies.flatMap((r) => r.activity.attachments ?? []).find((a) => a.contentType === FILE_CONSENT_CONTENT_TYPE);
    expect(consent?.name).toMatch(new RegExp(`^aml-security-baseline-${LAB_NAMES.workspace}-\\d{4}-\\d{2}-\\d{2}\\.md$`));
    const offers = await bot.server.services.store.list<PendingFile>(FILE_CONSENT_PREFIX);
    const document = offers.find(({ item }) => item.value.conversationId === user.conversation.id)?.item.value.content ?? '';
    for (const category of new Set(report.findings.map((f) => f.category))) {
      expect(document).toContain(`**Current findings — ${CATEGORY_TITLES[category]}**`);
    }
    const failed = report.findings.find((f) => f.status === 'fail')!;
    expect(document).toContain(failed.checkId);
  });

  test('a public-network question after the full scan leaves the baseline on the full scan, every category counted', async () => {
    const user = bot.client('personal');
    expect((await user.sendText('scan sample')).status).toBe(200);
    const full = (await bot.server.services.store.get<LastScan>(lastScanKey(user.conversation.id)))?.value.report;
    const identityFails = full?.findings.filter((f) => f.category === 'identity-management' && f.status === 'fail').length ?? 0;
    expect(identityFails).toBeGreaterThan(0);
    expect((await user.sendText('is public network access off on sample?')).status).toBe(200);

    const before = bot.messages(user.conversation.id).length;
    expect((await user.sendText('my baseline')).status).toBe(200);
    const replies = bot.messages(user.conversation.id).slice(before);
    const summaryText = cardText(cardRecords(connector, user.conversation.id).find((r) => replies.includes(r.record))?.card);
    expect(summaryText).toContain(`Findings from the scan of ${LAB_NAMES.workspace}`);
    expect(summaryText).toMatch(new RegExp(`^${CATEGORY_TITLES['identity-management']}\\n[^\\n]*· ${identityFails} failed`, 'm'));
  });
});
