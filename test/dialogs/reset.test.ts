import { checkById } from '../../src/checks/registry';
import { createMemoryStore } from '../../src/storage/memory-store';
import type { GuardianStore } from '../../src/storage/store';
import { loadKnowledge } from '../../src/knowledge/content';
import { createRouter } from '../../src/knowledge/router';
import { createResetFeature } from '../../src/dialogs/reset';
import { createWorkshopFeature } from '../../src/dialogs/workshop';
import { lastScanKey } from '../../src/dialogs/scan-state';
import { workshopKey } from '../../src/dialogs/workshop/session';
import { fileOfferKey, type PendingFile } from '../../src/bot/file-consent';
import { LabProgressStore, newProgress } from '../../src/lab/progress';
import { runStateKey } from '../../src/notifications/run-state';
import { subscriptionIdOf, subscriptionKey, type Subscription } from '../../src/notifications/subscriptions';
import { conversationRefKey } from '../../src/bot/conversation';
import { checkActionPayload } from '../../src/security/input';
import { ExceptionRepository, exceptionAuditPrefixFor, exceptionPrefixFor } from '../../src/exceptions/repository';
import { cardSchemaErrors } from '../support/card-schema';
import { actionsOf, cardText, message, RecordingPort } from './qna-fakes';
import { RESET_ACTIONS } from '../../src/routing/actions/reset';
import { offer as offerMessage } from '../support/conversation';

const content = loadKnowledge();
const router = createRouter(content);

function watch(conversationId: string, name: string): Subscription {
  const id = subscriptionIdOf(conversationId, `/subscriptions/x/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/${name}`);
  return {
    id,
    conversationRef: { conversation: { id: conversationId } },
    conversationId,
    workspaceTarget: name,
    workspace: { id: `/subscriptions/x/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/${name}`, name },
    schedule: { cron: '0 8 * * *', timezone: 'UTC' },
    weeklyDigest: false,
    createdBy: { userId: 'u1' },
    createdAt: '2026-03-01T10:00:00Z',
    enabled: true,
  };
}

function offer(conversationId: string, userId: string): PendingFile {
  return { fileName: 'b.md', content: 'x', sizeInBytes: 1, conversationId, userId, offeredAt: '2026-03-01T10:00:00Z', expiresAt: '2999-01-01T00:00:00Z' };
}

/** Everything the bot keeps for conv-1 / u1, and the same kinds of data for another conversation and user. */
async function seed(store: GuardianStore): Promise<void> {
  for (const conversation of ['conv-1', 'conv-2']) {
    await store.put(lastScanKey(conversation), { target: 'sample', report: {} });
    await store.put(workshopKey(conversation), { version: 1, questionIds: [], index: 0, answers: {} });
    for (const name of ['ws-prod', 'ws-<b>dev</b>']) {
      const s = watch(conversation, name);
      await store.put(subscriptionKey(s.id), s);
      await store.put(runStateKey(s.id), { lastRunAt: 'x' });
    }
    await store.put(conversationRefKey(conversation), { conversation: { id: conversation } });
    await new ExceptionRepository(store).create({
      entry: { id: `exc-${conversation}`, checkId: 'AML-NET-001', resource: '/subscriptions/x/resourceGroups/rg', reason: 'r', owner: 'o', expires: '2027-01-01', createdBy: 'u1', createdAt: '2026-03-01T10:00:00Z' },
      conversationId: conversation,
      workspace: { id: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws-prod', name: 'ws-prod' },
      state: 'active',
    });
  }
  await store.put(fileOfferKey('offer-a'), offer('conv-1', 'u1'));
  await store.put(fileOfferKey('offer-b'), offer('conv-1', 'u1'));
  await store.put(fileOfferKey('offer-c'), offer('conv-2', 'u2'));
  await store.put(LabProgressStore.keyOf('u1'), newProgress('2026-03-01T10:00:00Z'));
  await store.put(LabProgressStore.keyOf('u2'), newProgress('2026-03-01T10:00:00Z'));
}

async function keys(store: GuardianStore): Promise<string[]> {
  return (await store.list('')).map((e) => e.key).sort();
}

describe('reset', () => {
  it.each(['reset', 'forget me', 'delete my data'])('"%s" shows a confirm card listing what will be deleted, and deletes nothing yet', async (text) => {
    const store = createMemoryStore();
    await seed(store);
    const before = await keys(store);
    const reset = createResetFeature({ store });
    const port = new RecordingPort();
    expect(await offerMessage(reset, port, message(router, text))).toBe(true);
    const [sent] = port.take();
    expect(sent?.kind).toBe('card');
    const confirm = sent?.kind === 'card' ? sent.card : undefined;
    expect(cardSchemaErrors(confirm)).toEqual([]);
    const body = cardText(confirm);
    expect(body).toContain('This deletes:');
    expect(body).toContain("this conversation's last scan report");
    expect(body).toContain('your workshop progress and answers');
    expect(body).toContain('2 pending file offers');
    expect(body).toContain('your lab progress');
    expect(body).toMatch(/2 watches of this conversation \(ws-prod, ws-\S*dev\S*\) — scheduled scans and notifications here stop/);
    expect(body).toContain('1 accepted risk of this conversation, with their history');
    expect(body).not.toContain('<b>');
    // Action.Execute buttons, each with its Action.Submit fallback carrying the same verb.
    const buttons = actionsOf(confirm).filter((a) => a['type'] === 'Action.Execute');
    expect(buttons.map((a) => a['verb'])).toEqual([RESET_ACTIONS.confirm, RESET_ACTIONS.cancel]);
    for (const a of buttons) {
      expect(checkActionPayload(a['verb'] as string, a['data'] as Record<string, unknown>)).toEqual({ ok: true });
      expect((a['fallback'] as { data: Record<string, unknown> }).data).toMatchObject({ verb: a['verb'] });
    }
    expect(await keys(store)).toEqual(before);
  });

  it('on Yes deletes exactly this conversation\'s data and the user\'s lab progress, and says what went with counts', async () => {
    const store = createMemoryStore();
    await seed(store);
    const reset = createResetFeature({ store });
    const port = new RecordingPort();
    const result = await reset.onAction!(port, { verb: RESET_ACTIONS.confirm, data: {}, via: 'submit' });
    expect(result.kind).toBe('card');
    const done = result.kind === 'card' ? result.card : undefined;
    expect(cardSchemaErrors(done)).toEqual([]);
    expect(cardText(done)).toContain('Deleted 8 records');
    expect(cardText(done)).toContain('2 watches of this conversation');

    const left = await keys(store);
    const conv2Exceptions = [...(await store.list(exceptionPrefixFor('conv-2'))), ...(await store.list(exceptionAuditPrefixFor('conv-2')))].map((e) => e.key);
    expect(conv2Exceptions).toHaveLength(2);
    expect(await store.list(exceptionPrefixFor('conv-1'))).toEqual([]);
    expect(await store.list(exceptionAuditPrefixFor('conv-1'))).toEqual([]);
    const conv2Watches = ['ws-prod', 'ws-<b>dev</b>'].map((n) => watch('conv-2', n).id);
    expect(left).toEqual(
      [
        lastScanKey('conv-2'),
        workshopKey('conv-2'),
        ...conv2Watches.flatMap((id) => [subscriptionKey(id), runStateKey(id)]),
        fileOfferKey('offer-c'),
        LabProgressStore.keyOf('u2'),
        ...conv2Exceptions,
        // Conversation references are not the user's data: they stay until the app is removed.
        conversationRefKey('conv-1'),
        conversationRefKey('conv-2'),
      ].sort(),
    );

    // A second Yes (the card clicked twice) finds nothing left.
    const again = await reset.onAction!(port, { verb: RESET_ACTIONS.confirm, data: {}, via: 'execute' });
    expect(again.kind === 'card' ? cardText(again.card) : '').toContain('Nothing to delete');
  });

  it('in a channel keeps every user\'s lab progress and says the workshop answers are everyone\'s', async () => {
    const store = createMemoryStore();
    await seed(store);
    await store.put(LabProgressStore.keyOf('u1-channel'), newProgress('2026-03-01T10:00:00Z'));
    const reset = createResetFeature({ store });
    const port = new RecordingPort({ conversationId: 'conv-1', conversationType: 'channel', userId: 'u1' });
    await offerMessage(reset, port, message(router, 'reset'));
    const [sent] = port.take();
    const body = sent?.kind === 'card' ? cardText(sent.card) : '';
    expect(body).toContain("everyone's answers");
    expect(body).not.toContain('lab progress');
    await reset.onAction!(port, { verb: RESET_ACTIONS.confirm, data: {}, via: 'submit' });
    expect(await store.get(LabProgressStore.keyOf('u1'))).toBeDefined();
    expect(await store.get(workshopKey('conv-1'))).toBeUndefined();
  });

  it('on No deletes nothing', async () => {
    const store = createMemoryStore();
    await seed(store);
    const before = await keys(store);
    const reset = createResetFeature({ store });
    const result = await reset.onAction!(new RecordingPort(), { verb: RESET_ACTIONS.cancel, data: {}, via: 'execute' });
    expect(result.kind === 'card' ? cardText(result.card) : '').toContain('Nothing was deleted');
    expect(await keys(store)).toEqual(before);
  });

  /** A seeded store whose reset confirm card was just shown, and what it held then. */
  async function afterConfirmCard(): Promise<{ store: GuardianStore; before: string[]; say: (text: string) => Promise<boolean>; port: RecordingPort }> {
    const store = createMemoryStore();
    await seed(store);
    const before = await keys(store);
    const reset = createResetFeature({ store });
    const port = new RecordingPort();
    const say = (text: string): Promise<boolean> => offerMessage(reset, port, message(router, text));
    await say('reset');
    port.take();
    return { store, before, say, port };
  }

  it.each(['no', 'Cancel'])('takes a typed "%s" right after the confirm card as its No button: nothing is deleted', async (answer) => {
    const { store, before, say, port } = await afterConfirmCard();
    expect(await say(answer)).toBe(true);
    const [sent] = port.take();
    expect(sent?.kind === 'card' ? cardText(sent.card) : '').toContain('Nothing was deleted');
    expect(await keys(store)).toEqual(before);
  });

  it('takes a typed "yes" right after the confirm card as its Yes button, and no later one', async () => {
    const { store, say } = await afterConfirmCard();
    expect(await say('yes')).toBe(true);
    expect(await store.get(workshopKey('conv-1'))).toBeUndefined();
    await store.put(workshopKey('conv-1'), { version: 1, questionIds: [], index: 0, answers: {} });
    const kept = await keys(store);
    expect(await say('yes')).toBe(false);
    expect(await keys(store)).toEqual(kept);
  });

  it('stops waiting for a typed answer once the user does something else', async () => {
    const { store, before, say } = await afterConfirmCard();
    await say('scan sample');
    expect(await say('yes')).toBe(false);
    expect(await keys(store)).toEqual(before);
  });

  it('says so when nothing is stored, and ignores other messages', async () => {
    const store = createMemoryStore();
    const reset = createResetFeature({ store });
    const port = new RecordingPort();
    expect(await offerMessage(reset, port, message(router, 'reset'))).toBe(true);
    expect(port.take()).toEqual([{ kind: 'text', text: expect.stringContaining('nothing stored') as string }]);
    expect(await offerMessage(reset, port, message(router, 'how do I delete my data from the workspace?'))).toBe(false);
    expect(await offerMessage(reset, port, message(router, 'scan sample'))).toBe(false);
  });

  it('works during a pending workshop prompt when registered before the workshop', async () => {
    const store = createMemoryStore();
    const features = [createResetFeature({ store }), createWorkshopFeature({ content, store, checks: checkById })];
    const port = new RecordingPort();
    const say = async (text: string): Promise<string | undefined> => {
      for (const feature of features) if (await offerMessage(feature, port, message(router, text))) return feature.name;
      return undefined;
    };
    expect(await say('start workshop network')).toBe('workshop');
    port.take();
    expect(await say('reset')).toBe('reset');
    expect(cardText((port.take()[0] as { card: unknown }).card)).toContain('your workshop progress and answers');
    await features[0]!.onAction!(port, { verb: RESET_ACTIONS.confirm, data: {}, via: 'submit' });
    expect(await store.get(workshopKey('conv-1'))).toBeUndefined();
    // The workshop is gone: free text is no longer an answer.
    expect(await say('turn off public network access')).toBeUndefined();
  });
});
