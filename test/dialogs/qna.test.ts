import { loadKnowledge } from '../../src/knowledge/content';
import { createRouter } from '../../src/knowledge/router';
import { createQnaFeature } from '../../src/dialogs/qna';
import { checkById } from '../../src/checks/registry';
import { buildAnswerCard } from '../../src/dialogs/qna-cards';
import { DECIDED_AT_CREATION } from '../../src/knowledge/creation-time';
import { cardSchemaErrors } from '../support/card-schema';
import { actionsOf, cardText, message, RecordingPort } from './qna-fakes';
import { offer } from '../support/conversation';

const content = loadKnowledge();
const router = createRouter(content);
const qna = createQnaFeature({ content, router, checks: checkById });

describe('Q&A feature', () => {
  it('answers a question with a valid card: answer, Learn links, "Check this on my workspace"', async () => {
    const port = new RecordingPort();
    expect(await offer(qna, port, message(router, 'what ports does aml need?'))).toBe(true);
    const [sent] = port.take();
    expect(sent?.kind).toBe('card');
    const card = sent?.kind === 'card' ? sent.card : undefined;
    expect(cardSchemaErrors(card)).toEqual([]);
    expect(cardText(card)).toContain('44224');
    const actions = actionsOf(card);
    const links = actions.filter((a) => a['type'] === 'Action.OpenUrl');
    expect(links.every((a) => String(a['url']).startsWith('https://learn.microsoft.com/'))).toBe(true);
    // Button labels are the page titles from the front matter, whole, never humanised URL slugs ("Learn: Whatis");
    // at most three buttons, the other pages as links in the text.
    const learn = content.answers.get('WVN-01')!.learn;
    expect(links.length).toBeLessThanOrEqual(3);
    for (const link of links) expect(learn.map((l) => l.title)).toContain(link['title']);
    const inText = learn.filter((l) => !links.some((a) => a['url'] === l.url));
    for (const l of inText) expect(JSON.stringify(card)).toContain(`](${l.url})`);
    expect(links.some((a) => String(a['title']).startsWith('Learn:'))).toBe(false);
    const run = actions.find((a) => a['type'] === 'Action.Execute' && a['verb'] === 'scan.run-checks');
    expect((run?.['data'] as { checkIds: string[] }).checkIds).toEqual(content.answers.get('WVN-01')!.checks);
  });

  it('ends every answer with its checks by title and MCSB control, one button for exactly those checks, and notes what to decide at creation', () => {
    for (const entry of [...content.answers.values(), ...content.topics.values()].filter((e) => e.checks.length > 0)) {
      const card = buildAnswerCard(entry, checkById);
      const text = cardText(card);
      const section = text.slice(text.indexOf('What to check in your workspace'));
      for (const id of entry.checks) {
        const check = checkById(id)!;
        expect(section).toContain(`${check.title} — MCSB ${check.mcsb.join(', ')}`);
      }
      const runs = actionsOf(card).filter((a) => (a['data'] as Record<string, unknown> | undefined)?.['verb'] === 'scan.run-checks');
      expect(runs).toHaveLength(1);
      expect((runs[0]!['data'] as { checkIds: string[] }).checkIds).toEqual(entry.checks);
      const fixed = entry.checks.filter((id) => DECIDED_AT_CREATION.has(id));
      expect(section.split('Decide at creation.').length - 1).toBe(fixed.length);
    }
    // The settings Azure fixes at creation each appear, as a visible note, on at least one answer.
    const notes = [...content.answers.values()].map((e) => cardText(buildAnswerCard(e, checkById))).join('\n');
    for (const setting of ['Customer-managed key', 'hbi_workspace', 'Managed virtual network', 'No public IP']) expect(notes).toContain(`Decide at creation.** ${setting}`);
  });

  it('runs every check an answer names in its text with that answer\'s button', () => {
    for (const entry of [...content.answers.values(), ...content.topics.values()]) {
      const named = [...entry.body.matchAll(/AML-[A-Z]+-\d{3}/g)].map((m) => m[0]);
      expect([entry.id, named.filter((id) => !entry.checks.includes(id))]).toEqual([entry.id, []]);
    }
  });

  it('shows the "decide at creation" note on every answer that discusses a setting fixed at creation', () => {
    const settings: [RegExp, string][] = [
      [/customer_managed_key/, 'AML-DP-001'],
      [/hbi_workspace/, 'AML-DP-002'],
      [/managed virtual network|managed VNet/i, 'AML-NET-003'],
      [/no public IP|enableNodePublicIp|enable_node_public_ip/i, 'AML-NET-006'],
    ];
    for (const entry of [...content.answers.values(), ...content.topics.values()]) {
      const text = cardText(buildAnswerCard(entry, checkById));
      for (const [mention, checkId] of settings) {
        if (mention.test(entry.body)) expect([entry.id, text]).toEqual([entry.id, expect.stringContaining(`Decide at creation.** ${DECIDED_AT_CREATION.get(checkId)!.split(':')[0]!}`)]);
      }
    }
  });

  it('answers a check id with a card: why it matters, its MCSB controls, the creation-time note and a button that runs that one check', async () => {
    const port = new RecordingPort();
    await qna.onAction!(port, { verb: 'qna.question', data: { questionId: 'AML-NET-003' }, via: 'submit' });
    const [sent] = port.take();
    const card = sent?.kind === 'card' ? sent.card : undefined;
    expect(cardSchemaErrors(card)).toEqual([]);
    const text = cardText(card);
    const check = checkById('AML-NET-003')!;
    expect(text).toContain(`AML-NET-003 · ${check.title}`);
    expect(text).toContain(content.checks.get('AML-NET-003')!.body);
    expect(text).toContain(`MCSB ${check.mcsb.join(', ')}`);
    expect(text).toContain('Decide at creation.');
    const run = actionsOf(card).filter((a) => (a['data'] as Record<string, unknown> | undefined)?.['verb'] === 'scan.run-checks');
    expect(run.map((a) => (a['data'] as { checkIds: string[] }).checkIds)).toEqual([['AML-NET-003']]);
  });

  it('labels the Microsoft Entra ID links with their page titles', async () => {
    const port = new RecordingPort();
    await qna.onAction!(port, { verb: 'qna.question', data: { questionId: 'microsoft-entra-id' }, via: 'submit' });
    const [sent] = port.take();
    const titles = actionsOf(sent?.kind === 'card' ? sent.card : undefined).filter((a) => a['type'] === 'Action.OpenUrl').map((a) => a['title']);
    expect(titles).toContain('What is Microsoft Entra ID?');
  });

  it('answers "delete my data" never with a Q&A answer: it is the reset command', async () => {
    const route = router.route('delete my data');
    expect(route).toMatchObject({ intent: 'command', command: 'reset' });
    expect(await offer(qna, new RecordingPort(), { text: 'delete my data', route })).toBe(false);
  });

  it('offers suggestion buttons when not sure', async () => {
    const port = new RecordingPort();
    await offer(qna, port, message(router, 'vnet'));
    const [sent] = port.take();
    const card = sent?.kind === 'card' ? sent.card : undefined;
    expect(cardText(card)).toMatch(/not sure/i);
    const verbs = actionsOf(card)
      .filter((a) => a['type'] === 'Action.Execute')
      .map((a) => a['verb']);
    expect(verbs.length).toBeGreaterThanOrEqual(2);
    expect(new Set(verbs)).toEqual(new Set(['qna.question']));
    expect(cardSchemaErrors(card)).toEqual([]);
  });

  it('answers off-topic messages with text listing the topics, and ignores commands', async () => {
    const port = new RecordingPort();
    await offer(qna, port, message(router, 'tell me a joke'));
    expect(port.take()).toEqual([{ kind: 'text', text: expect.stringContaining('Identity Management') as string }]);
    expect(await offer(qna, port, message(router, 'scan sample'))).toBe(false);
    expect(await offer(qna, port, message(router, 'help'))).toBe(false);
  });

  it('answers qna.question actions by id, and unknown ids with text', async () => {
    const port = new RecordingPort();
    expect(await qna.onAction!(port, { verb: 'qna.question', data: { questionId: 'BR-01' }, via: 'submit' })).toEqual({ kind: 'handled' });
    expect(cardText((port.take()[0] as { card: unknown }).card)).toContain('Premium');
    expect(await qna.onAction!(port, { verb: 'qna.question', data: { questionId: 'XX-99' }, via: 'submit' })).toMatchObject({ kind: 'text' });
  });
});
