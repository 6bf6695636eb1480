/**
 * stdout to a reader that stops early (`guardian baseline | head`): the output ends quietly, the command's exit
 * code stands, and no unhandled EPIPE crashes the process (review 2, item 12).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { baselineCommand } from '../../src/cli/baseline';
import type { CliIO } from '../../src/cli/command';
import { runCli } from '../../src/cli/main';
import { writeOut, writeReport } from '../../src/cli/report-io';

/** A stdout whose reader has gone: every write fails with EPIPE, as a closed pipe does. */
function brokenPipe(): { stream: Writable; writes: () => number } {
  let writes = 0;
  const stream = new Writable({
    write(_chunk, _encoding, callback) {
      writes += 1;
      callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    },
  });
  return { stream, writes: () => writes };
}

const ioWith = (stdout: NodeJS.WritableStream): CliIO => ({ stdout, stderr: new PassThrough(), stdin: Readable.from([]), env: {} });

describe('writeOut', () => {
  it('resolves on a broken pipe, and writes nothing more once the stream is gone', async () => {
    const pipe = brokenPipe();
    const io = ioWith(pipe.stream);
    await expect(writeOut(io, 'first')).resolves.toBeUndefined();
    await new Promise((resolve) => setImmediate(resolve));
    await expect(writeOut(io, 'second')).resolves.toBeUndefined();
    expect(pipe.writes()).toBe(1);
  });

  it('still fails on other write errors', async () => {
    const stream = new Writable({ write: (_c, _e, callback) => callback(Object.assign(new Error('disk on fire'), { code: 'EIO' })) });
    // The stream's own 'error' event is the stream's business; the caller hears about it through the promise.
    stream.on('error', () => undefined);
    await expect(writeOut(ioWith(stream), 'x')).rejects.toThrow('disk on fire');
  });

  it('guardian baseline into a closed pipe exits 0', async () => {
    expect(await runCli(['baseline'], ioWith(brokenPipe().stream), [baselineCommand])).toBe(0);
  });
});

test('the real CLI: `guardian baseline | head -c 10` ends cleanly, with nothing on stderr about EPIPE', async () => {
  const bin = path.join(__dirname, '..', '..', 'bin', 'guardian.js');
  const child = spawn(process.execPath, [bin, 'baseline'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // Read the first chunk, then close our end, as `head` does.
  const first = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString())));
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  expect(first).toContain('# Azure Machine Learning security baseline');
  expect(stderr).not.toMatch(/EPIPE|Unhandled/);
  expect(code).toBe(0);
});

describe('writeReport to a file', () => {
  const io = (): CliIO => ({ stdout: new PassThrough(), stderr: new PassThrough(), stdin: Readable.from([]), env: {} });

  it('refuses a folder or a missing folder by name, and leaves no temp file behind', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'guardian-out-'));
    try {
      await expect(writeReport(io(), '{}', dir)).rejects.toThrow(`cannot write the report to ${dir}: it is a folder; give a file name.`);
      await expect(writeReport(io(), '{}', path.join(dir, 'missing', 'r.json'))).rejects.toThrow('its folder does not exist.');
      expect(await fs.readdir(path.dirname(dir)).then((names) => names.filter((n) => n.startsWith(`.${path.basename(dir)}.`)))).toEqual([]);
      await writeReport(io(), '{"ok":true}', path.join(dir, 'r.json'));
      expect(await fs.readdir(dir)).toEqual(['r.json']);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
