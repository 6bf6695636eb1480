/**
 * The Teams app package: the manifest validates offline against its official JSON schema once the Toolkit's
 * placeholders are filled in, the icons follow Teams' rules, and the package zips per environment.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import AdmZip from 'adm-zip';
import { PNG } from 'pngjs';
import { spawnSync } from 'node:child_process';
import { packageApp, PackageError, parseEnvFile, substitute } from '../../src/cli/package-app';
import { HELP_COMMANDS } from '../../src/dialogs/help';
import { loadPublicPages } from '../../src/public-pages';
import { validateInChildProcess as validate } from './schema-validator';

const root = path.join(__dirname, '..', '..');
const appPackageDir = path.join(root, 'appPackage');
const template = fs.readFileSync(path.join(appPackageDir, 'manifest.json'), 'utf8');
const vars = {
  TEAMS_APP_ID: '6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b',
  BOT_ID: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d',
  BOT_DOMAIN: 'guardian-dev.azurewebsites.net',
  APP_NAME_SUFFIX: '-dev',
  PRIVACY_URL: 'https://guardian-dev.azurewebsites.net/privacy',
  TERMS_OF_USE_URL: 'https://guardian-dev.azurewebsites.net/terms-of-use',
  WEBSITE_URL: 'https://guardian-dev.azurewebsites.net/support',
};

/** Microsoft's own privacy statement, terms of use and other pages: never this app's developer links. */
const MICROSOFT_PAGE = /https?:\/\/([a-z0-9-]+\.)*(microsoft\.com|aka\.ms)\b/i;
const DEVELOPER_LINKS = ['websiteUrl', 'privacyUrl', 'termsOfUseUrl'] as const;

/** scripts/developer-links.js as the Toolkit's `script` step runs it: the variables of the env, nothing else. */
function developerLinks(env: Record<string, string>): { set: Record<string, string>; status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'developer-links.js')], { env, encoding: 'utf8' });
  const set = Object.fromEntries(
    [...result.stdout.matchAll(/^::set-teamsfx-env ([A-Z_]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]),
  );
  return { set, status: result.status, stderr: result.stderr };
}

interface Manifest {
  $schema: string;
  manifestVersion: string;
  bots: { scopes: string[]; commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
  validDomains: string[];
  icons: { color: string; outline: string };
}

function filled(): Manifest {
  const { text, missing } = substitute(template, vars);
  expect(missing).toEqual([]);
  return JSON.parse(text) as Manifest;
}

test('the manifest uses a current schema (1.19 or later) from developer.microsoft.com, so validation is offline', () => {
  const manifest = filled();
  const [major, minor] = manifest.manifestVersion.split('.').map(Number);
  expect(major).toBe(1);
  expect(minor).toBeGreaterThanOrEqual(19);
  expect(manifest.$schema).toBe(`https://developer.microsoft.com/en-us/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
});

test('the filled-in manifest is valid against the official schema', async () => {
  expect(await validate(filled())).toEqual([]);
});

test('the validator does catch a broken manifest (the test can fail)', async () => {
  const broken = filled();
  broken.bots[0]!.scopes.push('everywhere');
  const problems = await validate(broken);
  expect(problems.join('\n')).toMatch(/scopes/);
});

test('the bot has personal, team and groupChat scopes, and command lists of at most 10 commands that the help card knows', () => {
  const manifest = filled();
  const bot = manifest.bots[0]!;
  expect(new Set(bot.scopes)).toEqual(new Set(['personal', 'team', 'groupChat']));
  const covered = new Set(bot.commandLists.flatMap((l) => l.scopes));
  expect(covered).toEqual(new Set(['personal', 'team', 'groupChat']));
  const helpText = HELP_COMMANDS.map((c) => c.example).join('\n');
  for (const list of bot.commandLists) {
    expect(list.commands.length).toBeLessThanOrEqual(10);
    for (const command of list.commands) if (command.title !== 'help') expect(helpText).toContain(command.title);
  }
  expect(manifest.validDomains).toContain(vars.BOT_DOMAIN);
});

test('every placeholder is named, and a missing value is reported', () => {
  const { missing } = substitute(template, { APP_NAME_SUFFIX: '' });
  expect(missing.sort()).toEqual(['BOT_DOMAIN', 'BOT_ID', 'PRIVACY_URL', 'TEAMS_APP_ID', 'TERMS_OF_USE_URL', 'WEBSITE_URL']);
});

describe('developer links', () => {
  test('come from the environment: the template names no Microsoft page for privacy, terms or website', () => {
    const developer = (JSON.parse(template) as { developer: Record<string, string> }).developer;
    expect(DEVELOPER_LINKS.map((key) => developer[key])).toEqual(['${{WEBSITE_URL}}', '${{PRIVACY_URL}}', '${{TERMS_OF_USE_URL}}']);
    expect(template).not.toMatch(/privacy\.microsoft\.com|microsoft\.com\/legal|privacystatement|terms-of-use"/i);
  });

  test('provision fills an empty link with the page the bot serves, keeps an organization\'s own, and needs BOT_DOMAIN', () => {
    const pages = loadPublicPages();
    const filled = developerLinks({ BOT_DOMAIN: 'guardian-dev.azurewebsites.net', PRIVACY_URL: 'https://contoso.example/privacy' });
    expect(filled.status).toBe(0);
    const expected = Object.fromEntries(pages.filter((p) => p.variable !== 'PRIVACY_URL').map((p) => [p.variable, `https://guardian-dev.azurewebsites.net${p.path}`]));
    expect(filled.set).toEqual(expected);
    const none = developerLinks({});
    expect(none.status).toBe(1);
    expect(none.set).toEqual({});
    expect(none.stderr).toMatch(/BOT_DOMAIN is not set/);
  });

  test.each(fs.readdirSync(path.join(root, 'env')).filter((f) => /^\.env\.[a-z]+$/.test(f)))(
    '%s, once provisioned, packages links to the bot\'s own pages and none of Microsoft\'s',
    async (file) => {
      const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardian-links-'));
      try {
        const committed = parseEnvFile(fs.readFileSync(path.join(root, 'env', file), 'utf8'));
        // What provision writes before the manifest is packaged: the ids and domain, then the links' defaults.
        const provisioned: Record<string, string> = { ...committed };
        for (const [key, value] of Object.entries(vars)) if ((provisioned[key] ?? '') === '' && !key.endsWith('_URL')) provisioned[key] = value;
        const links = developerLinks(Object.fromEntries(Object.entries(provisioned).filter(([, v]) => v !== '')));
        expect(links.status).toBe(0);
        const result = await packageApp({ env: file.slice('.env.'.length), vars: { ...provisioned, ...links.set }, appPackageDir, outDir, validate });
        const text = new AdmZip(result.zipPath).readAsText('manifest.json');
        const developer = (JSON.parse(text) as { developer: Record<string, string> }).developer;
        const urls = DEVELOPER_LINKS.map((key) => developer[key] ?? '');
        expect(urls.map((u) => new URL(u).pathname).sort()).toEqual(loadPublicPages().map((p) => p.path).sort());
        for (const url of urls) expect(url).not.toMatch(MICROSOFT_PAGE);
        expect(text).not.toContain('${{');
      } finally {
        fs.rmSync(outDir, { recursive: true, force: true });
      }
    },
  );
});

test('values are JSON-escaped when substituted', () => {
  expect(substitute('{"a":"${{X}}"}', { X: 'say "hi"' }).text).toBe('{"a":"say \\"hi\\""}');
});

test('env files parse like the Toolkit writes them', () => {
  expect(parseEnvFile('# comment\nA=1\nB="two words"\n\nC=\nbad line\n')).toEqual({ A: '1', B: 'two words', C: '' });
});

describe('icons', () => {
  const read = (name: string): PNG => PNG.sync.read(fs.readFileSync(path.join(appPackageDir, name)));

  test('color.png is 192x192 and opaque', () => {
    const png = read('color.png');
    expect([png.width, png.height]).toEqual([192, 192]);
    let translucent = 0;
    for (let i = 3; i < png.data.length; i += 4) if (png.data[i] !== 255) translucent += 1;
    expect(translucent).toBe(0);
  });

  test('outline.png is 32x32, transparent, and every visible pixel is white', () => {
    const png = read('outline.png');
    expect([png.width, png.height]).toEqual([32, 32]);
    let transparent = 0;
    let visible = 0;
    let coloured = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      if (png.data[i + 3] === 0) {
        transparent += 1;
        continue;
      }
      visible += 1;
      if (png.data[i] !== 255 || png.data[i + 1] !== 255 || png.data[i + 2] !== 255) coloured += 1;
    }
    expect(coloured).toBe(0);
    expect(transparent).toBeGreaterThan(32 * 32 * 0.4);
    expect(visible).toBeGreaterThan(0);
  });
});

describe('packageApp', () => {
  let outDir: string;
  beforeEach(() => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardian-package-'));
  });
  afterEach(() => fs.rmSync(outDir, { recursive: true, force: true }));

  test('zips the filled-in manifest and both icons as appPackage.<env>.zip', async () => {
    const result = await packageApp({ env: 'dev', vars, appPackageDir, outDir, validate });
    expect(path.basename(result.zipPath)).toBe('appPackage.dev.zip');
    const zip = new AdmZip(result.zipPath);
    expect(zip.getEntries().map((e) => e.entryName).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(zip.readAsText('manifest.json')) as { id: string; bots: { botId: string }[] };
    expect(manifest.id).toBe(vars.TEAMS_APP_ID);
    expect(manifest.bots[0]?.botId).toBe(vars.BOT_ID);
    expect(zip.readAsText('manifest.json')).not.toContain('${{');
  });

  test('refuses an environment that is not provisioned yet, naming the missing values', async () => {
    await expect(packageApp({ env: 'local', vars: { APP_NAME_SUFFIX: '-local' }, appPackageDir, outDir, validate })).rejects.toThrow(PackageError);
    expect(fs.readdirSync(outDir)).toEqual([]);
  });

  test('refuses a manifest the schema rejects (a bot id that is not a GUID)', async () => {
    await expect(packageApp({ env: 'dev', vars: { ...vars, TEAMS_APP_ID: 'not-a-guid' }, appPackageDir, outDir, validate })).rejects.toThrow(/id/);
  });

  test('refuses a manifest that names no icons with a problem, not a crash, and writes nothing', async () => {
    const noIcons = fs.mkdtempSync(path.join(os.tmpdir(), 'guardian-manifest-'));
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(appPackageDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      delete manifest['icons'];
      fs.writeFileSync(path.join(noIcons, 'manifest.json'), JSON.stringify(manifest));
      await expect(packageApp({ env: 'dev', vars, appPackageDir: noIcons, outDir, validate: () => Promise.resolve([]) })).rejects.toThrow(/icons\.color and icons\.outline/);
      expect(fs.readdirSync(outDir)).toEqual([]);
    } finally {
      fs.rmSync(noIcons, { recursive: true, force: true });
    }
  });

  test('the committed env files hold no secrets', () => {
    for (const file of fs.readdirSync(path.join(root, 'env'))) {
      expect(file.endsWith('.user')).toBe(false);
      const values = parseEnvFile(fs.readFileSync(path.join(root, 'env', file), 'utf8'));
      for (const key of Object.keys(values)) expect(key).not.toMatch(/SECRET|PASSWORD|KEY$/);
    }
  });
});
