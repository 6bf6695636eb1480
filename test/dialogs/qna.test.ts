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
    expect(actions.filter((a) => a['type'] === 'Action.OpenUrl').every((a) => String(a['url']).startsWith('https://learn.microsoft.com/'))).toBe(true);
    const run = actions.find((a) => (a['data'] as Record<string, unknown> | undefined)?.['verb'] === 'scan.run-checks');
    expect((run?.['data'] as { checkIds: string[] }).checkIds).toEqual(content.answers.get('WVN-01')!.checks);
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
