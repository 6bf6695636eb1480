import { applyExceptions } from '../../src/exceptions/apply';
import { createExceptionService } from '../../src/exceptions/service';
import { createExceptionsFeature } from '../../src/dialogs/exceptions';
import { APPROVER_TEXT, createApproverCheck } from '../../src/dialogs/exceptions-approvers';
import type { ConversationInfo } from '../../src/dialogs/port';
import type { ExceptionApprovers } from '../../src/config';
import { lookupFrom } from '../../src/report/catalog';
import { MemoryGuardianStore } from '../../src/storage/memory-store';
import { EXCEPTION_PREFIX } from '../../src/exceptions/repository';
import { LastScans } from '../../src/dialogs/scan-state';
import { cardSchemaErrors } from '../support/card-schema';
import { smallReport, SUB, VAULT_ID, WORKSPACE_ID } from '../support/report-fixtures';
import { FakePort, openGuard } from './scan-fakes';
import { offer } from '../support/conversation';

const NOW = new Date('2026-12-07T12:00:00.000Z');
const { report, checks } = smallReport();
const [net, vault] = checks;
const CHANNEL: ConversationInfo = { conversationId: '19:ch@thread.tacv2', conversationType: 'channel', tenantId: 't', userId: 'u-owner', userName: 'Olga Owner', teamId: 'team-1', channelId: '19:ch@thread.tacv2' };

function setup(options: { approvers?: ExceptionApprovers; owners?: readonly string[]; allowed?: string; userScopedResults?: boolean } = {}) {
  const store = new MemoryGuardianStore();
  const service = createExceptionService({
    store,
    isKnownCheck: (id) => checks.some((c) => c.id === id),
    mayScan: (id) => id.toLowerCase().startsWith((options.allowed ?? `/subscriptions/${SUB}`).toLowerCase()),
    maxDays: 180,
    now: () => NOW,
  });
  const owners = new Set(options.owners ?? ['u-owner']);
  const feature = createExceptionsFeature({
    service,
    approvers: createApproverCheck(options.approvers ?? { kind: 'team-owners' }, { roster: { isTeamOwner: (c) => Promise.resolve(owners.has(c.userId)) } }),
    checks: lookupFrom(checks),
    maxDays: 180,
    now: () => NOW,
    lastScan: { store, access: { guard: openGuard(), userScopedResults: options.userScopedResults ?? false } },
    resolveWorkspace: (target) => Promise.resolve(target === 'ws-prod' ? { ok: true as const, id: WORKSPACE_ID, name: 'ws-prod' } : { ok: false as const, message: `No workspace is called ${target}.` }),
  });
  const say = async (port: FakePort, text: string, command: 'accept' | 'exceptions', args: string) => offer(feature, port, { text, route: { intent: 'command', command, args, confidence: 1 } });
  return { store, service, feature, say };
}

const lastText = (port: FakePort): string => {
  const e = port.events.filter((x) => x.kind === 'text').at(-1);
  return e?.kind === 'text' ? e.text : '';
};

describe('accepting a risk in words', () => {
  it('records the exception with owner, reason and expiry, and the next report counts the finding as accepted', async () => {
    const { say, service } = setup();
    const port = new FakePort(CHANNEL);
    await say(port, 'accept', 'accept', `${net!.id} on ws-prod for 90 days: partner network needs the studio`);
    expect(lastText(port)).toContain(`Accepted ${net!.id}`);
    const [stored] = await service.list(CHANNEL.conversationId);
    expect(stored?.entry).toEqual(expect.objectContaining({ checkId: net!.id, resource: WORKSPACE_ID, reason: 'partner network needs the studio', owner: 'Olga Owner', expires: '2027-03-07', createdBy: 'Olga Owner' }));
    const applied = await service.applyTo(report, CHANNEL.conversationId);
    expect(applied.summary.accepted).toBe(1);
    expect(await service.repository.audit(CHANNEL.conversationId)).toEqual([expect.objectContaining({ action: 'create', by: 'Olga Owner', exceptionId: stored?.entry.id })]);
  });

  it.each([
    ['an expiry in the past', `${net!.id} on ws-prod until 2026-12-01: reason`, 'expires'],
    ['an expiry beyond the maximum', `${net!.id} on ws-prod for 181 days: reason`, 'expires'],
    ['an unknown check id', 'AML-NET-999 on ws-prod for 30 days: reason', 'check'],
    ['an empty reason', `${net!.id} on ws-prod for 30 days:`, 'reason'],
    ['no workspace', `${net!.id} for 30 days: reason`, 'workspace'],
  ])('refuses %s, naming the field, and saves nothing', async (_what, args, field) => {
    const { say, store } = setup();
    const port = new FakePort(CHANNEL);
    await say(port, 'accept', 'accept', args);
    expect(lastText(port)).toContain(`**${field}**`);
    expect(lastText(port)).toContain('I saved nothing');
    expect(await store.list('')).toEqual([]);
  });

  it('refuses an unknown workspace in a sentence that says why, and saves nothing', async () => {
    const { say, store } = setup();
    const port = new FakePort(CHANNEL);
    await say(port, 'accept', 'accept', `${net!.id} on ws-nope for 30 days: reason`);
    expect(lastText(port)).toBe('I saved nothing. No workspace is called ws-nope.');
    expect(await store.list('')).toEqual([]);
  });

  it('refuses an unknown check id pointing to the chat command that lists the checks, not the command line', async () => {
    const { say } = setup();
    const port = new FakePort(CHANNEL);
    await say(port, 'accept', 'accept', 'AML-NET-999 on ws-prod for 30 days: reason');
    expect(lastText(port)).toContain('- **check** "AML-NET-999" is not a check id this version knows. Say **checks** to see them.');
    expect(lastText(port)).not.toContain('guardian checks');
  });

  it('refuses a workspace outside the scopes this bot may scan', async () => {
    const { say, store } = setup({ allowed: `/subscriptions/${SUB}/resourceGroups/rg-other` });
    const port = new FakePort(CHANNEL);
    await say(port, 'accept', 'accept', `${net!.id} on ws-prod for 30 days: reason`);
    expect(lastText(port)).toContain('outside the scopes this bot may scan');
    expect(await store.list('')).toEqual([]);
  });

  it('lets only team owners accept by default, and anyone when configured', async () => {
    const member = { ...CHANNEL, userId: 'u-member', userName: 'Max Member' };
    const strict = setup();
    const port = new FakePort(member);
    await strict.say(port, 'accept', 'accept', `${net!.id} on ws-prod for 30 days: reason`);
    expect(lastText(port)).toBe(APPROVER_TEXT.notOwner);
    expect(await strict.store.list('')).toEqual([]);
    const open = setup({ approvers: { kind: 'anyone' } });
    await open.say(port, 'accept', 'accept', `${net!.id} on ws-prod for 30 days: reason`);
    expect(await open.service.list(CHANNEL.conversationId)).toHaveLength(1);
  });
});

describe('accepting in words only what fails', () => {
  const scanned = async (store: MemoryGuardianStore, scannedBy = CHANNEL.userId) => new LastScans(store).put(CHANNEL.conversationId, { report, target: WORKSPACE_ID, scannedBy });
  const savedExceptions = async (store: MemoryGuardianStore) => store.list(EXCEPTION_PREFIX);

  it.each([
    ['passes', checks[3]!.id, `passes on ws-prod in the last scan here (${report.scannedAt.slice(0, 16).replace('T', ' ')} UTC), so there is no failed finding to accept.`],
    ['could not be assessed', checks[2]!.id, 'could not be assessed on ws-prod in the last scan here'],
    ['does not apply', checks[7]!.id, 'does not fail on ws-prod in the last scan here'],
  ])('refuses a check that %s on the workspace in the conversation\'s last scan, saying so, and saves nothing', async (_what, checkId, sentence) => {
    const { say, store } = setup();
    await scanned(store);
    const port = new FakePort(CHANNEL);
    await say(port, 'accept', 'accept', `${checkId} on ws-prod for 30 days: reason`);
    expect(lastText(port)).toContain(`I saved nothing: ${checkId} ${sentence}`);
    expect(await savedExceptions(store)).toEqual([]);
  });

  it('accepts a check that fails in the last scan without a caveat', async () => {
    const { say, store, service } = setup();
    await scanned(store);
    const port = new FakePort(CHANNEL);
    await say(port, 'accept', 'accept', `${net!.id} on ws-prod for 30 days: reason`);
    expect(lastText(port)).toMatch(/^Accepted .*fails again\.$/);
    expect(await service.list(CHANNEL.conversationId)).toHaveLength(1);
  });

  it.each([
    ['no scan in the conversation', () => Promise.resolve()],
    ["another person's scan in user-delegated mode", async (store: MemoryGuardianStore) => scanned(store, 'u-someone-else')],
  ])('with %s to tell, accepts and says the exception applies only while the finding fails', async (_what, arrange) => {
    const { say, store, service } = setup({ userScopedResults: true });
    await arrange(store);
    const port = new FakePort(CHANNEL);
    await say(port, 'accept', 'accept', `${checks[3]!.id} on ws-prod for 30 days: reason`);
    expect(lastText(port)).toContain(`No scan of ws-prod in this conversation tells whether ${checks[3]!.id} fails there: the exception applies only while it fails.`);
    expect(await service.list(CHANNEL.conversationId)).toHaveLength(1);
  });
});

describe('accepting a risk that is already accepted', () => {
  it('renews the one exception of that check, workspace and scope with the latest terms, says so, and logs both decisions', async () => {
    const { say, service } = setup();
    const port = new FakePort(CHANNEL);
    await say(port, 'accept', 'accept', `${net!.id} on ws-prod until 2027-03-01: vendor`);
    const [first] = await service.list(CHANNEL.conversationId);
    await say(port, 'accept', 'accept', `${net!.id.toLowerCase()} on ws-prod for 30 days: lower case`);
    expect(lastText(port).split('\n\n')[0]).toBe(`${net!.id} on ws-prod was already accepted until 2027-03-01 (id ${first!.entry.id}); renewed until 2027-01-06, owner Olga Owner: lower case. The audit log keeps both decisions.`);
    const all = await service.list(CHANNEL.conversationId);
    expect(all.map((s) => [s.entry.id, s.entry.expires, s.entry.reason])).toEqual([[first!.entry.id, '2027-01-06', 'lower case']]);
    expect((await service.repository.audit(CHANNEL.conversationId)).map((a) => [a.action, a.expires, a.reason])).toEqual([
      ['create', '2027-03-01', 'vendor'],
      ['renew', '2027-01-06', 'lower case'],
    ]);
  });

  it('keeps apart an exception of the same check on another scope, and one accepted in another conversation', async () => {
    const { say, feature, service } = setup({ approvers: { kind: 'anyone' } });
    const port = new FakePort(CHANNEL);
    await say(port, 'accept', 'accept', `${vault!.id} on ws-prod for 30 days: whole workspace`);
    await feature.onAction!(port, {
      verb: 'exceptions.accept',
      data: { checkId: vault!.id, resourceId: VAULT_ID, workspaceId: WORKSPACE_ID, workspaceName: 'ws-prod', reason: 'this vault only', owner: 'Olga Owner', expires: '2027-01-31', scope: 'resource' },
      via: 'execute',
    });
    await say(new FakePort({ ...CHANNEL, conversationId: 'other' }), 'accept', 'accept', `${vault!.id} on ws-prod for 30 days: another team`);
    expect((await service.list(CHANNEL.conversationId)).map((s) => s.entry.resource).sort()).toEqual([VAULT_ID, WORKSPACE_ID].sort());
    expect(await service.list('other')).toHaveLength(1);
  });

  it('renews from the form too, and the card says it renewed', async () => {
    const { feature, service } = setup();
    const port = new FakePort(CHANNEL);
    const submit = (reason: string, expires: string) =>
      feature.onAction!(port, {
        verb: 'exceptions.accept',
        data: { checkId: vault!.id, resourceId: VAULT_ID, workspaceId: WORKSPACE_ID, workspaceName: 'ws-prod', reason, owner: 'Olga Owner', expires, scope: 'resource' },
        via: 'execute',
      });
    await submit('partner link', '2027-01-31');
    const second = JSON.stringify(await submit('partner link, still', '2027-02-28'));
    expect(second).toContain(`Accepted risk renewed: ${vault!.id}`);
    expect(second).toContain('was already accepted until 2027-01-31');
    expect((await service.list(CHANNEL.conversationId)).map((s) => s.entry.expires)).toEqual(['2027-02-28']);
  });
});

describe('accepting a risk from the finding card', () => {
  const formData = { workspaceId: WORKSPACE_ID, target: WORKSPACE_ID, checkId: vault!.id, resourceId: VAULT_ID };

  it('opens a valid form whose owner defaults to the person accepting, then records the chosen scope', async () => {
    const { feature, service } = setup();
    const port = new FakePort(CHANNEL);
    expect(await feature.onAction!(port, { verb: 'exceptions.form', data: formData, via: 'execute' })).toEqual({ kind: 'handled' });
    const form = port.sent()[0]!;
    expect(cardSchemaErrors(form)).toEqual([]);
    expect(JSON.stringify(form)).toContain('"value":"Olga Owner"');
    const result = await feature.onAction!(port, {
      verb: 'exceptions.accept',
      data: { checkId: vault!.id, resourceId: VAULT_ID, workspaceId: WORKSPACE_ID, workspaceName: 'ws-prod', reason: 'vault is reached over the partner link', owner: 'Olga Owner', expires: '2027-01-31', scope: 'resource-group' },
      via: 'execute',
    });
    expect(result.kind).toBe('card');
    const [stored] = await service.list(CHANNEL.conversationId);
    expect(stored?.entry.resource).toBe(`/subscriptions/${SUB}/resourceGroups/rg-ml`);
    expect(stored?.ownerUserId).toBe('u-owner');
  });

  it('shows the reason on the confirmation card as typed, escaped once', async () => {
    const { feature } = setup();
    const port = new FakePort(CHANNEL);
    const result = await feature.onAction!(port, {
      verb: 'exceptions.accept',
      data: { ...formData, workspaceName: 'ws-prod', reason: 'vendor (Contoso) needs it until Q2!', owner: 'Olga Owner', expires: '2027-01-31', scope: 'resource' },
      via: 'execute',
    });
    const card = JSON.stringify(result);
    expect(card).toContain('vendor (Contoso) needs it until Q2!');
    expect(card).not.toContain('\\\\(');
  });

  it('refuses a form with an empty reason and an expiry beyond the maximum, naming both, and saves nothing', async () => {
    const { feature, store } = setup();
    const result = await feature.onAction!(new FakePort(CHANNEL), {
      verb: 'exceptions.accept',
      data: { checkId: vault!.id, resourceId: VAULT_ID, workspaceId: WORKSPACE_ID, reason: ' ', owner: 'Olga Owner', expires: '2028-01-01', scope: 'resource' },
      via: 'execute',
    });
    expect(result.kind === 'text' ? result.text : '').toMatch(/\*\*reason\*\*[\s\S]*\*\*expires\*\*/);
    expect(await store.list('')).toEqual([]);
  });

  it('refuses a form whose scope reaches beyond what the bot may scan (the resource group of an allowed workspace), and saves nothing', async () => {
    const { feature, store } = setup({ allowed: WORKSPACE_ID });
    const result = await feature.onAction!(new FakePort(CHANNEL), {
      verb: 'exceptions.accept',
      data: { checkId: vault!.id, resourceId: VAULT_ID, workspaceId: WORKSPACE_ID, reason: 'partner link', owner: 'Olga Owner', expires: '2027-01-31', scope: 'resource-group' },
      via: 'execute',
    });
    expect(result.kind === 'text' ? result.text : '').toMatch(/\*\*resource\*\* .*outside the scopes this bot may scan/);
    expect(await store.list('')).toEqual([]);
  });
});

describe('show exceptions', () => {
  it('lists exceptions per workspace with owner, reason and days left, and those whose finding passes for clean-up', async () => {
    const { say, service } = setup();
    const port = new FakePort(CHANNEL);
    await say(port, 'accept', 'accept', `${net!.id} on ws-prod for 30 days: partner network`);
    await say(port, 'accept', 'accept', `${checks[3]!.id} on ws-prod for 10 days: passes already`);
    await service.applyTo(report, CHANNEL.conversationId);
    await say(port, 'show exceptions', 'exceptions', '');
    const listing = lastText(port);
    expect(listing).toContain('**ws-prod**');
    expect(listing).toMatch(new RegExp(`${net!.id}\\*\\* on the workspace — owner Olga Owner, 30 days left \\(until 2027-01-06\\): partner network`));
    expect(listing.split('Unused, to clean up:')[1]).toContain(checks[3]!.id);
    expect(listing.split('Unused, to clean up:')[0]).not.toContain(checks[3]!.id);
  });
});

describe('revoke and renew', () => {
  it('revokes from the channel by an approver, keeps the audit log, and the finding fails again', async () => {
    const { say, feature, service } = setup();
    const port = new FakePort(CHANNEL);
    await say(port, 'accept', 'accept', `${net!.id} on ws-prod for 30 days: partner network`);
    const [stored] = await service.list(CHANNEL.conversationId);
    await feature.onAction!(port, { verb: 'exceptions.renew', data: { id: stored!.entry.id, conversationId: CHANNEL.conversationId, expires: '2027-02-01' }, via: 'execute' });
    expect((await service.list(CHANNEL.conversationId))[0]?.entry.expires).toBe('2027-02-01');
    await feature.onAction!(port, { verb: 'exceptions.revoke', data: { id: stored!.entry.id, conversationId: CHANNEL.conversationId }, via: 'execute' });
    expect(await service.list(CHANNEL.conversationId)).toEqual([]);
    expect((await service.applyTo(report, CHANNEL.conversationId)).summary.accepted).toBe(0);
    expect((await service.repository.audit(CHANNEL.conversationId)).map((a) => a.action)).toEqual(['create', 'renew', 'revoke']);
  });

  it.each([
    ['in the past', '2026-12-01'],
    ['beyond the maximum', '2027-12-01'],
    ['not a day', 'next spring'],
  ])('refuses a renewal with an expiry %s, naming the field, and leaves the exception and its audit log as they were', async (_what, expires) => {
    const { say, feature, service } = setup();
    const port = new FakePort(CHANNEL);
    await say(port, 'accept', 'accept', `${net!.id} on ws-prod for 30 days: partner network`);
    const [stored] = await service.list(CHANNEL.conversationId);
    const result = await feature.onAction!(port, { verb: 'exceptions.renew', data: { id: stored!.entry.id, conversationId: CHANNEL.conversationId, expires }, via: 'execute' });
    expect(result.kind === 'text' ? result.text : '').toMatch(/I saved nothing[\s\S]*\*\*expires\*\*/);
    expect((await service.list(CHANNEL.conversationId))[0]?.entry.expires).toBe(stored!.entry.expires);
    expect((await service.repository.audit(CHANNEL.conversationId)).map((a) => a.action)).toEqual(['create']);
  });

  it('does not let another conversation act on an exception by naming it', async () => {
    const { say, feature, service } = setup({ approvers: { kind: 'anyone' } });
    await say(new FakePort(CHANNEL), 'accept', 'accept', `${net!.id} on ws-prod for 30 days: partner network`);
    const [stored] = await service.list(CHANNEL.conversationId);
    const stranger = new FakePort({ ...CHANNEL, conversationId: 'other', userId: 'u-stranger' });
    const result = await feature.onAction!(stranger, { verb: 'exceptions.revoke', data: { id: stored!.entry.id, conversationId: CHANNEL.conversationId }, via: 'execute' });
    expect(result.kind === 'text' ? result.text : '').toContain('no longer exists');
    expect(await service.list(CHANNEL.conversationId)).toHaveLength(1);
  });
});

test('a report applied twice with the same exceptions is the same report (idempotent)', () => {
  const entry = { id: 'x', checkId: net!.id, resource: WORKSPACE_ID, reason: 'r', owner: 'o', expires: '2027-01-01', createdBy: 'c', createdAt: '' };
  const once = applyExceptions(report, [entry], NOW).report;
  expect(applyExceptions(once, [entry], NOW).report).toEqual(once);
});
