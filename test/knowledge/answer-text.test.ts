import { checkById } from '../../src/checks/registry';
import { entryAnswerMarkdown } from '../../src/knowledge/answer-text';
import { loadKnowledge } from '../../src/knowledge/content';
import { DECIDED_AT_CREATION } from '../../src/knowledge/creation-time';

const content = loadKnowledge();

describe('an answer as Markdown text', () => {
  it('ends with each related check by catalog title, id and MCSB controls, and the settings decided at creation', () => {
    const entry = content.answers.get('DP-02')!;
    const text = entryAnswerMarkdown(entry, checkById);
    const section = text.slice(text.indexOf('What to check in your workspace:'));
    for (const id of entry.checks) {
      const check = checkById(id)!;
      expect(section).toContain(`- ${check.title} (${id}) — MCSB ${check.mcsb.join(', ')}`);
    }
    const decided = entry.checks.filter((id) => DECIDED_AT_CREATION.has(id));
    expect(decided.length).toBeGreaterThan(0);
    for (const id of decided) expect(section).toContain(`Decide at creation: ${DECIDED_AT_CREATION.get(id)!}`);
  });

  it('names a check by its id when the catalog does not know it', () => {
    const entry = content.answers.get('DP-02')!;
    const text = entryAnswerMarkdown(entry, () => undefined);
    expect(text.split('\n')).toEqual(expect.arrayContaining(entry.checks.map((id) => `- ${id}`)));
  });
});
