import { checkById } from '../../src/checks/registry';
import { createMemoryStore } from '../../src/storage/memory-store';
import { loadKnowledge } from '../../src/knowledge/content';
import { createRouter } from '../../src/knowledge/router';
import { createWorkshopFeature, parseCategories } from '../../src/dialogs/workshop';
import { buildChooseCategoriesCard } from '../../src/dialogs/workshop/cards';
import { readSession } from '../../src/dialogs/workshop/session';
import { cardSchemaErrors } from '../support/card-schema';
import { actionsOf, cardText, message, offer, RecordingPort, type Sent } from './qna-fakes';

const content = loadKnowledge();
const router = createRouter(content);
const now = (): Date => new Date('2026-03-01T10:00:00Z');

function setup() {
  const store = createMemoryStore();
  const workshop = createWorkshopFeature({ content, store, checks: checkById, now });
  return { store, workshop };
}

/** The verbs of a card's Action.Execute buttons (each also has an Action.Submit fallback). */
function executeVerbs(card: unknown): unknown[] {
  return actionsOf(card)
    .filter((a) => a['type'] === 'Action.Execute')
    .map((a) => a['verb']);
}

function cards(sent: Sent[]): unknown[] {
  return sent.flatMap((s) => (s.kind === 'card' ? [s.card] : []));
}

/** The feedback card for an answer to the first Network Security prompt. */
async function firstNetworkFeedback(): Promise<unknown> {
  const { workshop } = setup();
  const port = new RecordingPort();
  await offer(workshop, port, message(router, 'start workshop network'));
  port.take();
  await offer(workshop, port, message(router, 'ExpressRoute and private endpoints'));
  return cards(port.take())[0];
}

describe('workshop dialog (personal chat)', () => {
  it('asks for categories, then runs the prompts, grades answers and advances', async () => {
    const { store, workshop } = setup();
    const port = new RecordingPort();
    expect(await offer(workshop, port, message(router, 'start workshop'))).toBe(true);
    const [chooser] = cards(port.take());
    expect(cardSchemaErrors(chooser)).toEqual([]);
    expect(executeVerbs(chooser)).toEqual(['workshop.start', 'workshop.start']);

    expect(await workshop.onAction!(port, { verb: 'workshop.start', data: { categories: 'network-security,backup-recovery' }, via: 'submit' })).toEqual({ kind: 'handled' });
    let sent = port.take();
    expect(sent[0]).toMatchObject({ kind: 'text', text: expect.stringContaining('11 prompts') as string });
    expect(cardText(cards(sent)[0])).toContain('Question 1 of 11');
    expect(cardText(cards(sent)[0])).toContain(content.questions[0]!.question);

    await offer(workshop, port, message(router, 'ExpressRoute from the office into a hub vnet, a private endpoint for the workspace, and disable public network access'));
    sent = port.take();
    const [feedback, next] = cards(sent);
    expect(cardSchemaErrors(feedback)).toEqual([]);
    expect(cardText(feedback)).toMatch(/Key points covered: [3-6] of 6/);
    expect(cardText(feedback)).toContain('❌');
    expect(cardText(next)).toContain('Question 2 of 11');

    const session = await readSession(store, 'conv-1');
    expect(session?.index).toBe(1);
    expect(session?.answers['NS-01']?.[0]).toMatchObject({ userId: 'u1', userName: 'Ada' });
  });

  it('supports skip, back, repeat, pause, continue and status', async () => {
    const { store, workshop } = setup();
    const port = new RecordingPort();
    await offer(workshop, port, message(router, 'start workshop backup and recovery'));
    expect(cardText(cards(port.take())[0])).toContain('Question 1 of 2');

    await offer(workshop, port, message(router, 'skip'));
    expect(cardText(cards(port.take())[0])).toContain('Question 2 of 2');
    await offer(workshop, port, message(router, 'go back'));
    expect(cardText(cards(port.take())[0])).toContain('Question 1 of 2');
    await offer(workshop, port, message(router, 'repeat the question'));
    expect(cardText(cards(port.take())[0])).toContain('Question 1 of 2');

    await offer(workshop, port, message(router, 'pause workshop'));
    expect(port.take()).toEqual([{ kind: 'text', text: expect.stringContaining('paused at question 1 of 2') as string }]);
    // While paused, free text is not an answer.
    expect(await offer(workshop, port, message(router, 'what ports does aml need?'))).toBe(false);
    await offer(workshop, port, message(router, 'workshop status'));
    expect(port.take()[0]).toMatchObject({ text: expect.stringContaining('1 skipped') as string });

    await offer(workshop, port, message(router, 'continue workshop'));
    expect(cardText(cards(port.take())[0])).toContain('Question 1 of 2');
    expect((await readSession(store, 'conv-1'))?.status).toBe('active');
  });

  it('finishes after the last prompt and offers the baseline', async () => {
    const { store, workshop } = setup();
    const port = new RecordingPort();
    await offer(workshop, port, message(router, 'start workshop backup and recovery'));
    await offer(workshop, port, message(router, 'key vault is replicated by microsoft, acr needs premium geo-replication, storage GRS'));
    await offer(workshop, port, message(router, 'back up storage with soft delete and versioning, key vault purge protection'));
    const sent = cards(port.take());
    const last = sent[sent.length - 1];
    expect(cardText(last)).toContain('Workshop complete');
    expect(cardText(last)).toContain('2 of 2 prompts answered');
    expect(executeVerbs(last)).toEqual(['baseline.show']);
    expect((await readSession(store, 'conv-1'))?.status).toBe('done');
    expect(await offer(workshop, port, message(router, 'what ports does aml need?'))).toBe(false);
  });

  it('resumes instead of overwriting a workshop in progress, and ignores stale skip buttons', async () => {
    const { workshop } = setup();
    const port = new RecordingPort();
    await offer(workshop, port, message(router, 'start workshop backup'));
    await offer(workshop, port, message(router, 'skip'));
    port.take();
    await offer(workshop, port, message(router, 'start workshop'));
    const sent = port.take();
    expect(sent[0]).toMatchObject({ kind: 'text', text: expect.stringContaining('Resuming') as string });
    expect(cardText(cards(sent)[0])).toContain('Question 2 of 2');
    expect(await workshop.onAction!(port, { verb: 'workshop.skip', data: { questionId: 'BR-01' }, via: 'submit' })).toMatchObject({ kind: 'text' });
  });

  it('rejects a start action without categories', async () => {
    const { workshop } = setup();
    expect(await workshop.onAction!(new RecordingPort(), { verb: 'workshop.start', data: { categories: 'nonsense' }, via: 'submit' })).toMatchObject({ kind: 'text' });
    expect(parseCategories(['data-protection', 'x', 'network-security'])).toEqual(['network-security', 'data-protection']);
  });
});

/** Presses the button titled `title` on `card` the way Teams does: its verb with the data the card gave it. */
async function press(workshop: ReturnType<typeof setup>['workshop'], port: RecordingPort, card: unknown, title: string): Promise<unknown> {
  const button = actionsOf(card).find((a) => a['type'] === 'Action.Execute' && a['title'] === title);
  if (button === undefined) throw new Error(`no ${title} button on the card`);
  return workshop.onAction!(port, { verb: String(button['verb']), data: button['data'] as Record<string, unknown>, via: 'execute' });
}

describe('workshop buttons on an old question card', () => {
  const stale = { kind: 'text', text: expect.stringContaining('That question is no longer the current one') as string };

  it.each(['Back', 'Repeat', 'Pause', 'Skip'])('%s on question 1\'s card changes nothing once question 3 is asked', async (title) => {
    const { store, workshop } = setup();
    const port = new RecordingPort();
    await offer(workshop, port, message(router, 'start workshop network'));
    const [first] = cards(port.take());
    await offer(workshop, port, message(router, 'ExpressRoute'));
    await offer(workshop, port, message(router, 'VPN gateway and conditional access'));
    expect(cardText(cards(port.take()).pop())).toContain('Question 3 of');
    const before = await readSession(store, 'conv-1');

    expect(await press(workshop, port, first, title)).toEqual(stale);
    expect(port.take()).toEqual([]);
    expect(await readSession(store, 'conv-1')).toEqual(before);
  });

  it('refuses Pause on an answered card, and Skip on an old card while paused does not resume', async () => {
    const { store, workshop } = setup();
    const port = new RecordingPort();
    await offer(workshop, port, message(router, 'start workshop network'));
    const [first] = cards(port.take());
    await offer(workshop, port, message(router, 'ExpressRoute'));
    expect(await press(workshop, port, first, 'Pause')).toEqual(stale);
    expect((await readSession(store, 'conv-1'))?.status).toBe('active');

    await offer(workshop, port, message(router, 'pause workshop'));
    port.take();
    expect(await press(workshop, port, first, 'Skip')).toEqual(stale);
    expect(await readSession(store, 'conv-1')).toMatchObject({ status: 'paused', index: 1, skipped: [] });
  });

  it('acts when the card is the current question\'s', async () => {
    const { store, workshop } = setup();
    const port = new RecordingPort();
    await offer(workshop, port, message(router, 'start workshop network'));
    await offer(workshop, port, message(router, 'ExpressRoute'));
    const second = cards(port.take()).pop();
    expect(await press(workshop, port, second, 'Back')).toEqual({ kind: 'handled' });
    expect((await readSession(store, 'conv-1'))?.index).toBe(0);
  });
});

describe('stopping a workshop early', () => {
  it('says where it stopped and how much was answered, not that it is complete, and what comes next', async () => {
    const { store, workshop } = setup();
    const port = new RecordingPort();
    await offer(workshop, port, message(router, 'start workshop network'));
    await offer(workshop, port, message(router, 'ExpressRoute'));
    const total = (await readSession(store, 'conv-1'))?.questionIds.length ?? 0;
    port.take();

    await offer(workshop, port, message(router, 'stop workshop'));
    const stopped = port.take();
    expect(stopped).toEqual([{ kind: 'text', text: expect.stringContaining(`stopped at question 2 of ${total} (1 of ${total} answered)`) as string }]);
    expect(JSON.stringify(stopped)).not.toMatch(/complete/i);
    expect(JSON.stringify(stopped)).toContain('start workshop');

    for (const text of ['continue workshop', 'skip']) {
      await offer(workshop, port, message(router, text));
      const reply = JSON.stringify(port.take());
      expect(reply).toContain(`stopped at question 2 of ${total}`);
      expect(reply).not.toMatch(/complete/i);
    }
    await offer(workshop, port, message(router, 'workshop status'));
    expect(JSON.stringify(port.take())).toContain(`Workshop stopped at question 2 of ${total}: 1 prompt answered`);
  });

  it('starts a new session afterwards', async () => {
    const { store, workshop } = setup();
    const port = new RecordingPort();
    await offer(workshop, port, message(router, 'start workshop network'));
    await offer(workshop, port, message(router, 'stop workshop'));
    await offer(workshop, port, message(router, 'start workshop backup'));
    expect(await readSession(store, 'conv-1')).toMatchObject({ status: 'active', index: 0, categories: ['backup-recovery'] });
    expect((await readSession(store, 'conv-1'))?.stoppedAtQuestion).toBeUndefined();
  });
});

describe('workshop answers while a prompt is pending', () => {
  const reviewerSentences = [
    'Check the workspace network: turn off public network access, add a private endpoint and approve outbound rules only',
    'I would watch the workspace daily and review RBAC every month, removing Owner from data scientists',
    'Watch the workspace daily and review RBAC monthly with PIM',
    'scan the linked storage accounts for public access and disable shared keys',
    'In the workshop we agreed on private endpoints and disabling public access',
  ];

  it.each(reviewerSentences)('takes "%s" as the answer, not as a command or scan', async (text) => {
    const { store, workshop } = setup();
    const port = new RecordingPort();
    await offer(workshop, port, message(router, 'start workshop network'));
    port.take();
    expect(await offer(workshop, port, message(router, text))).toBe(true);
    const [feedback] = cards(port.take());
    expect(cardText(feedback)).toContain('Key points covered');
    expect((await readSession(store, 'conv-1'))?.answers['NS-01']?.[0]?.text).toBe(text);
  });

  it('would otherwise route these sentences elsewhere (so the tests above mean something)', () => {
    expect(router.route(reviewerSentences[0]!).intent).toBe('check');
    expect(router.route(reviewerSentences[2]!)).toMatchObject({ intent: 'command', command: 'watch' });
    expect(router.route(reviewerSentences[3]!).intent).toBe('check');
    expect(router.route(reviewerSentences[4]!)).toMatchObject({ intent: 'command', command: 'workshop' });
  });

  it.each(['skip', 'next question', 'go back', 'repeat', 'pause workshop', 'stop the workshop', 'workshop status'])('lets the short workshop command "%s" through as a command', async (text) => {
    const { store, workshop } = setup();
    const port = new RecordingPort();
    await offer(workshop, port, message(router, 'start workshop network'));
    port.take();
    expect(await offer(workshop, port, message(router, text))).toBe(true);
    const session = await readSession(store, 'conv-1');
    expect(session?.answers).toEqual({});
  });

  it.each(['help', '?', 'reset', 'forget me', 'delete my data', 'scan sample', 'scan sample:hardened', 'scan the sample'])(
    'passes the exact command "%s" on to the other features',
    async (text) => {
      const { store, workshop } = setup();
      const port = new RecordingPort();
      await offer(workshop, port, message(router, 'start workshop network'));
      port.take();
      expect(await offer(workshop, port, message(router, text))).toBe(false);
      expect(port.take()).toEqual([]);
      expect((await readSession(store, 'conv-1'))?.answers).toEqual({});
    },
  );

  it('leaves the lab command to the lab, and pauses, visibly, before another activity when a prompt is open', async () => {
    const { store, workshop } = setup();
    const port = new RecordingPort();
    await offer(workshop, port, message(router, 'start workshop network'));
    port.take();
    expect(await offer(workshop, port, message(router, 'start lab'))).toBe(false);
    expect(port.take()).toEqual([]);
    await workshop.pauseForAnotherActivity(port);
    expect(port.take()).toEqual([{ kind: 'text', text: expect.stringContaining('You were in the workshop: I paused it at question 1') as string }]);
    expect(await readSession(store, 'conv-1')).toMatchObject({ status: 'paused', answers: {} });
    // Nothing is pending any more: a second activity finds nothing to pause and says nothing.
    await workshop.pauseForAnotherActivity(port);
    expect(port.take()).toEqual([]);
  });

  it('takes free text only while a prompt is pending: not when paused, done or never started', async () => {
    const { workshop } = setup();
    const port = new RecordingPort();
    expect(await offer(workshop, port, message(router, 'Check the workspace network: turn off public network access'))).toBe(false);
    await offer(workshop, port, message(router, 'start workshop network'));
    await offer(workshop, port, message(router, 'pause'));
    port.take();
    expect(await offer(workshop, port, message(router, 'Check the workspace network: turn off public network access'))).toBe(false);
    expect(await offer(workshop, port, message(router, 'scan the linked storage accounts for public access and shared keys'))).toBe(false);
  });

  it('is per conversation: another chat is not in the workshop', async () => {
    const { workshop } = setup();
    await offer(workshop, new RecordingPort(), message(router, 'start workshop network'));
    const other = new RecordingPort({ conversationId: 'conv-2', userId: 'u2' });
    expect(await offer(workshop, other, message(router, 'Check the workspace network: turn off public network access'))).toBe(false);
  });
});

describe('workshop category card', () => {
  it('"All categories" sends no inputs, "Start with these" sends the choices', () => {
    const chooser = buildChooseCategoriesCard();
    const [withThese, all] = (chooser['actions'] as Record<string, unknown>[]);
    expect(all).toMatchObject({ type: 'Action.Execute', title: 'All categories', associatedInputs: 'none', verb: 'workshop.start', data: { all: true } });
    expect(all!['fallback']).toMatchObject({ type: 'Action.Submit', associatedInputs: 'none', data: { verb: 'workshop.start', all: true } });
    expect(withThese!['associatedInputs']).toBeUndefined();
    expect(cardSchemaErrors(chooser)).toEqual([]);
  });

  it('shows Learn links by page title on the feedback card', async () => {
    const feedback = await firstNetworkFeedback();
    const links = actionsOf(feedback).filter((a) => a['type'] === 'Action.OpenUrl');
    expect(links.map((a) => a['title'])).toContain('What is Azure ExpressRoute?');
    expect(links.every((a) => !String(a['title']).startsWith('Learn:'))).toBe(true);
  });

  it('ends the feedback with the related checks by title and MCSB controls, and one button that runs exactly those', async () => {
    const feedback = await firstNetworkFeedback();
    const entry = content.answers.get(content.questions.find((q) => q.category === 'network-security')!.id)!;
    expect(entry.checks.length).toBeGreaterThan(0);
    const text = cardText(feedback);
    const section = text.slice(text.indexOf('What to check in your workspace'));
    expect(text).toContain('What to check in your workspace');
    for (const id of entry.checks) {
      const check = checkById(id)!;
      expect(section).toContain(`${check.title} — MCSB ${check.mcsb.join(', ')}`);
    }
    const runs = actionsOf(feedback).filter((a) => (a['data'] as Record<string, unknown> | undefined)?.['verb'] === 'scan.run-checks');
    expect(runs.map((a) => (a['data'] as { checkIds: string[] }).checkIds)).toEqual([entry.checks]);
  });
});

describe('workshop dialog (facilitated channel session)', () => {
  it('records each participant\'s answer on the same prompt and waits for Next', async () => {
    const { store, workshop } = setup();
    const channel = { conversationId: 'chan-1', conversationType: 'channel' as const };
    const ada = new RecordingPort({ ...channel, userId: 'u1', userName: 'Ada' });
    const bob = new RecordingPort({ ...channel, userId: 'u2', userName: 'Bob <at>Eve</at>' });
    await offer(workshop, ada, message(router, 'start workshop identity'));
    expect(cardText(cards(ada.take())[0])).toContain('Everyone can answer');

    await offer(workshop, ada, message(router, '<at>Guardian</at> MFA with conditional access'));
    await offer(workshop, bob, message(router, 'passwordless and disable local auth'));
    const bobCards = cards(bob.take());
    expect(bobCards).toHaveLength(1);
    expect(cardText(bobCards[0])).not.toContain('<at>');
    expect(actionsOf(bobCards[0]).some((a) => (a['data'] as Record<string, unknown> | undefined)?.['verb'] === 'workshop.next')).toBe(true);

    const session = await readSession(store, 'chan-1');
    expect(session?.index).toBe(0);
    expect(session?.answers['IM-01']?.map((a) => a.userId).sort()).toEqual(['u1', 'u2']);

    // Ada answers again: her answer is replaced, not duplicated.
    await offer(workshop, ada, message(router, 'MFA, conditional access and Entra password protection'));
    expect((await readSession(store, 'chan-1'))?.answers['IM-01']).toHaveLength(2);

    await workshop.onAction!(ada, { verb: 'workshop.next', data: { questionId: 'IM-01' }, via: 'submit' });
    expect(cardText(cards(ada.take()).pop())).toContain('Workshop complete');
  });
});
