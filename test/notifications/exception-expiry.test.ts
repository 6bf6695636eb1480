import { createExceptionService } from '../../src/exceptions/service';
import { createNotificationService } from '../../src/notifications/service';
import { MemoryGuardianStore } from '../../src/storage/memory-store';
import { cardSchemaErrors } from '../support/card-schema';
import { CONVERSATION_ID, cardText, FakeClock, fakeServiceOptions, finding, RecordingSender, report, saveConversationRef, ScriptedScanService, SendError, WS_ID } from './helpers';
import { permissiveWatches, watchPrincipal } from '../support/permissive-watch-guard';

const DAY = 24 * 3600_000;
const OWNER_AAD_ID = 'aad-owner-1';
const PERSONAL_ID = 'a:personal-chat-with-owner';
const FAILING = report([finding('NET-1', 'pass'), finding('NET-2', 'fail')]);
const FIXED = report([finding('NET-1', 'pass'), finding('NET-2', 'pass')]);

/** Start 2030-01-01 07:00 UTC; the watch scans daily at 08:00 UTC; reminders 7 days ahead. */
function setup(script: ConstructorParameters<typeof ScriptedScanService>[0] = [FAILING], sender = new RecordingSender()) {
  const clock = new FakeClock();
  const store = new MemoryGuardianStore(clock.now);
  const exceptions = createExceptionService({ store, isKnownCheck: () => true, mayScan: () => true, maxDays: 180, now: () => clock.date() });
  const service = createNotificationService({
    store,
    watches: permissiveWatches(new ScriptedScanService(script)),
    sender,
    ...fakeServiceOptions(clock),
    acceptRisks: (r, conversationId) => exceptions.applyTo(r, conversationId),
    exceptionExpiry: { remindDays: 7, maxDays: 180 },
  });
  const at = (iso: string): void => {
    clock.ms = Date.parse(iso);
  };
  return { clock, store, exceptions, service, sender, at };
}

/** The risk is accepted first, then the workspace watched: its baseline (taken at subscribe) shows the risk accepted. */
async function watchAndAccept(ctx: ReturnType<typeof setup>, expires: string) {
  await saveConversationRef(ctx.store);
  const accepted = await ctx.exceptions.accept({
    conversationId: CONVERSATION_ID,
    workspace: { id: WS_ID, name: 'ws-prod' },
    checkId: 'NET-2',
    resource: WS_ID,
    reason: 'partner network needs the studio',
    owner: 'Olga Owner',
    ownerUserId: OWNER_AAD_ID,
    expires,
    createdBy: 'Olga Owner',
  });
  if (!accepted.ok) throw new Error(JSON.stringify(accepted.problems));
  const watched = await ctx.service.subscribe({ conversationId: CONVERSATION_ID, userId: 'u1', target: 'ws-prod', schedule: { cron: '0 8 * * *', timezone: 'UTC' }, principal: watchPrincipal(CONVERSATION_ID, 'u1') });
  if (!watched.ok) throw new Error(watched.message);
  return accepted.stored;
}

/** The owner once wrote to the bot in personal chat: the bot saved that reference (Teams gives the AAD object id in `from`). */
async function savePersonalChat(ctx: ReturnType<typeof setup>): Promise<void> {
  await ctx.store.put(`conversation-ref/${PERSONAL_ID}`, {
    conversation: { id: PERSONAL_ID, conversationType: 'personal', tenantId: 't' },
    user: { id: '29:owner-teams-id', aadObjectId: OWNER_AAD_ID, name: 'Olga Owner' },
    bot: { id: 'bot' },
    serviceUrl: 'http://127.0.0.1:9/',
    channelId: 'msteams',
  });
}

const reminders = (sender: RecordingSender) => sender.sent.filter((m) => cardText(m.card).includes('Accepted risk expires soon'));
const changeCards = (sender: RecordingSender) => sender.sent.filter((m) => m.text?.includes('new finding') === true);

describe('accepted risk expiry in notification passes', () => {
  it('reminds the channel and the owner in personal chat once, 7 days before expiry, and again after a renewal', async () => {
    const ctx = setup();
    const stored = await watchAndAccept(ctx, '2030-01-12');
    await savePersonalChat(ctx);

    expect((await ctx.service.runPass()).exceptions).toEqual({ reminded: 0, expiredAnnounced: 0 }); // 11 days left
    ctx.at('2030-01-04T09:00:00.000Z'); // 8 days left
    await ctx.service.runPass();
    expect(reminders(ctx.sender)).toEqual([]);

    ctx.at('2030-01-05T09:00:00.000Z'); // 7 days left
    expect((await ctx.service.runPass()).exceptions?.reminded).toBe(2);
    expect(reminders(ctx.sender).map((m) => m.ref.conversation.id).sort()).toEqual([CONVERSATION_ID, PERSONAL_ID].sort());
    expect(reminders(ctx.sender)[0]?.text).toBe('The accepted risk NET-2 on ws-prod expires in 7 days (2030-01-12). Renew it, or let it expire and the finding fails again.');

    ctx.clock.advance(DAY);
    await ctx.service.runPass();
    ctx.clock.advance(3600_000);
    await ctx.service.runPass();
    expect(reminders(ctx.sender)).toHaveLength(2);

    const renewed = await ctx.exceptions.renew(CONVERSATION_ID, stored.entry.id, '2030-02-01', 'Olga Owner');
    expect(renewed.ok).toBe(true);
    ctx.at('2030-01-24T09:00:00.000Z'); // 8 days before the new expiry
    await ctx.service.runPass();
    expect(reminders(ctx.sender)).toHaveLength(2);
    ctx.at('2030-01-25T09:00:00.000Z');
    await ctx.service.runPass();
    expect(reminders(ctx.sender)).toHaveLength(4);
    expect(reminders(ctx.sender)[3]?.text).toContain('(2030-02-01)');
  });

  it('sends a valid reminder card whose Renew and Revoke act on the channel record', async () => {
    const ctx = setup();
    const stored = await watchAndAccept(ctx, '2030-01-05');
    await ctx.service.runPass();
    const [reminder] = reminders(ctx.sender);
    expect(reminder).toBeDefined();
    expect(cardSchemaErrors(reminder!.card)).toEqual([]);
    const actions = (reminder!.card as unknown as { actions: { verb: string; data: Record<string, unknown> }[] }).actions;
    expect(actions.map((a) => a.verb)).toEqual(['exceptions.renew', 'exceptions.revoke']);
    expect(actions[0]?.data).toEqual(expect.objectContaining({ id: stored.entry.id, conversationId: CONVERSATION_ID }));
    // The owner has no personal chat with the bot: the channel alone is reminded.
    expect(reminders(ctx.sender).map((m) => m.ref.conversation.id)).toEqual([CONVERSATION_ID]);
  });

  it('fails the finding again on the day after expiry and posts one change card, which the next scheduled scan does not repeat', async () => {
    const ctx = setup();
    await watchAndAccept(ctx, '2030-01-05');
    expect((await ctx.service.runPass()).scans).toEqual([]); // the baseline was taken at subscribe; this pass posts it
    // The same pass may remind of the expiry too; the two share a timestamp, so their order is not promised.
    expect(ctx.sender.sent.map((m) => cardText(m.card)).filter((t) => t.includes('Now watching ws-prod: 0 failing'))).toHaveLength(1);

    ctx.at('2030-01-05T09:00:00.000Z'); // the last day: still accepted
    expect((await ctx.service.runPass()).scans.map((s) => s.outcome)).toEqual(['unchanged']);
    expect(changeCards(ctx.sender)).toEqual([]);

    ctx.at('2030-01-06T00:30:00.000Z'); // expired; no scan is due before 08:00
    const expiredPass = await ctx.service.runPass();
    expect(expiredPass.scans).toEqual([]);
    expect(expiredPass.exceptions).toEqual({ reminded: 0, expiredAnnounced: 1 });
    expect(changeCards(ctx.sender)).toHaveLength(1);
    expect(changeCards(ctx.sender)[0]?.text).toBe('ws-prod: 1 new finding (the accepted risk NET-2 expired)');

    ctx.at('2030-01-06T09:00:00.000Z');
    expect((await ctx.service.runPass()).scans.map((s) => s.outcome)).toEqual(['unchanged']);
    ctx.clock.advance(DAY);
    await ctx.service.runPass();
    expect(changeCards(ctx.sender)).toHaveLength(1);
  });

  it('posts one change card when the expiry and a due scan fall in the same pass', async () => {
    const ctx = setup();
    await watchAndAccept(ctx, '2030-01-05');
    await ctx.service.runPass();
    ctx.at('2030-01-07T09:00:00.000Z');
    const pass = await ctx.service.runPass();
    expect(pass.scans.map((s) => s.outcome)).toEqual(['changed']);
    expect(pass.exceptions?.expiredAnnounced).toBe(0);
    expect(changeCards(ctx.sender)).toHaveLength(1);
    ctx.clock.advance(DAY);
    await ctx.service.runPass();
    expect(changeCards(ctx.sender)).toHaveLength(1);
  });

  it('marks an exception unused when a scheduled scan finds its finding passing, and in use again when it fails', async () => {
    const ctx = setup([FAILING, FIXED, FAILING]);
    const stored = await watchAndAccept(ctx, '2030-03-01');
    await ctx.service.runPass();
    expect((await ctx.exceptions.repository.get(CONVERSATION_ID, stored.entry.id))?.unusedSince).toBeUndefined();
    ctx.at('2030-01-02T09:00:00.000Z');
    await ctx.service.runPass();
    expect((await ctx.exceptions.repository.get(CONVERSATION_ID, stored.entry.id))?.unusedSince).toBe('2030-01-02T09:00:00.000Z');
    ctx.clock.advance(DAY);
    await ctx.service.runPass();
    expect((await ctx.exceptions.repository.get(CONVERSATION_ID, stored.entry.id))?.unusedSince).toBeUndefined();
  });

  it('keeps the watch enabled when Teams refuses a reminder (403): the reminder alone is dead-lettered', async () => {
    const ctx = setup();
    await watchAndAccept(ctx, '2030-01-20');
    await ctx.service.runPass(); // the baseline
    ctx.sender.failures = [new SendError(403, 'Forbidden', undefined, 'BotNotInConversationRoster')];
    ctx.at('2030-01-13T09:00:00.000Z');
    const pass = await ctx.service.runPass();
    expect(pass.exceptions?.reminded).toBe(1);
    expect(pass.outbox).toEqual(expect.objectContaining({ sent: 0, deadLettered: 1, subscriptionsDisabled: 0 }));
    expect((await ctx.service.list(CONVERSATION_ID))[0]?.enabled).toBe(true);
  });
});
