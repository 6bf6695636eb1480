import { entryAnswerMarkdown } from '../../src/knowledge/answer-text';
import { loadKnowledge } from '../../src/knowledge/content';

const content = loadKnowledge();

describe('an answer as Markdown text', () => {
  it('names the related checks by title when it is given their titles, by id otherwise', () => {
    const entry = content.answers.get('DP-02')!;
    const titled = entryAnswerMarkdown(entry, (id) => content.checks.get(id)?.title);
    expect(titled).toContain(`What to check in your workspace: ${content.checks.get(entry.checks[0]!)!.title} (${entry.checks[0]!})`);
    expect(entryAnswerMarkdown(entry)).toContain(`What to check in your workspace: ${entry.checks.join('; ')}`);
  });
});
