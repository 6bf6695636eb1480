import { loadKnowledge } from '../../src/knowledge/content';
import { createRouter } from '../../src/knowledge/router';
import { createQnaFeature } from '../../src/dialogs/qna';
import { cardSchemaErrors } from '../support/card-schema';
import { actionsOf, cardText, message, RecordingPort } from './qna-fakes';

const content = loadKnowledge();
const router = createRouter(content);
const qna = createQnaFeature({ content, router });

describe('Q&A feature', () => {
  it('answers a question with a valid card: answer, Learn links, "Check this on my workspace"', async () => {
    const port = new RecordingPort();
    expect(await qna.onMessage!(port, message(router, 'what ports does aml need?'))).toBe(true);
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
    expect(await qna.onMessage!(new RecordingPort(), { text: 'delete my data', route })).toBe(false);
  });

  it('offers suggestion buttons when not sure', async () => {
    const port = new RecordingPort();
    await qna.onMessage!(port, message(router, 'vnet'));
    const [sent] = port.take();
    const card = sent?.kind === 'card' ? sent.card : undefined;
    expect(cardText(card)).toMatch(/not sure/i);
    const verbs = actionsOf(card).map((a) => (a['data'] as Record<string, unknown>)['verb']);
    expect(verbs.length).toBeGreaterThanOrEqual(2);
    expect(new Set(verbs)).toEqual(new Set(['qna.question']));
    expect(cardSchemaErrors(card)).toEqual([]);
  });

  it('answers off-topic messages with text listing the topics, and ignores commands', async () => {
    const port = new RecordingPort();
    await qna.onMessage!(port, message(router, 'tell me a joke'));
    expect(port.take()).toEqual([{ kind: 'text', text: expect.stringContaining('Identity Management') as string }]);
    expect(await qna.onMessage!(port, message(router, 'scan sample'))).toBe(false);
    expect(await qna.onMessage!(port, message(router, 'help'))).toBe(false);
  });

  it('answers qna.question actions by id, and unknown ids with text', async () => {
    const port = new RecordingPort();
    expect(await qna.onAction!(port, { verb: 'qna.question', data: { questionId: 'BR-01' }, via: 'submit' })).toEqual({ kind: 'handled' });
    expect(cardText((port.take()[0] as { card: unknown }).card)).toContain('Premium');
    expect(await qna.onAction!(port, { verb: 'qna.question', data: { questionId: 'XX-99' }, via: 'submit' })).toMatchObject({ kind: 'text' });
  });
});
