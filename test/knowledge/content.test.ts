import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATEGORIES } from '../../src/checks/types';
import { allChecks } from '../../src/checks/registry';
import { DEFAULT_KNOWLEDGE_DIR, KnowledgeContentError, learnTitleProblem, loadKnowledge } from '../../src/knowledge/content';
import questionsFile from '../../src/knowledge/workshop-questions.json';

const content = loadKnowledge();
const registryIds = new Set(allChecks.map((c) => c.id));

describe('knowledge base content', () => {
  it('answers every workshop question id with >= 2 Learn links and 4-8 key points', () => {
    const ids = questionsFile.questions.map((q) => q.id);
    expect(ids).toHaveLength(25);
    for (const id of ids) {
      const entry = content.answers.get(id);
      expect(entry).toBeDefined();
      expect(entry!.learn.filter((l) => l.url.startsWith('https://learn.microsoft.com/')).length).toBeGreaterThanOrEqual(2);
      expect(entry!.keyPoints.length).toBeGreaterThanOrEqual(4);
      expect(entry!.keyPoints.length).toBeLessThanOrEqual(8);
      expect(entry!.body.length).toBeGreaterThan(300);
    }
  });

  it('links only check ids that have the catalog shape and exist in the check registry', () => {
    const linked = [...content.answers.values(), ...content.topics.values()].flatMap((e) => e.checks);
    expect(linked.length).toBeGreaterThan(50);
    for (const id of linked) {
      expect(id).toMatch(/^AML-[A-Z]+-\d{3}$/);
      expect(registryIds.has(id)).toBe(true);
    }
  });

  it('has a "why does this matter" explainer for every registered check, and one per category', () => {
    for (const id of registryIds) expect(content.checks.get(id)?.body.length ?? 0).toBeGreaterThan(60);
    for (const c of CATEGORIES) expect(content.categories.get(c)?.body.length ?? 0).toBeGreaterThan(100);
  });

  it('states what changed about the compute ports over time (WVN-01)', () => {
    const body = content.answers.get('WVN-01')!.body;
    expect(body).toContain('44224');
    expect(body).toContain('29876');
    expect(body).toMatch(/no-public-IP|no public IP/i);
    expect(body).toContain('AzureActiveDirectory');
  });

  it('keeps the extra topics in the same shape', () => {
    for (const id of ['managed-identity', 'service-principal', 'private-endpoint', 'managed-virtual-network', 'defender-for-cloud', 'customer-managed-keys']) {
      const topic = content.topics.get(id);
      expect(topic?.learn.length ?? 0).toBeGreaterThanOrEqual(2);
      expect(topic?.keyPoints.length ?? 0).toBeGreaterThanOrEqual(4);
    }
  });

  it('gives every Learn link of every answer and topic a real title, not a slug of its URL', () => {
    const links = [...content.answers.values(), ...content.topics.values()].flatMap((e) => e.learn);
    expect(links.length).toBeGreaterThanOrEqual(25 * 2);
    for (const link of links) {
      expect(link.url).toMatch(/^https:\/\/learn\.microsoft\.com\//);
      expect(learnTitleProblem(link)).toBeUndefined();
      // A title is words with capitals, not the last URL segment ("how-to-managed-network") however it is cased.
      expect(link.title).toMatch(/\s/);
      expect(link.title).toMatch(/[A-Z]/);
      const slug = link.url.replace(/[?#].*$/, '').split('/').pop()!;
      expect(link.title.toLowerCase()).not.toBe(slug.toLowerCase());
    }
    // The same page has the same title wherever it is linked.
    const titles = new Map<string, Set<string>>();
    for (const link of links) titles.set(link.url, (titles.get(link.url) ?? new Set()).add(link.title));
    expect([...titles].filter(([, set]) => set.size > 1)).toEqual([]);
  });

  it('refuses slug and URL titles and bare-string links in the loader', () => {
    expect(learnTitleProblem({ url: 'https://learn.microsoft.com/azure/machine-learning/how-to-managed-network', title: 'how-to-managed-network' })).toMatch(/slug/);
    expect(learnTitleProblem({ url: 'https://learn.microsoft.com/entra/fundamentals/whatis', title: 'whatis' })).toMatch(/slug/);
    expect(learnTitleProblem({ url: 'https://learn.microsoft.com/entra/fundamentals/whatis', title: 'Whatis' })).toMatch(/single word/);
    expect(learnTitleProblem({ url: 'https://learn.microsoft.com/a/b', title: 'https://learn.microsoft.com/a/b' })).toMatch(/URL/);
    expect(learnTitleProblem({ url: 'https://learn.microsoft.com/a/b', title: 'What is Azure Bastion?' })).toBeUndefined();

    const dir = mkdtempSync(join(tmpdir(), 'knowledge-'));
    cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true, filter: (src) => !src.endsWith('.ts') });
    const file = join(dir, 'topics', 'azure-policy.md');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace(/title: "What is Azure Policy\?"/, 'title: "policy-overview"'));
    expect(() => loadKnowledge(dir)).toThrow(/azure-policy\.md: the title of https:\/\/learn\.microsoft\.com\/azure\/governance\/policy\/overview \("policy-overview"\) looks like a slug/);
  });

  it('rejects broken content and lists every problem at once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'knowledge-'));
    cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true, filter: (src) => !src.endsWith('.ts') });
    writeFileSync(join(dir, 'answers', 'NS-01.md'), '---\nid: NS-01\ncategory: network-security\ntitle: x\nkeywords: [a]\nlearn: [https://example.com]\nchecks: [NET-1]\nkeyPoints: [one]\n---\nshort\n');
    writeFileSync(join(dir, 'answers', 'NS-02.md'), 'no front matter');
    mkdirSync(join(dir, 'topics'), { recursive: true });
    let error: unknown;
    try {
      loadKnowledge(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KnowledgeContentError);
    const problems = (error as KnowledgeContentError).problems.join('\n');
    expect(problems).toContain('NS-02.md: no YAML front matter');
    // A plain URL string is no longer a Learn link: links carry titles.
    expect(problems).toMatch(/NS-01\.md: \/learn\/0 must be object/);
    expect(problems).toMatch(/NS-01\.md: \/checks\/0 must match pattern/);
    expect(problems).toMatch(/NS-01\.md: \/keyPoints must NOT have fewer than 4 items/);
    expect(problems).toContain('no answer for workshop question NS-02');
  });
});
