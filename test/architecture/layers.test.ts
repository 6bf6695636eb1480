/**
 * The layers of docs/architecture.md are enforced by ESLint (eslint.config.mjs): an import that points up, or the
 * bot SDK outside src/bot, is a lint error. Each case lints one import, as the project's config sees it.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

interface ImportCase {
  readonly file: string;
  readonly from: string;
}

const ROOT = join(__dirname, '..', '..');

function lint(cases: readonly ImportCase[]): string[][] {
  const out = execFileSync(process.execPath, [join(ROOT, 'test', 'support', 'lint-imports.mjs'), JSON.stringify(cases)], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out) as string[][];
}

const refused: readonly ImportCase[] = [
  { file: 'src/dialogs/probe.ts', from: 'botbuilder' },
  { file: 'src/dialogs/probe.ts', from: '../bot/file-consent' },
  { file: 'src/routing/probe.ts', from: '../dialogs/feature' },
  { file: 'src/cards/probe.ts', from: '../scan/scan-service' },
  { file: 'src/cards/probe.ts', from: '../routing/intent' },
  { file: 'src/checks/probe.ts', from: '../scan/scan-service' },
  { file: 'src/azure/probe.ts', from: '../scan/scan-service' },
  { file: 'src/notifications/probe.ts', from: '../dialogs/port' },
  { file: 'src/notifications/probe.ts', from: '../security/watch-guard' },
  { file: 'src/events/probe.ts', from: '../security/scan-guard' },
  { file: 'src/events/probe.ts', from: '../scan/combined-scan-service' },
  { file: 'src/notifications/probe.ts', from: '../azure/clients' },
  { file: 'src/scan/probe.ts', from: '../dialogs/feature' },
  { file: 'src/security/probe.ts', from: '../dialogs/port' },
  { file: 'src/storage/probe.ts', from: 'botbuilder' },
  { file: 'src/cli/probe.ts', from: 'botbuilder' },
  { file: 'src/wiring.ts', from: 'botbuilder' },
];

const allowed: readonly ImportCase[] = [
  { file: 'src/bot/probe.ts', from: 'botbuilder' },
  { file: 'src/cards/probe.ts', from: '../routing/actions/scan' },
  { file: 'src/dialogs/probe.ts', from: '../routing/actions/scan' },
  { file: 'src/dialogs/probe.ts', from: '../cards/card' },
  { file: 'src/notifications/probe.ts', from: '../cards/card' },
  { file: 'src/notifications/probe.ts', from: '../security/guarded-watches' },
  { file: 'src/events/probe.ts', from: '../scan/scan-service' },
  { file: 'src/scan/probe.ts', from: '../checks/selection' },
  { file: 'src/security/probe.ts', from: '../shared/conversation' },
  { file: 'src/dialogs/probe.ts', from: '../security/guarded-scans' },
  { file: 'src/wiring.ts', from: './bot/app' },
];

describe('layer boundaries', () => {
  const results = lint([...refused, ...allowed]);

  it.each(refused.map((c, i) => [c.file, c.from, i] as const))('%s may not import %s', (_file, _from, i) => {
    expect(results[i]).toHaveLength(1);
  });

  it.each(allowed.map((c, i) => [c.file, c.from, refused.length + i] as const))('%s may import %s', (_file, _from, i) => {
    expect(results[i]).toEqual([]);
  });
});
