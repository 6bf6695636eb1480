import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_FILE_NAME, SqliteGuardianStore } from '../../src/storage/sqlite-store';
import { describeStoreContract } from './store-contract';

const tmpDirs: string[] = [];
function tmpDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardian-sqlite-'));
  tmpDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describeStoreContract('sqlite', {
  atomicBatches: true,
  newBackend: () => {
    const dir = tmpDir();
    return { open: () => new SqliteGuardianStore({ dir }), dispose: () => Promise.resolve() };
  },
});

describe('sqlite store file', () => {
  it('creates the state folder on first start and uses WAL mode', async () => {
    const dir = path.join(tmpDir(), 'nested', '.guardian');
    const store = new SqliteGuardianStore({ dir });
    await store.put('k', { v: 1 });
    await store.close();
    expect(fs.existsSync(path.join(dir, SQLITE_FILE_NAME))).toBe(true);
    const db = new Database(path.join(dir, SQLITE_FILE_NAME), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT key FROM items').all()).toEqual([{ key: 'k' }]);
    db.close();
  });
});

describe('sqlite store permissions', () => {
  const modeOf = (p: string): number => fs.statSync(p).mode & 0o777;

  it('keeps the state folder 0700 and the database and its WAL files 0600', async () => {
    const dir = path.join(tmpDir(), '.guardian');
    const store = new SqliteGuardianStore({ dir });
    await store.put('k', { v: 1 });
    expect(modeOf(dir)).toBe(0o700);
    for (const file of fs.readdirSync(dir)) expect({ file, mode: modeOf(path.join(dir, file)) }).toEqual({ file, mode: 0o600 });
    expect(fs.readdirSync(dir)).toEqual(expect.arrayContaining([SQLITE_FILE_NAME, `${SQLITE_FILE_NAME}-wal`]));
    await store.close();
  });

  it('narrows a state folder and database that an older version left readable by others', async () => {
    const dir = path.join(tmpDir(), '.guardian');
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.writeFileSync(path.join(dir, SQLITE_FILE_NAME), '', { mode: 0o644 });
    fs.chmodSync(dir, 0o755);
    const store = new SqliteGuardianStore({ dir });
    await store.put('k', { v: 1 });
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(path.join(dir, SQLITE_FILE_NAME))).toBe(0o600);
    await store.close();
  });
});

describe('two processes on one file', () => {
  it('lose no compare-and-swap update and never fail on a busy database', async () => {
    const dir = tmpDir();
    const tsx = path.join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
    const worker = path.join(__dirname, 'fixtures', 'sqlite-worker.ts');
    const run = (holder: string): Promise<{ leases: number }> =>
      new Promise((resolve, reject) => {
        execFile(tsx, [worker, dir, holder, '150'], (error, stdout, stderr) => {
          if (error) reject(new Error(`${holder} failed: ${stderr}`));
          else resolve(JSON.parse(stdout) as { leases: number });
        });
      });
    const [a, b] = await Promise.all([run('a'), run('b')]);
    const store = new SqliteGuardianStore({ dir });
    expect((await store.get<number>('counter'))?.value).toBe(300);
    expect((await store.list('held/')).length).toBe(a.leases + b.leases);
    await store.close();
  });
});
