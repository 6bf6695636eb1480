/**
 * Every card rendered in headless Chromium with the adaptivecards renderer and the Teams light and dark host
 * configs, at desktop and phone widths. Fails on parse/validation events and page errors; writes the PNGs to
 * test-output/cards/ so that people can look at them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CardRenderer, CHROMIUM_PATH, type HostTheme } from '../support/card-render';
import { sampleCards } from '../support/sample-cards';
import { scanSummaryCard } from '../../src/cards/summary-card';
import { findingOf, fixtureCheck, reportOf, WORKSPACE_ID } from '../support/report-fixtures';

const OUT = path.resolve(__dirname, '../../test-output/cards');
const cards = sampleCards();
const haveChromium = fs.existsSync(CHROMIUM_PATH);
const describeIfChromium = haveChromium ? describe : describe.skip;

describeIfChromium('cards rendered in Chromium', () => {
  let renderer: CardRenderer;

  beforeAll(async () => {
    renderer = await CardRenderer.launch();
  });

  afterAll(async () => {
    await renderer.close();
  });

  const cases = cards.flatMap((c) => (['light', 'dark'] as HostTheme[]).map((theme) => [c.name, theme, c.card] as const));

  it.each(cases)('%s (%s) renders without errors', async (name, theme, card) => {
    const result = await renderer.render(card, theme, { pngPath: path.join(OUT, `${name}-${theme}.png`) });
    expect(result.events).toEqual([]);
    expect(result.pageErrors).toEqual([]);
    expect(result.height).toBeGreaterThan(0);
    // Escaped text shows as text: no markdown link or image made it into the DOM, no backslash escapes left.
    expect(result.links).toEqual([]);
    expect(result.images).toBe(0);
    expect(result.text).not.toMatch(/\\[<>[\]*_`#&|{}]/);
  });

  it.each(cards.map((c) => [c.name, c.card] as const))('%s fits a phone-width column', async (name, card) => {
    const result = await renderer.render(card, 'light', { width: 320, pngPath: path.join(OUT, `${name}-mobile.png`) });
    expect(result.events).toEqual([]);
    expect(result.pageErrors).toEqual([]);
  });

  it('shows hostile strings as literal text', async () => {
    const card = cards.find((c) => c.name === 'finding-hostile')!.card;
    const result = await renderer.render(card, 'light');
    expect(result.text).toContain('[click me](https://evil.example/steal)');
    expect(result.text).toContain('<at>General</at>');
    expect(result.text).toContain('<img src=x onerror=alert(1)>');
    expect(result.text).not.toContain('eyJhbGciOiJIUzI1NiJ9');
  });

  it('labels the buttons of a finding card', async () => {
    const card = cards.find((c) => c.name === 'finding-fail-evidence')!.card;
    const result = await renderer.render(card, 'dark');
    expect(result.buttons).toEqual(expect.arrayContaining(['Microsoft Learn', 'Learn why', 'Re-check']));
  });
});

describeIfChromium('the renderer check itself', () => {
  it('reports unknown elements and missing properties (it is not a no-op)', async () => {
    const renderer = await CardRenderer.launch();
    try {
      const result = await renderer.render({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Foo' }], actions: [{ type: 'Action.OpenUrl', title: 'x' }] }, 'light');
      expect(result.events.join('\n')).toMatch(/Foo/);
      expect(result.events.join('\n')).toMatch(/url/);
    } finally {
      await renderer.close();
    }
  });
});

describeIfChromium('bars rendered in Chromium', () => {
  let renderer: CardRenderer;
  beforeAll(async () => {
    renderer = await CardRenderer.launch();
  });
  afterAll(async () => {
    await renderer.close();
  });

  const check = fixtureCheck('network-security', 1, 'high');
  // Network Security: 1 failed, 3 passed; Data Protection: 2 not assessed, 2 passed.
  const report = reportOf([
    findingOf(check, 'fail'),
    ...[0, 1, 2].map((i) => findingOf(check, 'pass', { resourceId: `${WORKSPACE_ID}/computes/c${i}` })),
    ...[0, 1].map((i) => findingOf(fixtureCheck('data-protection', 2, 'medium'), 'error', { resourceId: `${WORKSPACE_ID}/datastores/d${i}` })),
    ...[0, 1].map((i) => findingOf(fixtureCheck('data-protection', 3, 'low'), 'pass', { resourceId: `${WORKSPACE_ID}/datastores/p${i}` })),
  ]);
  const card = scanSummaryCard(report, { scan: { workspaceId: WORKSPACE_ID, target: 'sample' } });

  it.each(['light', 'dark'] as HostTheme[])('draws each category as coloured segments as wide as their counts, not as clipped text (%s)', async (theme) => {
    const result = await renderer.render(card, theme, { pngPath: path.join(OUT, `summary-bars-${theme}.png`) });
    expect(result.events).toEqual([]);
    expect(result.text).not.toContain('━');
    expect(result.text).not.toContain('…');
    const rows = new Map<number, typeof result.blocks>();
    for (const block of result.blocks) rows.set(block.top, [...(rows.get(block.top) ?? []), block]);
    const bars = [...rows.values()].map((row) => [...row].sort((a, b) => a.left - b.left));
    expect(bars).toHaveLength(2);
    const network = bars[0] ?? [];
    const data = bars[1] ?? [];
    for (const bar of bars) {
      expect(bar).toHaveLength(2);
      // Two colours, side by side, filling the row together.
      expect(new Set(bar.map((b) => b.background)).size).toBe(2);
      expect(bar.every((b) => b.height > 0)).toBe(true);
    }
    // 1 failed : 3 passed, and 2 not assessed : 2 passed (widths within a pixel or two of the weights).
    expect(network[1]!.width / network[0]!.width).toBeCloseTo(3, 0);
    expect(data[1]!.width / data[0]!.width).toBeCloseTo(1, 0);
    expect(network[0]!.width + network[1]!.width).toBeCloseTo(data[0]!.width + data[1]!.width, -1);
    // The failed segment is the colour of an attention container, the not-assessed one of a warning container.
    expect(network[0]!.background).not.toBe(data[0]!.background);
  });
});
