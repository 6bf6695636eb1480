/**
 * Issue 4 end to end: "scan sample" through the real HTTP server, the fake Bot Connector and the embedded sample
 * ARM environment. Progress updated in place, then replaced by the summary; finding cards with Learn links;
 * Re-check by Action.Execute (and forged re-check data refused without an ARM read); read failures; paging;
 * "Check this on my workspace" from an answer card; every card under Teams' 28 KB.
 */
import { lastScanKey, type LastScan } from '../../src/dialogs/scan-state';
import { HARDENED_NAMES, LAB_NAMES, SAMPLE_WORKSPACE_IDS } from '../../src/sample';
import { startFakeConnector, cardText, type LocalConnector } from '../support/fake-connector';
import { startProductBot, type ProductBot } from '../support/e2e-bot';
import {
  actionsOf,
  cardBytes,
  cardRecords,
  executeAction,
  invokeCard,
  invokeMessage,
  TEAMS_CARD_LIMIT_BYTES,
  type Json,
} from '../support/e2e-cards';
import type { LocalBotClient } from '../support/bot-client';

const WORKSPACE_ID = SAMPLE_WORKSPACE_IDS['lab-default'];
const FOREIGN_WORKSPACE_ID = '/subscriptions/00000000-0000-4000-8000-00000000f00d/resourceGroups/rg-other/providers/Microsoft.MachineLearningServices/workspaces/ws-other';
const PUBLIC_NETWORK_CHECK = 'AML-NET-001';
/** Wrong types are refused by the card-action input check, or by the scan feature's own parsing behind it. */
const WRONG_TYPE = /could not use that button|did not say which|resource on the card is not valid/;

describe('scan flow through the fake Bot Connector (issue 4)', () => {
  let connector: LocalConnector;
  let bot: ProductBot;
  let user: LocalBotClient;
  /** Cards the bot answered invokes with (not seen by the connector), for the size and link assertions. */
  const invokeCards: Json[] = [];

  const execute = async (verb: string, data: Json): Promise<{ status: number; body: unknown; card: Json | undefined }> => {
    const res = await user.execute(verb, data);
    const card = invokeCard(res.body);
    if (card !== undefined) invokeCards.push(card);
    return { ...res, card };
  };
  const records = (): ReturnType<typeof cardRecords> => cardRecords(connector, user.conversation.id);

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await startProductBot({ serviceUrl: connector.serviceUrl, connector });
    user = bot.client('personal');
  });
  afterAll(async () => {
    await bot.close();
    await connector.close();
  });

  let summary: Json;
  let summaryId: string;
  let findingCards: Json[];

  test('"scan sample": the progress card is posted at once, updated in place, then replaced by the one summary card', async () => {
    const res = await user.sendText('scan sample');
    expect(res.status).toBe(200);
    const seen = records();
    const [progress, ...rest] = seen;
    expect(progress?.record.operation).toBe('reply');
    expect(cardText(progress?.card)).toContain('Scanning the sample workspace');

    const progressId = progress!.record.id;
    const updates = rest.filter((r) => r.record.operation === 'update');
    // Every update is a PUT to the progress message itself.
    expect(updates.length).toBeGreaterThanOrEqual(2);
    expect(updates.every((u) => u.record.id === progressId)).toBe(true);
    const intermediate = updates.slice(0, -1).map((u) => cardText(u.card));
    expect(intermediate.some((t) => /\d+\/\d+ reads/.test(t))).toBe(true);
    const done = intermediate.map((t) => Number(/(\d+)\/\d+ reads/.exec(t)?.[1] ?? 0));
    expect([...done].sort((a, b) => a - b)).toEqual(done); // progress only moves forward

    summary = updates.at(-1)!.card;
    summaryId = progressId;
    const summaryText = cardText(summary);
    expect(summaryText).toContain('Security baseline scan');
    expect(summaryText).toContain(LAB_NAMES.workspace);
    expect(summaryText).not.toContain('reads');
    // One message in all: the findings are a click away.
    expect(seen.filter((r) => r.record.operation !== 'update')).toHaveLength(1);
  });

  test('the scan offers up to three next steps as suggested actions, and one of them runs a partial scan', async () => {
    const sent = records().find((r) => r.record.operation === 'reply');
    const suggested = sent?.record.activity.suggestedActions;
    expect(suggested?.to).toEqual([user.conversation.user.id]);
    const actions = suggested?.actions ?? [];
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.length).toBeLessThanOrEqual(3);
    expect(actions.every((a) => a.type === 'imBack')).toBe(true);
    const rbac = actions.find((a) => a.title === 'Check RBAC');
    expect(rbac?.value).toBe('check rbac on sample');
    const before = records().length;
    await user.sendText(String(rbac?.value));
    const answer = records().slice(before).at(-1)?.card;
    expect(cardText(answer)).toMatch(/^RBAC checks$/m);
    // Back to the full scan for the tests that follow.
    await user.sendText('scan sample');
    const rescanned = records().filter((r) => r.record.operation === 'reply').at(-1)!;
    summaryId = rescanned.record.id;
    summary = records().filter((r) => r.record.id === summaryId).at(-1)!.card;
  });

  test('Show all findings → Details → Back to all findings → Back to summary: every drill-down leads back, counts agree', async () => {
    const failed = Number(/^Failed\n(\d+)$/m.exec(cardText(summary))?.[1]);
    expect(failed).toBeGreaterThan(0);
    const showAll = executeAction(summary, 'scan.page')!;
    const list = await execute(showAll.verb, showAll.data);
    // The list counts what the summary counts: "… check results: <failed> failed · …".
    expect(cardText(list.card)).toMatch(new RegExp(`\\d+ check results: ${failed} failed`));
    const backToSummary = executeAction(list.card, 'scan.summary');
    expect(actionsOf(list.card).find((a) => a.verb === 'scan.summary')?.title).toBe('Back to summary');

    const details = executeAction(list.card, 'scan.detail', (d) => d.checkId === PUBLIC_NETWORK_CHECK)!;
    const detail = await execute(details.verb, details.data);
    expect(cardText(detail.card)).toContain(PUBLIC_NETWORK_CHECK);
    findingCards = [detail.card!];
    const backToList = actionsOf(detail.card).find((a) => a.title === 'Back to all findings');
    expect(backToList?.verb).toBe('scan.page');
    const listAgain = await execute('scan.page', backToList!.data as Json);
    expect(cardText(listAgain.card)).toEqual(cardText(list.card));

    const summaryAgain = await execute(backToSummary!.verb, backToSummary!.data);
    expect(cardText(summaryAgain.card)).toEqual(cardText(summary));
  });

  test('finding cards carry working Learn links, a copyable az command filled from the finding and Re-check / Learn why buttons', () => {
    for (const card of findingCards) {
      const actions = actionsOf(card);
      const links = actions.filter((a) => a.type === 'Action.OpenUrl');
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) expect(link.url).toMatch(/^https:\/\/learn\.microsoft\.com\//);
      expect(executeAction(card, 'scan.recheck')).toBeDefined();
    }
    const publicNetwork = findingCards.find((c) => cardText(c).includes(PUBLIC_NETWORK_CHECK))!;
    expect(cardText(publicNetwork)).toContain(`az ml workspace update -n ${LAB_NAMES.workspace} -g ${LAB_NAMES.resourceGroup} --public-network-access Disabled`);
    expect(executeAction(publicNetwork, 'qna.question')).toBeDefined();
  });

  test('Re-scan shows progress on the clicked card, then answers with the summary "Re-scanned at" to the second', async () => {
    const rescan = executeAction(summary, 'scan.rescan')!;
    const before = connector.records.length;
    const res = await user.execute(rescan.verb, rescan.data, summaryId);
    const card = invokeCard(res.body);
    expect(card).toBeDefined();
    invokeCards.push(card!);
    const progress = cardRecords(connector, user.conversation.id).filter((r) => connector.records.indexOf(r.record) >= before);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((r) => r.record.operation === 'update' && r.record.id === summaryId)).toBe(true);
    expect(cardText(progress[0]!.card)).toContain('Scanning');
    expect(cardText(card)).toMatch(/Re-scanned at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
    expect(cardText(card)).toContain('Security baseline scan');
  });

  test('Re-check (Action.Execute) answers with the updated card in the invoke response; after the fix it passes', async () => {
    const card = findingCards.find((c) => cardText(c).includes(PUBLIC_NETWORK_CHECK))!;
    const recheck = executeAction(card, 'scan.recheck')!;
    expect(recheck.data).toMatchObject({ checkId: PUBLIC_NETWORK_CHECK, workspaceId: WORKSPACE_ID });

    const failing = await execute(recheck.verb, recheck.data);
    expect(failing.status).toBe(200);
    expect(failing.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(cardText(failing.card)).toContain('Failed');
    expect(cardText(failing.card)).toContain('Enabled');

    bot.sample.arm.patch(WORKSPACE_ID, { publicNetworkAccess: 'Disabled' });
    try {
      const passing = await execute(recheck.verb, recheck.data);
      expect(passing.status).toBe(200);
      const text = cardText(passing.card);
      expect(text).toContain('Passed');
      expect(text).not.toContain('Failed');
      // The stored report follows the re-check (paging and details show the new state).
      const last = await bot.server.services.store.get<LastScan>(lastScanKey(user.conversation.id));
      expect(last?.value.report.findings.find((f) => f.checkId === PUBLIC_NETWORK_CHECK)?.status).toBe('pass');
    } finally {
      bot.sample.arm.patch(WORKSPACE_ID, { publicNetworkAccess: 'Enabled' });
    }
  });

  test.each<[string, Json, RegExp]>([
    ['a workspace other than the sample the card names', { workspaceId: FOREIGN_WORKSPACE_ID, target: 'sample', checkId: PUBLIC_NETWORK_CHECK }, /two different workspaces|cannot do that/i],
    ['a workspace outside what the bot may scan', { workspaceId: FOREIGN_WORKSPACE_ID, target: FOREIGN_WORKSPACE_ID, checkId: PUBLIC_NETWORK_CHECK }, /sample environment only|scans only the sample environment|not connected to Azure|outside the scopes/i],
    ['two different workspaces', { workspaceId: WORKSPACE_ID, target: FOREIGN_WORKSPACE_ID, checkId: PUBLIC_NETWORK_CHECK }, /two different workspaces/],
    ['an unknown check id', { workspaceId: WORKSPACE_ID, target: 'sample', checkId: 'AML-NET-999' }, /do not know the check AML-NET-999/],
    ['a check id that is not one', { workspaceId: WORKSPACE_ID, target: 'sample', checkId: '../../etc' }, /is not a check id/],
    ['a number as check id', { workspaceId: WORKSPACE_ID, target: 'sample', checkId: 42 }, WRONG_TYPE],
    ['a list as workspace id', { workspaceId: [WORKSPACE_ID], target: 'sample', checkId: PUBLIC_NETWORK_CHECK }, WRONG_TYPE],
    ['a malformed workspace id', { workspaceId: '/subscriptions/x/../../providers', target: 'sample', checkId: PUBLIC_NETWORK_CHECK }, /cannot do that/i],
    ['an object as resource id', { workspaceId: WORKSPACE_ID, target: 'sample', checkId: PUBLIC_NETWORK_CHECK, resourceId: { id: 1 } }, WRONG_TYPE],
  ])('forged re-check data (%s) gets a clear answer and no ARM read', async (_name, data, answer) => {
    const before = bot.sample.arm.requestCount;
    const res = await execute('scan.recheck', data);
    expect(res.status).toBe(200);
    expect(res.card).toBeUndefined();
    expect(invokeMessage(res.body)).toMatch(answer);
    expect(bot.sample.arm.requestCount).toBe(before);
  });

  test('"Show all" pages through every finding, each page a card under 28 KB', async () => {
    const showAll = executeAction(summary, 'scan.page');
    expect(showAll).toBeDefined();
    const first = await execute(showAll!.verb, showAll!.data);
    expect(first.status).toBe(200);
    expect(first.card).toBeDefined();
    const next = executeAction(first.card, 'scan.page', (d) => d.page === 1);
    expect(next).toBeDefined();
    const second = await execute(next!.verb, next!.data);
    expect(second.card).toBeDefined();
    expect(cardText(second.card)).not.toEqual(cardText(first.card));
    const back = executeAction(second.card, 'scan.page', (d) => d.page === 0);
    expect(back).toBeDefined();
    // A page button with a forged page number is refused.
    const forged = await execute('scan.page', { ...showAll!.data, page: -3 });
    expect(invokeMessage(forged.body)).toMatch(/page number on the card is not valid|could not use that button/);
  });

  /** "scan sample" while ARM answers `status` on `pathPattern`: the last state of the card the scan posted first. */
  async function scanSampleWhileFailing(pathPattern: RegExp, status: number): Promise<ReturnType<typeof cardRecords>[number]> {
    bot.sample.arm.inject({ pathPattern, status });
    const before = records().length;
    try {
      await user.sendText('scan sample');
    } finally {
      bot.sample.arm.clearFaults();
    }
    const seen = records().slice(before);
    return seen.filter((r) => r.record.id === seen[0]!.record.id).at(-1)!;
  }

  test('a read that fails (403 on role assignments) still ends in a finished summary with not-assessed findings', async () => {
    const final = await scanSampleWhileFailing(/roleAssignments/i, 403);
    expect(final.record.operation).toBe('update');
    const text = cardText(final.card);
    expect(text).toContain('Security baseline scan');
    expect(text).toMatch(/Not assessed\n[1-9]/);
    const last = await bot.server.services.store.get<LastScan>(lastScanKey(user.conversation.id));
    expect(last?.value.report.findings.some((f) => f.status === 'error')).toBe(true);
  });

  test('a workspace Azure cannot serve (503) ends in an error card naming the outage, not in a clean scan or a permission', async () => {
    const text = cardText((await scanSampleWhileFailing(/\/workspaces\/[^/]+$/i, 503)).card);
    expect(text).toContain('I could not read that workspace, so nothing was checked');
    expect(text).toContain('HTTP 503');
    expect(text).not.toContain('Security baseline scan');
    expect(text).not.toMatch(/needs Microsoft|grant the missing/i);
  });

  test('the answer card\'s "Check this on my workspace" runs its checks on the workspace scanned last', async () => {
    const card = findingCards.find((c) => cardText(c).includes(PUBLIC_NETWORK_CHECK))!;
    const learnWhy = executeAction(card, 'qna.question')!;
    const posted = records().length;
    const res = await execute(learnWhy.verb, learnWhy.data);
    expect(res.status).toBe(200);
    // The answer comes as a new message (the finding card stays as it was).
    const answer = records().slice(posted).at(-1)?.card;
    expect(cardText(answer)).toContain('NS-01');
    const runChecks = executeAction(answer, 'scan.run-checks');
    expect(runChecks).toBeDefined();
    const checkIds = runChecks!.data.checkIds as string[];
    expect(checkIds.length).toBeGreaterThan(0);
    // Older clients send the Action.Submit fallback: the same data, with the verb.
    const fallback = (actionsOf(answer).find((a) => a.verb === 'scan.run-checks') as { fallback?: { data?: Json } } | undefined)?.fallback?.data;
    expect(fallback).toEqual({ ...runChecks!.data, verb: 'scan.run-checks' });

    const before = records().length;
    await user.execute(runChecks!.verb, runChecks!.data);
    const seen = records().slice(before);
    expect(cardText(seen[0]?.card)).toContain('Scanning');
    const final = seen.filter((r) => r.record.id === seen[0]!.record.id).at(-1)!;
    // A partial scan is titled as what it is, not as a baseline scan.
    expect(cardText(final.card)).toMatch(/^(Checks AML-|\d+ selected checks)/);
    expect(cardText(final.card)).not.toContain('Security baseline scan');
    const last = await bot.server.services.store.get<LastScan>(lastScanKey(user.conversation.id));
    const ran = new Set(last!.value.report.findings.map((f) => f.checkId));
    // Only the answer's checks ran (those that apply to the workspace), not the whole catalog.
    expect(ran.size).toBeGreaterThan(0);
    expect([...ran].filter((id) => !checkIds.includes(id))).toEqual([]);
    expect(ran.has(PUBLIC_NETWORK_CHECK)).toBe(checkIds.includes(PUBLIC_NETWORK_CHECK));
    expect(last!.value.report.workspace.id).toBe(WORKSPACE_ID);
  });

  test('every card the bot posted or answered with in this flow is at most 28 KB, and every link goes to Microsoft Learn', () => {
    const all = [...records().map((r) => r.card), ...invokeCards];
    expect(all.length).toBeGreaterThan(10);
    const sizes = all.map(cardBytes);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(TEAMS_CARD_LIMIT_BYTES);
    const urls = all.flatMap((c) => actionsOf(c)).filter((a) => a.type === 'Action.OpenUrl').map((a) => a.url);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(/^https:\/\/learn\.microsoft\.com\//);
  });
});

describe('review fixes through the fake Bot Connector (items 4, 5, 8, 9, 15, 21)', () => {
  let connector: LocalConnector;
  let bot: ProductBot;
  let user: LocalBotClient;
  const records = (): ReturnType<typeof cardRecords> => cardRecords(connector, user.conversation.id);
  /** The cards (posted or updated) of the bot's answer to one message. */
  const answerTo = async (text: string): Promise<Json[]> => {
    const before = records().length;
    const res = await user.sendText(text);
    expect(res.status).toBe(200);
    return records().slice(before).map((r) => r.card);
  };

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await startProductBot({ serviceUrl: connector.serviceUrl, connector });
    user = bot.client('personal');
  });
  afterAll(async () => {
    await bot.close();
    await connector.close();
  });

  test('item 4: "defender status for subscription <sample id>" answers with the plans card, CSPM Free failing, without a workspace read', async () => {
    bot.sample.arm.resetLog();
    const cards = await answerTo(`defender status for subscription ${LAB_NAMES.subscriptionId}`);
    expect(cards).toHaveLength(1);
    const text = cardText(cards[0]);
    expect(text).toContain('Defender for Cloud plans');
    expect(text).toMatch(/No — 5 of 5 Defender plans the baseline asks for in every subscription are not fully on/);
    expect(text).toContain('AML-LT-006 · Failed');
    // A subscription cannot say whether its workspaces use AI services or VMs: those plans say when they are needed.
    expect(text).toContain('AML-LT-005 · Conditional (not on): needed where workspaces connect to AI services');
    expect(text).toContain('AML-LT-012 · Conditional (not on): needed for attached VMs');
    expect(text).toContain('CloudPosture');
    expect(text).toContain('Free');
    expect(text).toContain(`az security pricing create --subscription ${LAB_NAMES.subscriptionId} -n CloudPosture --tier Standard`);
    expect(cardBytes(cards[0])).toBeLessThanOrEqual(TEAMS_CARD_LIMIT_BYTES);
    // It opens with a short coloured headline; the long answer below it is plain text, not a bold red paragraph.
    const blocks = ((cards[0]?.body ?? []) as { type?: string; text?: string; weight?: string; color?: string }[]).filter((b) => b.type === 'TextBlock');
    const loud = blocks.filter((b) => b.weight === 'Bolder' && b.color === 'attention');
    expect(loud.map((b) => b.text)).toEqual(['5 of 5 required plans not fully on']);
    const answer = blocks.find((b) => b.text?.startsWith('No — 5 of 5'));
    expect(answer?.weight).toBeUndefined();
    expect(answer?.color).toBeUndefined();
    expect(bot.sample.arm.requests.some((r) => r.path.includes('/workspaces/'))).toBe(false);
    const hardened = cardText((await answerTo(`defender status for subscription /subscriptions/${HARDENED_NAMES.subscriptionId}`))[0]);
    expect(hardened).toMatch(/Yes — all 5 Defender plans the baseline asks for in every subscription are on/);
  });

  test('item 5: a sample workspace name is scanned in sample-only mode', async () => {
    const cards = await answerTo(`scan ${LAB_NAMES.workspace}`);
    expect(cardText(cards[0])).toContain(`Scanning ${LAB_NAMES.workspace}`);
    expect(cards.map((c) => cardText(c)).join('\n')).toContain('Security baseline scan');
    expect(cards.map((c) => cardText(c)).join('\n')).not.toContain('sample environment only');
  });

  test('"is public network access off on sample?" is one card titled as what it is, opening with a direct answer, without an overall score', async () => {
    const cards = await answerTo('is public network access off on the sample workspace?');
    const answer = cardText(cards.at(-1));
    expect(answer).toContain('Is public network access off on');
    const [, failed, total] = new RegExp(`No — public network access is not off: ${LAB_NAMES.workspace} has publicNetworkAccess Enabled; (\\d+) of (\\d+) public-access check results fail`).exec(answer) ?? [];
    expect(Number(failed)).toBeGreaterThan(0);
    // The answer's numbers are the card's own.
    expect(answer).toMatch(new RegExp(`^Failed\\n${failed}$`, 'm'));
    expect(answer).toMatch(/^Public network access checks$/m);
    expect(answer).not.toContain('Security baseline scan');
    expect(answer).not.toMatch(/score/i);
    expect(Number(total)).toBeGreaterThanOrEqual(Number(failed));
    const last = await bot.server.services.store.get<LastScan>(lastScanKey(user.conversation.id));
    const ran = new Set(last!.value.report.findings.map((f) => f.checkId));
    expect(ran.has('AML-NET-001')).toBe(true);
    for (const notPublic of ['AML-NET-003', 'AML-NET-004', 'AML-NET-005', 'AML-NET-009']) expect(ran.has(notPublic)).toBe(false);
  });

  test('item 8: re-check of a compute that was deleted says so, and shows no other resource', async () => {
    await answerTo('scan sample');
    const compute = `${WORKSPACE_ID}/computes/${LAB_NAMES.computeInstance}`;
    const original = bot.sample.arm.getResource(compute)!;
    expect(original).toBeDefined();
    bot.sample.arm.deleteResource(compute);
    try {
      const res = await user.execute('scan.recheck', { workspaceId: WORKSPACE_ID, target: 'sample', checkId: 'AML-NET-006', resourceId: compute });
      expect(invokeCard(res.body)).toBeUndefined();
      expect(invokeMessage(res.body)).toBe(`compute ${LAB_NAMES.computeInstance} is gone or no longer in scope: nothing to re-check.`);
    } finally {
      bot.sample.arm.setResource(compute, original);
    }
  });

  test('item 9: the sample is not rate-limited', async () => {
    for (let i = 0; i < 7; i++) {
      const cards = await answerTo('scan sample:hardened');
      expect(cards.map((c) => cardText(c)).join('\n')).not.toMatch(/limit of/);
    }
  });

  test.each([
    ['scan /subscriptions/xyz', 'xyz'],
    ['check defender on subscription 1234', '1234'],
    ['defender status for subscription 1234-abcd', '1234-abcd'],
  ])('"%s" says the subscription id is not valid and what one looks like, instead of asking "Which workspace?"', async (message, typed) => {
    bot.sample.arm.resetLog();
    const cards = await answerTo(message);
    expect(cards).toHaveLength(1);
    const text = cardText(cards[0]);
    expect(text).toContain('That is not a valid subscription id');
    expect(text).toContain(`"${typed}" is not one`);
    expect(text).toMatch(/a subscription id is a GUID like [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(text).not.toContain('Which workspace?');
    expect(bot.sample.arm.requests).toEqual([]);
  });

  test('a broken workspace id is answered as a resource id that is not valid, with what one looks like', async () => {
    bot.sample.arm.resetLog();
    const cards = await answerTo('scan /subscriptions/xyz/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws');
    expect(cards).toHaveLength(1);
    const text = cardText(cards[0]);
    expect(text).toContain('That is not a valid resource id');
    expect(text).toContain('"xyz" is not a subscription id');
    expect(text).toContain('A workspace id looks like /subscriptions/');
    expect(bot.sample.arm.requests).toEqual([]);
  });


  test('an unknown workspace is explained in words a Teams user can act on, with no setting names', async () => {
    const text = (await answerTo('scan ws-nowhere-to-be-found')).map((c) => cardText(c)).join('\n');
    expect(text).toContain('ws-nowhere-to-be-found');
    expect(text).toMatch(/scan sample/);
    expect(text).not.toMatch(/GUARDIAN_|[A-Z]+_[A-Z]+_[A-Z]+/);
  });

  test('in a channel, a scan posts one summary card (progress updated in place) and no finding cards', async () => {
    const channel = bot.client('channel');
    const res = await channel.sendText('scan sample', { mention: true });
    expect(res.status).toBe(200);
    const seen = cardRecords(connector, channel.conversation.id);
    expect(seen.filter((r) => r.record.operation !== 'update')).toHaveLength(1);
    expect(cardText(seen.at(-1)?.card)).toContain('Security baseline scan');
    // Teams shows suggested actions in personal chats only.
    expect(seen[0]?.record.activity.suggestedActions).toBeUndefined();
  });

  test('item 21: a link and a mention in place of a workspace are ignored, and the prompt says why', async () => {
    const cards = await answerTo('scan [evil](https://evil.example) <at>everyone</at>');
    const text = cardText(cards[0]);
    expect(text).toContain('Which workspace?');
    expect(text).toContain('I ignored the link in your message');
    expect(JSON.stringify(cards[0])).not.toContain('evil.example');
  });

  test('"what\'s my score?" after a scan answers for the workspace last scanned, with another workspace a click away', async () => {
    await answerTo('scan sample:hardened');
    const text = (await answerTo("what's my score?")).map((card) => cardText(card)).join('\n');
    expect(text).toContain(`Your last scan of ${HARDENED_NAMES.workspace}`);
    expect(text).not.toMatch(/^Which workspace\?$/m);
    expect(text).toContain('Security baseline scan');
  });
});
