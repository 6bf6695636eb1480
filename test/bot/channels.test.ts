/**
 * Which Bot Framework channels the bot serves, and where the team's Entra group id comes from. Clients of
 * channels other than Teams (Web Chat, Direct Line) write `channelData` themselves: tenant, team and group id.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConnectorClient, MicrosoftAppCredentials } from 'botframework-connector';
import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { createBot } from '../../src/bot/app';
import { runInTurn, teamGroupIdFromTeams } from '../../src/bot/team-group';
import { ConfigError } from '../../src/config';
import { silentLogger } from '../../src/logging';
import { MemoryGuardianStore } from '../../src/storage/memory-store';
import { testConfig } from '../support/bot-client';
import { answeringEveryMessage, testConversation } from '../support/conversation';

const TENANT = '00000000-0000-0000-0000-0000000000aa';
const REGISTERED = { BOT_ID: '11111111-2222-3333-4444-555555555555', BOT_PASSWORD: 'not-a-real-secret', BOT_TENANT_ID: TENANT };

function botAnswering(env: Record<string, string>, reached: string[]): TestAdapter {
  const echo = answeringEveryMessage('echo', async ({ port, message }) => {
    reached.push(message.text);
    await port.sendText(`echo ${message.text}`);
  });
  const bot = createBot({ config: testConfig(env), logger: silentLogger(), store: new MemoryGuardianStore(), conversation: testConversation([echo]) });
  return new TestAdapter(async (context) => {
    await bot.app.run(context);
  });
}

function message(channelId: string, text: string): Partial<Activity> {
  return { type: 'message', channelId, text, conversation: { id: `a:${channelId}`, conversationType: 'personal', isGroup: false, name: '', tenantId: TENANT } };
}

describe('channels a registered bot serves', () => {
  test.each(['webchat', 'directline', 'emulator', 'slack'])('an activity from %s gets no answer and reaches no feature', async (channelId) => {
    const reached: string[] = [];
    const adapter = botAnswering(REGISTERED, reached);
    await adapter.send(message(channelId, 'hello')).startTest();
    expect(adapter.activeQueue).toHaveLength(0);
    expect(reached).toEqual([]);
  });

  test('an activity from Teams is answered', async () => {
    const reached: string[] = [];
    await botAnswering(REGISTERED, reached).send(message('msteams', 'hello')).assertReply('echo hello').startTest();
    expect(reached).toEqual(['hello']);
  });

  test('GUARDIAN_ALLOWED_CHANNELS cannot open a registered bot to other channels', () => {
    expect(() => testConfig({ ...REGISTERED, GUARDIAN_ALLOWED_CHANNELS: 'msteams,webchat' })).toThrow(ConfigError);
    expect(() => testConfig({ ...REGISTERED, GUARDIAN_ALLOWED_CHANNELS: 'msteams,webchat' })).toThrow(/GUARDIAN_ALLOWED_CHANNELS may name channels other than msteams only in local mode/);
  });
});

describe('channels in local mode', () => {
  test('GUARDIAN_ALLOWED_CHANNELS lets the Emulator in and keeps others out', async () => {
    const reached: string[] = [];
    const env = { GUARDIAN_ALLOWED_CHANNELS: 'msteams,emulator' };
    await botAnswering(env, reached).send(message('emulator', 'from the emulator')).assertReply('echo from the emulator').startTest();
    const adapter = botAnswering(env, reached);
    await adapter.send(message('webchat', 'from web chat')).startTest();
    expect(adapter.activeQueue).toHaveLength(0);
    expect(reached).toEqual(['from the emulator']);
  });

  test('a channel id that is not one is refused at start', () => {
    expect(() => testConfig({ GUARDIAN_ALLOWED_CHANNELS: 'msteams,<script>' })).toThrow(/is not a Bot Framework channel id/);
  });
});

describe("the team's group id comes from Teams, not from the activity", () => {
  const TEAMS_GROUP = '6a1d2f3e-4b5c-4d6e-8f90-a1b2c3d4e5f6';
  const CLAIMED_GROUP = 'ffffffff-ffff-4fff-8fff-ffffffffffff';
  let teams: Server;
  let serviceUrl: string;
  const asked: string[] = [];

  beforeAll(async () => {
    // The Bot Connector's team details (GET /v3/teams/{teamId}), as Teams answers it.
    teams = createServer((req, res) => {
      asked.push(`${req.method} ${req.url}`);
      const match = /^\/v3\/teams\/([^/?]+)$/.exec(req.url ?? '');
      res.writeHead(match ? 200 : 404, { 'content-type': 'application/json' });
      res.end(match ? JSON.stringify({ id: decodeURIComponent(match[1]!), name: 'Platform', aadGroupId: TEAMS_GROUP }) : '{}');
    });
    await new Promise<void>((resolve) => teams.listen(0, '127.0.0.1', resolve));
    serviceUrl = `http://127.0.0.1:${(teams.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise((resolve) => teams.close(resolve));
  });

  /** A TestAdapter that reaches the connector over HTTP, like the CloudAdapter does. */
  class ConnectedAdapter extends TestAdapter {
    createConnectorClient(url: string): ConnectorClient {
      return new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri: url });
    }
  }

  test('the owner check is given the group Teams names, whatever channelData claims', async () => {
    const teamId = '19:team-thread@thread.tacv2';
    const activity: Partial<Activity> = {
      type: 'message',
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: `${teamId};messageid=1`, conversationType: 'channel', isGroup: true, name: '' },
      channelData: { team: { id: teamId, aadGroupId: CLAIMED_GROUP }, tenant: { id: TENANT } },
    };
    const context = new TurnContext(new ConnectedAdapter(), activity);
    const groupId = await runInTurn(context, () => teamGroupIdFromTeams({ teamId }));
    expect(groupId).toBe(TEAMS_GROUP);
    expect(asked).toContain(`GET /v3/teams/${encodeURIComponent(teamId)}`);
  });

  test('outside a turn or outside a team there is no group', async () => {
    expect(await teamGroupIdFromTeams({ teamId: '19:team-thread@thread.tacv2' })).toBeUndefined();
    const context = new TurnContext(new ConnectedAdapter(), { type: 'message', channelId: 'msteams', serviceUrl, conversation: { id: 'a:1', conversationType: 'personal', isGroup: false, name: '' } });
    expect(await runInTurn(context, () => teamGroupIdFromTeams({ teamId: undefined }))).toBeUndefined();
  });
});
