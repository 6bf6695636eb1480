import type { AdaptiveCard } from '../../src/cards/card';
import { cardBytes, MAX_CARD_BYTES } from '../../src/cards/template';
import { findingCard } from '../../src/cards/finding-card';
import { findingsListCard, pageCount } from '../../src/cards/findings-list-card';
import { scanSummaryCard } from '../../src/cards/summary-card';
import { lookupFrom } from '../../src/report/catalog';
import { summarySentence, verdictSentence, whyItMatters, fixIntro } from '../../src/report/wording';
import { markdownText } from '../../src/cards/escape';
import { cardSchemaErrors } from '../support/card-schema';
import { sampleCards } from '../support/sample-cards';
import { largeReport, smallReport, WORKSPACE_ID } from '../support/report-fixtures';

const cards = sampleCards();
const scan = { workspaceId: WORKSPACE_ID, target: WORKSPACE_ID };

/** Every value under a key named `key`, anywhere in the card. */
function valuesOf(node: unknown, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(node)) for (const n of node) valuesOf(n, key, out);
  else if (typeof node === 'object' && node !== null) {
    for (const [k, v] of Object.entries(node)) {
      if (k === key) out.push(v);
      valuesOf(v, key, out);
    }
  }
  return out;
}

describe.each(cards.map((c) => [c.name, c.card] as const))('card %s', (_name, card) => {
  it('is valid against the Adaptive Card 1.5 schema', () => {
    // `msteams: { width: 'Full' }` is Teams' documented host extension (full-width cards), not in the schema.
    const { msteams, ...standard } = card as AdaptiveCard & { msteams?: unknown };
    if (msteams !== undefined) expect(msteams).toEqual({ width: 'Full' });
    expect(cardSchemaErrors(standard)).toEqual([]);
    expect(card.version).toBe('1.5');
  });

  it('has no unbound ${…}, no null and no non-https url', () => {
    const json = JSON.stringify(card);
    // A command to copy (a monospace TextRun, cards/code-block.ts) may hold a shell variable such as ${environment}.
    const outsideCode = JSON.stringify(card, (_key, value: unknown) =>
      typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'TextRun' && (value as { fontType?: unknown }).fontType === 'Monospace' ? undefined : value,
    );
    expect(outsideCode).not.toContain('${');
    expect(json).not.toContain('null');
    for (const url of valuesOf(card, 'url')) expect(String(url)).toMatch(/^https:\/\//);
  });

  it('stays under 28 KB', () => {
    expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
  });

  it('uses only semantic colours and no fixed pixel widths', () => {
    // Adaptive Card enum values are case-insensitive ("Good" = "good").
    for (const color of valuesOf(card, 'color')) expect(['default', 'accent', 'good', 'warning', 'attention']).toContain(String(color).toLowerCase());
    for (const width of valuesOf(card, 'width')) expect(String(width)).not.toMatch(/px$/);
  });

  it('gives every Action.Execute an Action.Submit fallback with the same data and the verb', () => {
    const actions = valuesOf(card, 'actions').flat() as Record<string, unknown>[];
    for (const a of actions.filter((x) => x.type === 'Action.Execute')) {
      const fallback = a.fallback as Record<string, unknown>;
      expect(fallback.type).toBe('Action.Submit');
      expect(fallback.data).toEqual({ ...(a.data as object), verb: a.verb });
    }
  });
});

describe('card sizes for a 200-finding report', () => {
  const { report, checks } = largeReport(200);
  const info = lookupFrom(checks);

  it('keeps the summary, every list page and every finding card under 28 KB, and prints the figures', () => {
    const summary = cardBytes(scanSummaryCard(report, { scan }));
    const pages = pageCount(report.findings.length);
    const listSizes = Array.from({ length: pages }, (_, page) => cardBytes(findingsListCard(report, { scan, page })));
    const findingSizes = report.findings.map((f) => cardBytes(findingCard(f, { scan, info: info(f.checkId)! })));
    const figures = {
      findings: report.findings.length,
      summaryBytes: summary,
      listPages: pages,
      listMaxBytes: Math.max(...listSizes),
      findingMaxBytes: Math.max(...findingSizes),
      findingMinBytes: Math.min(...findingSizes),
      limit: MAX_CARD_BYTES,
    };
    console.log(`card sizes (200 findings): ${JSON.stringify(figures)}`);
    for (const size of [summary, ...listSizes, ...findingSizes]) expect(size).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(pages).toBe(20);
  });

  it('truncates long evidence and says how much is hidden', () => {
    const card = findingCard(report.findings[0]!, { scan });
    const json = JSON.stringify(card);
    expect(json).toContain('more evidence rows not shown');
    expect(json).toContain('…');
  });
});

describe('card content', () => {
  const { report, checks } = smallReport();
  const info = lookupFrom(checks);

  it('summary card says the same sentences as the report wording', () => {
    const json = JSON.stringify(scanSummaryCard(report, { scan }));
    expect(json).toContain(JSON.stringify(markdownText(summarySentence(report))).slice(1, -1));
    expect(json).toContain(JSON.stringify(markdownText(verdictSentence(report))).slice(1, -1));
  });

  it('finding card shows evidence, why, the fix link, the az command in monospace, learn-why and re-check', () => {
    const finding = report.findings[1]!;
    const card = findingCard(finding, { scan, info: info(finding.checkId)! });
    const json = JSON.stringify(card);
    expect(json).toContain('ServicePrincipal');
    expect(json).toContain(JSON.stringify(markdownText(whyItMatters(info(finding.checkId)))).slice(1, -1));
    expect(json).toContain(JSON.stringify(markdownText(fixIntro(finding))).slice(1, -1));
    const actions = card.actions as Record<string, unknown>[];
    expect(actions.find((a) => a.type === 'Action.OpenUrl')?.url).toBe(finding.remediation.url);
    expect(actions.find((a) => a.verb === 'qna.question')?.data).toEqual({ questionId: 'NS-01' });
    expect(actions.find((a) => a.verb === 'scan.recheck')?.data).toEqual({
      workspaceId: WORKSPACE_ID,
      target: WORKSPACE_ID,
      checkId: finding.checkId,
      resourceId: finding.resourceId,
    });
    const mono = valuesOf(card, 'fontType');
    expect(mono).toContain('Monospace');
    expect(json).toContain('az ml workspace update');
  });

  it('names the finding with its subject in the re-check and details actions when it has one, and not otherwise', () => {
    const finding = { ...report.findings[1]!, subject: 'c3b7f9e1-2a4d-4b6f-8e0a-1c3e5a7b9d2f' };
    const recheck = (findingCard(finding, { scan }).actions as Record<string, unknown>[]).find((a) => a.verb === 'scan.recheck')!;
    expect(recheck.data).toMatchObject({ checkId: finding.checkId, resourceId: finding.resourceId, subject: finding.subject });
    expect((recheck.fallback as { data: unknown }).data).toMatchObject({ subject: finding.subject, verb: 'scan.recheck' });
    const list = findingsListCard({ ...report, findings: [finding, report.findings[0]!] }, { scan, page: 0 });
    const details = valuesOf(list, 'data').filter((d) => (d as { verb?: string }).verb === undefined && (d as { checkId?: string }).checkId !== undefined) as Record<string, unknown>[];
    expect(details.find((d) => d.checkId === finding.checkId)?.subject).toBe(finding.subject);
    expect(details.find((d) => d.checkId === report.findings[0]!.checkId)).not.toHaveProperty('subject');
  });

  it('finding card without a workshop question has no learn-why button', () => {
    const finding = { ...report.findings[0]!, workshopQuestions: [] };
    const actions = findingCard(finding, { scan }).actions as Record<string, unknown>[];
    expect(actions.some((a) => a.verb === 'qna.question')).toBe(false);
  });

  it('paging clamps out-of-range pages and offers previous/next only where they exist', () => {
    const large = largeReport(35).report;
    const first = findingsListCard(large, { scan, page: -3 }).actions as Record<string, unknown>[];
    expect(first.map((a) => a.title)).toEqual(['Back to summary', 'Next page', 'Re-scan']);
    const last = findingsListCard(large, { scan, page: 99 }).actions as Record<string, unknown>[];
    expect(last.map((a) => a.title)).toEqual(['Back to summary', 'Previous page', 'Re-scan']);
    expect(last[1]!.data).toEqual({ workspaceId: WORKSPACE_ID, target: WORKSPACE_ID, page: 2 });
  });
});

describe('the schema check itself', () => {
  it('rejects cards that Teams would reject (it is not a no-op)', () => {
    expect(cardSchemaErrors({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock' }] })).not.toEqual([]);
    expect(cardSchemaErrors({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Carousel', pages: [] }] })).not.toEqual([]);
    expect(cardSchemaErrors({ type: 'AdaptiveCard', version: '1.5', actions: [{ type: 'Action.OpenUrl', title: 'x' }] })).not.toEqual([]);
    expect(cardSchemaErrors({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'ok', color: 'red' }] })).not.toEqual([]);
  });
});
