import { createLinkFeature, LINK_TEXT, resolveScopeArgument, type TeamRosterCheck } from '../../src/dialogs/link';
import type { RouteResult } from '../../src/dialogs/feature';
import { bindingKeyOf, createChannelBindings, MAX_BINDING_SCOPES } from '../../src/security/channel-binding';
import { MemoryGuardianStore } from '../../src/storage/memory-store';
import { conversation, OTHER_SUB, RecordingPort, rg, SUB, ws } from './helpers';
import { offer } from '../support/conversation';
import type { CommandName } from '../../src/routing/intent';

const ALLOWED = [`/subscriptions/${SUB}`];
const route = (command: CommandName, args: string): RouteResult => ({ intent: 'command', command, args, confidence: 1 });

function setup(owner: boolean | Error = true, allowed = ALLOWED) {
  const store = new MemoryGuardianStore();
  const bindings = createChannelBindings(store, () => new Date('2025-01-01T00:00:00Z'));
  const asked: string[] = [];
  const rosterCheck: TeamRosterCheck = {
    isTeamOwner: (c) => {
      asked.push(c.userId);
      return owner instanceof Error ? Promise.reject(owner) : Promise.resolve(owner);
    },
  };
  const errors: unknown[] = [];
  const feature = createLinkFeature({ bindings, rosterCheck, allowedScopes: allowed, onError: (e) => errors.push(e) });
  return { store, bindings, feature, asked, errors };
}

describe('resolveScopeArgument', () => {
  test('a full id within the allowed scopes', () => {
    expect(resolveScopeArgument(rg('rg-ml-prod'), ALLOWED)).toEqual({ ok: true, scope: rg('rg-ml-prod') });
    expect(resolveScopeArgument(`to ${ws('rg', 'w')}`, ALLOWED)).toEqual({ ok: true, scope: ws('rg', 'w') });
    const outside = resolveScopeArgument(`/subscriptions/${OTHER_SUB}`, ALLOWED);
    expect(outside.ok).toBe(false);
  });
  test('a resource-group name inside the one allowed subscription, or matching an allowed group', () => {
    expect(resolveScopeArgument('rg-ml-prod', ALLOWED)).toEqual({ ok: true, scope: rg('rg-ml-prod') });
    expect(resolveScopeArgument('rg-ml-prod', [rg('RG-ML-PROD'), rg('other')])).toEqual({ ok: true, scope: rg('RG-ML-PROD') });
    expect(resolveScopeArgument('mlw-prod', [ws('rg', 'mlw-prod')])).toEqual({ ok: true, scope: ws('rg', 'mlw-prod') });
    expect(resolveScopeArgument('rg-x', [ALLOWED[0]!, `/subscriptions/${OTHER_SUB}`]).ok).toBe(false);
    expect(resolveScopeArgument('rg-x', [rg('rg-y')]).ok).toBe(false);
  });
  test('hostile text is refused and quoted harmlessly', () => {
    const r = resolveScopeArgument('[click](https://evil.example) <at>x</at>', ALLOWED);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).not.toContain('[click](');
      expect(r.reason).not.toContain('<at>');
    }
  });
});

describe('link feature', () => {
  test('a team owner links the team to a resource group; the binding is stored under the team id', async () => {
    const { feature, store, asked } = setup(true);
    const port = new RecordingPort();
    expect(await offer(feature, port, { text: 'link this channel to rg-ml-prod', route: route('link', 'rg-ml-prod') })).toBe(true);
    expect(asked).toEqual([port.conversation.userId]);
    expect(port.texts[0]).toContain(`Linked. This team is linked to ${rg('rg-ml-prod')}`);
    const stored = await store.get<{ scopes: string[]; linkedBy: string }>(bindingKeyOf(port.conversation));
    expect(stored?.value).toEqual({ scopes: [rg('rg-ml-prod')], linkedBy: port.conversation.userId, linkedAt: '2025-01-01T00:00:00.000Z' });
  });

  test('a member who is not an owner changes nothing and hears who can', async () => {
    const { feature, store } = setup(false);
    const port = new RecordingPort();
    await offer(feature, port, { text: 'link', route: route('link', 'rg-ml-prod') });
    expect(port.texts).toEqual([LINK_TEXT.notOwner]);
    expect(await store.list('binding/')).toEqual([]);
  });

  test('a roster failure changes nothing and is reported', async () => {
    const { feature, store, errors } = setup(new Error('roster down'));
    const port = new RecordingPort();
    await offer(feature, port, { text: 'link', route: route('link', 'rg-ml-prod') });
    expect(port.texts).toEqual([LINK_TEXT.rosterFailed]);
    expect(errors).toHaveLength(1);
    expect(await store.list('binding/')).toEqual([]);
  });

  test('outside a team or in sample-only mode: explained, roster not asked; a bad scope: explained to the owner; nothing stored', async () => {
    const personal = setup(true);
    const p1 = new RecordingPort(conversation({ conversationType: 'personal', teamId: undefined, channelId: undefined }));
    await offer(personal.feature, p1, { text: 'link', route: route('link', 'rg-ml-prod') });
    expect(p1.texts).toEqual([LINK_TEXT.notInTeam]);
    const sampleOnly = setup(true, []);
    const p2 = new RecordingPort();
    await offer(sampleOnly.feature, p2, { text: 'link', route: route('link', 'rg-ml-prod') });
    expect(p2.texts).toEqual([LINK_TEXT.sampleOnly]);
    const bad = setup(true);
    const p3 = new RecordingPort();
    await offer(bad.feature, p3, { text: 'link', route: route('link', `/subscriptions/${OTHER_SUB}`) });
    expect(p3.texts[0]).toContain('outside the scopes');
    for (const s of [personal, sampleOnly]) expect(s.asked).toEqual([]);
    for (const s of [personal, sampleOnly, bad]) expect(await s.store.list('binding/')).toEqual([]);
  });

  test('only a team owner is shown the scopes the bot may scan', async () => {
    const member = setup(false);
    const asking = new RecordingPort();
    await offer(member.feature, asking, { text: 'link', route: route('link', '') });
    await offer(member.feature, asking, { text: 'link', route: route('link', 'rg-that-does-not-exist') });
    await offer(member.feature, asking, { text: 'unlink', route: route('unlink', 'rg-that-does-not-exist') });
    expect(asking.texts[0]).toContain('This team is not linked');
    expect(asking.texts.slice(1)).toEqual([LINK_TEXT.notOwner, LINK_TEXT.notOwner]);
    for (const text of asking.texts) expect(text).not.toContain(SUB);
    const inPersonalChat = new RecordingPort(conversation({ conversationType: 'personal', teamId: undefined, channelId: undefined }));
    await offer(member.feature, inPersonalChat, { text: 'link', route: route('link', '') });
    expect(inPersonalChat.texts.join(' ')).not.toContain(SUB);
    const rosterDown = setup(new Error('Graph is down'));
    const duringOutage = new RecordingPort();
    await offer(rosterDown.feature, duringOutage, { text: 'link', route: route('link', '') });
    expect(duringOutage.texts.join(' ')).not.toContain(SUB);
    const owner = setup(true);
    const ownerPort = new RecordingPort();
    await offer(owner.feature, ownerPort, { text: 'link', route: route('link', '') });
    expect(ownerPort.texts[0]).toContain(SUB);
  });

  test('"link" alone describes the binding to anyone; unlink removes one scope or all', async () => {
    const { feature, bindings } = setup(true);
    const port = new RecordingPort();
    await offer(feature, port, { text: 'link', route: route('link', '') });
    expect(port.texts[0]).toContain('This team is not linked');
    await offer(feature, port, { text: '', route: route('link', 'rg-a') });
    await offer(feature, port, { text: '', route: route('link', 'rg-b') });
    expect((await bindings.get(port.conversation))?.scopes).toEqual([rg('rg-a'), rg('rg-b')]);
    await offer(feature, port, { text: '', route: route('unlink', 'rg-a') });
    expect((await bindings.get(port.conversation))?.scopes).toEqual([rg('rg-b')]);
    await offer(feature, port, { text: '', route: route('unlink', '') });
    expect(await bindings.get(port.conversation)).toBeUndefined();
    expect(port.texts.at(-1)).toContain('not linked');
  });

  test('the number of scopes in a binding is capped', async () => {
    const { feature, bindings } = setup(true);
    const port = new RecordingPort();
    for (let i = 0; i < MAX_BINDING_SCOPES + 1; i += 1) await offer(feature, port, { text: '', route: route('link', `rg-${i}`) });
    expect((await bindings.get(port.conversation))?.scopes).toHaveLength(MAX_BINDING_SCOPES);
    expect(port.texts.at(-1)).toContain(`at most ${MAX_BINDING_SCOPES}`);
  });

  test('other messages are not taken', async () => {
    const { feature } = setup(true);
    const port = new RecordingPort();
    expect(await offer(feature, port, { text: 'help', route: route('help', '') })).toBe(false);
    expect(await offer(feature, port, { text: 'x', route: { intent: 'check', target: 'sample', confidence: 1 } })).toBe(false);
    expect(port.texts).toEqual([]);
  });
});
