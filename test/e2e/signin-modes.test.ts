/**
 * "signin" through the real server and the fake Bot Connector: a bot given no Azure scope scans only the sample, and
 * its sign-in answer says so in the words a scan of a real workspace uses, never that it reads Azure itself.
 */
import { startFakeConnector, type LocalConnector } from '../support/fake-connector';
import { startProductBot, type ProductBot } from '../support/e2e-bot';

describe('"signin" in a bot with no Azure scope', () => {
  let connector: LocalConnector;
  let bot: ProductBot;

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await startProductBot({ serviceUrl: connector.serviceUrl, connector, env: { GUARDIAN_ALLOWED_SCOPES: '' } });
  });
  afterAll(async () => {
    await bot.close();
    await connector.close();
  });

  test('says the bot is not connected to Azure yet and scans only the samples', async () => {
    const user = bot.client('personal');
    expect((await user.sendText('signin')).status).toBe(200);
    const said = bot.messages(user.conversation.id).map((r) => r.activity.text ?? '').join('\n');
    expect(said).toContain('not connected to Azure yet');
    expect(said).toContain('scan sample');
    expect(said).not.toMatch(/managed identity|service principal|reads Azure with its own identity/);
  });
});
