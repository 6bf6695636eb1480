/**
 * `npm run package`: builds the Teams app package per environment, as the Teams Toolkit's
 * teamsApp/zipAppPackage does: substitutes `${{VAR}}` in appPackage/manifest.json from env/.env.<env>, validates
 * the result against the manifest's JSON schema (offline: the schemas ship with @microsoft/app-manifest), and
 * zips manifest + icons to appPackage/build/appPackage.<env>.zip.
 *
 * Usage: node dist/cli/package-app.js [--env <name>]…   (default: every env/.env.<name> with all values set)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import AdmZip from 'adm-zip';
import type { AppManifest } from '@microsoft/app-manifest';
import { isRecord } from '../shared/is-record';
import { errorMessage } from '../shared/error-message';

export interface PackageResult {
  readonly env: string;
  readonly zipPath: string;
  readonly manifestPath: string;
}

export class PackageError extends Error {
  override readonly name = 'PackageError';
  constructor(
    readonly env: string,
    readonly problems: readonly string[],
  ) {
    super(`appPackage.${env}: ${problems.join('; ')}`);
  }
}

/** Parses a Toolkit env file: KEY=VALUE lines, # comments, optional single or double quotes. */
export function parseEnvFile(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) value = value.slice(1, -1);
    vars[key] = value;
  }
  return vars;
}

/** Replaces `${{NAME}}`; values are JSON-escaped because they land inside JSON strings. Lists what is missing. */
export function substitute(template: string, vars: Readonly<Record<string, string>>): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const text = template.replace(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_m, name: string) => {
    const value = vars[name];
    if (value === undefined || (value === '' && name !== 'APP_NAME_SUFFIX')) {
      missing.add(name);
      return '';
    }
    return JSON.stringify(value).slice(1, -1);
  });
  return { text, missing: [...missing] };
}

export interface PackageOptions {
  readonly env: string;
  readonly vars: Readonly<Record<string, string>>;
  /** Folder with manifest.json and the icons. */
  readonly appPackageDir: string;
  /** Where the zip and the resolved manifest go. */
  readonly outDir: string;
  /** Schema validation; defaults to @microsoft/app-manifest (tests run it in a child process, see there). */
  readonly validate?: (manifest: unknown) => Promise<string[]>;
}

/** Validates against the schema named by `$schema`; offline for developer.microsoft.com URLs (the schemas ship in the package). */
export async function validateManifestSchema(manifest: unknown): Promise<string[]> {
  // Loaded on use: the package is a dev tool, and it pulls in an ES module (strip-bom) that jest cannot require.
  const { AppManifestUtils } = await import('@microsoft/app-manifest');
  // The validator is typed as taking the manifest it is there to check: handing it the unchecked JSON is its purpose.
  return AppManifestUtils.validateAgainstSchema(manifest as AppManifest);
}

/** The icon files the manifest names (icons.color, icons.outline), whichever are given as strings. */
function iconsOf(manifest: unknown): string[] {
  const icons = isRecord(manifest) ? manifest.icons : undefined;
  return isRecord(icons) ? [icons.color, icons.outline].filter((icon): icon is string => typeof icon === 'string') : [];
}

export async function packageApp(options: PackageOptions): Promise<PackageResult> {
  const { env, appPackageDir, outDir } = options;
  const { text, missing } = substitute(fs.readFileSync(path.join(appPackageDir, 'manifest.json'), 'utf8'), options.vars);
  if (missing.length > 0) throw new PackageError(env, [`no value for ${missing.join(', ')} in env/.env.${env} (run the Toolkit's provision first)`]);
  const manifest: unknown = JSON.parse(text);
  const problems = await (options.validate ?? validateManifestSchema)(manifest);
  const icons = iconsOf(manifest);
  if (icons.length < 2) problems.push('icons.color and icons.outline must name the icon files');
  for (const icon of icons) if (!fs.existsSync(path.join(appPackageDir, icon))) problems.push(`icon ${icon} is missing`);
  if (problems.length > 0) throw new PackageError(env, problems);

  fs.mkdirSync(outDir, { recursive: true });
  const manifestPath = path.join(outDir, `manifest.${env}.json`);
  fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
  for (const icon of icons) zip.addLocalFile(path.join(appPackageDir, icon));
  const zipPath = path.join(outDir, `appPackage.${env}.zip`);
  zip.writeZip(zipPath);
  return { env, zipPath, manifestPath };
}

/** Environments with an env/.env.<name> file (the git-ignored `.user` files hold secrets, not manifest values). */
export function listEnvironments(envDir: string): string[] {
  if (!fs.existsSync(envDir)) return [];
  return fs
    .readdirSync(envDir)
    .filter((f) => /^\.env\.[A-Za-z0-9_-]+$/.test(f))
    .map((f) => f.slice('.env.'.length))
    .sort();
}

async function main(argv: readonly string[]): Promise<number> {
  const root = path.resolve(__dirname, '..', '..');
  const envDir = path.join(root, 'env');
  const requested = argv.flatMap((a, i) => (a === '--env' && argv[i + 1] !== undefined ? [argv[i + 1] as string] : []));
  const envs = requested.length > 0 ? requested : listEnvironments(envDir);
  let packaged = 0;
  let failed = 0;
  for (const env of envs) {
    const file = path.join(envDir, `.env.${env}`);
    if (!fs.existsSync(file)) {
      process.stderr.write(`skip ${env}: ${path.relative(root, file)} does not exist\n`);
      failed += 1;
      continue;
    }
    try {
      const result = await packageApp({
        env,
        vars: parseEnvFile(fs.readFileSync(file, 'utf8')),
        appPackageDir: path.join(root, 'appPackage'),
        outDir: path.join(root, 'appPackage', 'build'),
      });
      process.stdout.write(`packaged ${path.relative(root, result.zipPath)}\n`);
      packaged += 1;
    } catch (e) {
      if (!(e instanceof PackageError)) throw e;
      process.stderr.write(`${requested.length > 0 ? 'error' : 'skip'} ${env}: ${e.problems.join('\n  ')}\n`);
      failed += 1;
    }
  }
  // Asked for specific environments: every one must succeed. Otherwise: at least one.
  return packaged > 0 && (requested.length === 0 || failed === 0) ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`package: ${errorMessage(e)}\n`);
      process.exitCode = 1;
    },
  );
}
