import { silentLogger } from '../../src/logging';
import type { IncomingMessage, RouteResult } from '../../src/dialogs/feature';
import type { AdaptiveCard, TurnPort } from '../../src/dialogs/port';
import { createWatchFeature } from '../../src/dialogs/watch';
import { createNotificationService } from '../../src/notifications/service';
import { MemoryGuardianStore } from '../../src/storage/memory-store';
import { CONVERSATION_ID, finding, RecordingSender, report, saveConversationRef, ScriptedScanService } from '../notifications/helpers';
import { permissiveWatches } from '../support/permissive-watch-guard';
import { offer } from '../support/conversation';
import type { CommandName } from '../../src/routing/intent';

class RecordingPort implements TurnPort {
  readonly texts: string[] = [];
  readonly cards: AdaptiveCard[] = [];
  constructor(conversationId = CONVERSATION_ID) {
    this.conversation = { conversationId, conversationType: 'channel', tenantId: 't', userId: 'aad-ada', userName: 'Ada', teamId: 'team', channelId: conversationId };
  }
  readonly conversation: TurnPort['conversation'];
  sendText(text: string): Promise<void> {
    this.texts.push(text);
    return Promise.resolve();
  }
  sendCard(card: AdaptiveCard): Promise<string> {
    this.cards.push(card);
    return Promise.resolve(`activity-${this.cards.length}`);
  }
  updateCard(): Promise<void> {
    return Promise.resolve();
  }
  typing(): Promise<void> {
    return Promise.resolve();
  }
}

function command(name: CommandName, args = ''): IncomingMessage {
  const route: RouteResult = { intent: 'command', command: name, args, confidence: 1 };
  return { text: `${name} ${args}`.trim(), route };
}

async function setup() {
  const store = new MemoryGuardianStore();
  await saveConversationRef(store);
  const notifications = createNotificationService({
    store,
    watches: permissiveWatches(new ScriptedScanService([report([finding('N-1', 'fail')])])),
    sender: new RecordingSender(),
    logger: silentLogger(),
    instanceId: 'test',
  });
  return { feature: createWatchFeature({ notifications }), notifications };
}

describe('watch feature', () => {
  it('ignores messages that are not its commands', async () => {
    const { feature } = await setup();
    const port = new RecordingPort();
    expect(await offer(feature, port, { text: 'hello', route: { intent: 'question', confidence: 0.9 } })).toBe(false);
    expect(await offer(feature, port, command('help'))).toBe(false);
    expect(port.texts).toEqual([]);
  });

  it('subscribes this conversation, recording who asked, and confirms with a card', async () => {
    const { feature, notifications } = await setup();
    const port = new RecordingPort();
    expect(await offer(feature, port, command('watch', 'ws-prod weekly on monday at 9:30 Europe/Paris'))).toBe(true);
    const [sub] = await notifications.list(CONVERSATION_ID);
    expect(sub).toMatchObject({ createdBy: { userId: 'aad-ada', name: 'Ada' }, schedule: { cron: '30 9 * * 1', timezone: 'Europe/Paris' } });
    expect(JSON.stringify(port.cards[0])).toContain('weekly on Monday at 09:30 (Europe/Paris)');
    expect(port.cards[0]?.version).toBe('1.5');
  });

  it('answers bad input and failed subscriptions with a clear text', async () => {
    const { feature } = await setup();
    const port = new RecordingPort();
    await offer(feature, port, command('watch', 'ws-prod daily at 25:00'));
    await offer(feature, port, command('watch', 'nope'));
    expect(port.texts).toEqual([expect.stringMatching(/not a time/), 'No workspace named nope.']);
  });

  it('lists and unwatches', async () => {
    const { feature } = await setup();
    const port = new RecordingPort();
    await offer(feature, port, command('watches'));
    expect(port.texts[0]).toMatch(/does not watch any workspace yet/);
    await offer(feature, port, command('watch', 'ws-prod'));
    await offer(feature, port, command('watches'));
    expect(JSON.stringify(port.cards[1])).toContain('This conversation watches 1 workspace');
    await offer(feature, port, command('unwatch', 'ws-prod'));
    expect(port.texts[1]).toBe('Stopped watching ws-prod.');
    await offer(feature, port, command('unwatch', 'ws-prod'));
    expect(port.texts[2]).toMatch(/does not watch ws-prod/);
  });

  it('removes from the list card only within the same conversation', async () => {
    const { feature, notifications } = await setup();
    await offer(feature, new RecordingPort(), command('watch', 'ws-prod'));
    const [sub] = await notifications.list(CONVERSATION_ID);
    const forged = await feature.onAction!(new RecordingPort('19:other@thread.tacv2'), { verb: 'watch.remove', data: { subscriptionId: sub!.id }, via: 'execute' });
    expect(forged).toEqual({ kind: 'text', text: 'That watch no longer exists here.' });
    expect(await notifications.list(CONVERSATION_ID)).toHaveLength(1);
    const removed = await feature.onAction!(new RecordingPort(), { verb: 'watch.remove', data: { subscriptionId: sub!.id }, via: 'execute' });
    expect(removed).toMatchObject({ kind: 'text', text: expect.stringMatching(/Stopped watching ws-prod/) as unknown });
    expect(await notifications.list(CONVERSATION_ID)).toEqual([]);
  });

  it('keeps the schedule and time zone of an existing watch when "watch X" names none, and changes them only when one is named', async () => {
    const { feature, notifications } = await setup();
    const port = new RecordingPort();
    await offer(feature, port, command('watch', 'ws-prod every 6 hours Europe/Paris'));
    await offer(feature, port, command('watch', 'ws-prod'));
    expect(port.texts.at(-1)).toMatch(/^Already watching ws-prod every 6 hours \(Europe\/Paris\)\./);
    expect((await notifications.list(CONVERSATION_ID))[0]?.schedule).toEqual({ cron: '0 */6 * * *', timezone: 'Europe/Paris' });
    await offer(feature, port, command('watch', 'ws-prod daily at 07:00 UTC'));
    expect((await notifications.list(CONVERSATION_ID))[0]?.schedule).toEqual({ cron: '0 7 * * *', timezone: 'UTC' });
  });
});
