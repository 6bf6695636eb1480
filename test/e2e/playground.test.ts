/**
 * The bot in Microsoft 365 Agents Playground, driven like a person would in headless Chromium: the welcome card
 * appears on install, "help" typed in the compose box gets the help card, and a welcome-card button works.
 * Every request the page makes outside loopback is blocked (the Playground loads fonts from a CDN: it renders
 * without them), so the test proves it runs offline.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/index';
import { silentLogger } from '../../src/logging';
import { testConfig } from '../support/bot-client';
import { startPlayground, type RunningPlayground } from '../support/playground';
import { testConversation } from '../support/conversation';

const CHROMIUM = '/usr/bin/chromium';
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

describe('Agents Playground in headless Chromium', () => {
  let server: RunningServer;
  let playground: RunningPlayground;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const blocked: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (scripts/ensure-chromium.js).`);
    server = await startServer({ config: testConfig(), logger: silentLogger(), host: '127.0.0.1', port: 0, conversation: testConversation([]) });
    playground = await startPlayground(`${server.url}/api/messages`);
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'guardian-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
    await context.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      if (hostname === 'localhost' || hostname === '127.0.0.1') return route.continue();
      blocked.push(hostname);
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterAll(async () => {
    await context?.close();
    await playground?.stop();
    await server?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  const countText = async (text: string): Promise<number> => (await page.locator('body').innerText()).split(text).length - 1;

  test('welcome card on open, "help" answered, and a welcome-card button clicked', async () => {
    await page.goto(playground.url);
    // The Playground installs the bot in a personal chat: conversationUpdate + installationUpdate, one welcome.
    await page.getByText('Hi, I am Baseline Guardian').waitFor({ timeout: 30_000 });
    expect(await countText('Hi, I am Baseline Guardian')).toBe(1);

    const compose = page.locator('[data-lexical-editor="true"][role="textbox"]');
    await compose.click();
    await page.keyboard.type('help');
    await page.keyboard.press('Enter');
    await page.getByText('What I can do').first().waitFor({ timeout: 30_000 });
    expect(await countText('What I can do')).toBe(1);
    expect(await countText('I did not catch that')).toBe(0);

    // "Help" is on the welcome card only (the help card offers scan, workshop and lab).
    const helpButton = page.getByRole('button', { name: 'Help', exact: true });
    expect(await helpButton.count()).toBe(1);
    await helpButton.click();
    await page.getByText('What I can do').nth(1).waitFor({ timeout: 30_000 });
    expect(await countText('What I can do')).toBe(2);

    // Nothing but the CDN fonts/animations was attempted outside loopback.
    for (const host of blocked) expect(host).toMatch(/(^|\.)cdn\.office\.net$/);
  });
});
