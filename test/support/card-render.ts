/**
 * Renders Adaptive Cards in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) with the
 * `adaptivecards` JS renderer — the one Teams desktop and web use — and a Teams host config. No network:
 * the renderer is inlined into the page with setContent. Reports parse and validation events, page errors,
 * and what the rendered DOM holds (links, images, text), and can write a PNG.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export type HostTheme = 'light' | 'dark';

export interface RenderResult {
  /** Parse events and property validation events reported by the renderer. */
  readonly events: readonly string[];
  /** Uncaught page errors and console errors. */
  readonly pageErrors: readonly string[];
  /** Visible text of the rendered card. */
  readonly text: string;
  /** hrefs of <a> elements in the card body (markdown links that got through). */
  readonly links: readonly string[];
  readonly images: number;
  readonly buttons: readonly string[];
  readonly height: number;
  /** Filled areas with no text (bars drawn as styled columns), top to bottom: size and background colour. */
  readonly blocks: readonly { readonly top: number; readonly left: number; readonly width: number; readonly height: number; readonly background: string }[];
}

const HOST_CONFIG_DIR = path.resolve(__dirname, '../../src/cards/host-configs');
const RENDERER = fs.readFileSync(require.resolve('adaptivecards/dist/adaptivecards.min.js'), 'utf8');
const RENDERER_CSS = fs.readFileSync(require.resolve('adaptivecards/dist/adaptivecards.css'), 'utf8');

function hostConfig(theme: HostTheme): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(HOST_CONFIG_DIR, `microsoft-teams-${theme}.json`), 'utf8')) as Record<string, unknown>;
}

// A tiny markdown processor in the page: backslash escapes, **bold** and _italic_, nothing else; HTML-escaped.
// It stands in for the host's processor so that escaped text shows as the characters it is.
const PAGE_SCRIPT = `
window.renderCard = (card, hostConfig, width) => {
  const AC = window.AdaptiveCards;
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    const slots = [];
    let t = text.replace(/\\\\([!-\\/:-@\\[-\`{-~])/g, (m, c) => { slots.push(c); return '\\u0000' + (slots.length - 1) + '\\u0000'; });
    t = esc(t).replace(/\\*\\*([^*]+)\\*\\*/g, '<strong>$1</strong>').replace(/(^|\\s)_([^_]+)_(?=\\s|$)/g, '$1<em>$2</em>');
    t = t.replace(/\\u0000(\\d+)\\u0000/g, (m, i) => esc(slots[Number(i)]));
    result.outputHtml = t;
    result.didProcess = true;
  };
  const host = document.getElementById('host');
  host.style.width = width + 'px';
  host.innerHTML = '';
  const events = [];
  const adaptiveCard = new AC.AdaptiveCard();
  adaptiveCard.hostConfig = new AC.HostConfig(hostConfig);
  const context = new AC.SerializationContext();
  adaptiveCard.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) { const e = context.getEventAt(i); events.push('parse: ' + e.message); }
  for (const e of adaptiveCard.validateProperties().validationEvents) events.push('validate: ' + e.message);
  const element = adaptiveCard.render();
  if (!element) { events.push('render: no element'); return { events, text: '', links: [], images: 0, buttons: [], height: 0, blocks: [] }; }
  host.appendChild(element);
  const links = [...element.querySelectorAll('a')].map((a) => a.getAttribute('href') || '');
  const buttons = [...element.querySelectorAll('button')].map((b) => (b.innerText || '').trim());
  const cardBox = element.getBoundingClientRect();
  const blocks = [...element.querySelectorAll('.ac-container')]
    .filter((e) => (e.innerText || '').trim() === '' && e.querySelector('button, input') === null)
    .map((e) => ({ box: e.getBoundingClientRect(), background: getComputedStyle(e).backgroundColor }))
    .filter((b) => b.background !== 'rgba(0, 0, 0, 0)' && b.box.width > 0)
    .map((b) => ({ top: Math.round(b.box.top - cardBox.top), left: Math.round(b.box.left - cardBox.left), width: b.box.width, height: b.box.height, background: b.background }));
  return { events, text: element.innerText, links, images: element.querySelectorAll('img').length, buttons, height: cardBox.height, blocks };
};
`;

export class CardRenderer {
  private constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
    private readonly userDataDir: string,
    private readonly pageErrors: string[],
  ) {}

  static async launch(): Promise<CardRenderer> {
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardian-chromium-'));
    // A fresh profile per run (launchPersistentContext is how playwright takes --user-data-dir).
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      viewport: { width: 600, height: 800 },
      deviceScaleFactor: 1,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    // No request may leave the page: the renderer is inlined and cards carry no images.
    await page.route('**/*', (route) => route.abort());
    return new CardRenderer(context, page, userDataDir, pageErrors);
  }

  /** Renders one card; with `pngPath`, writes a screenshot of the card. */
  async render(card: object, theme: HostTheme, options: { width?: number; pngPath?: string } = {}): Promise<RenderResult> {
    const config = hostConfig(theme);
    const styles = config.containerStyles as { default?: { backgroundColor?: string } } | undefined;
    const background = styles?.default?.backgroundColor ?? (theme === 'dark' ? '#2D2C2C' : '#FFFFFF');
    await this.page.setContent(
      `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;padding:8px;background:${background};font-family:'Segoe UI',sans-serif}#host{box-sizing:border-box}</style><style>${RENDERER_CSS}</style></head>` +
        `<body><div id="host"></div><script>${RENDERER}</script><script>${PAGE_SCRIPT}</script></body></html>`,
    );
    this.pageErrors.length = 0;
    const result = await this.page.evaluate(
      ([c, h, w]) => (globalThis as unknown as { renderCard: (c: object, h: object, w: number) => Omit<RenderResult, 'pageErrors'> }).renderCard(c, h, w),
      [card, config, options.width ?? 450] as const,
    );
    if (options.pngPath !== undefined) {
      fs.mkdirSync(path.dirname(options.pngPath), { recursive: true });
      await this.page.locator('#host').screenshot({ path: options.pngPath });
    }
    return { ...result, pageErrors: [...this.pageErrors] };
  }

  async close(): Promise<void> {
    await this.context.close();
    fs.rmSync(this.userDataDir, { recursive: true, force: true });
  }
}
