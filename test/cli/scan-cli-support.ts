/** In-memory CLI streams and a scan command wired to a fake scan service. */
import { PassThrough, Writable } from 'node:stream';
import type { ScanReport } from '../../src/checks/types';
import type { CliIO } from '../../src/cli/command';
import { createScanCommand, type OpenedScanService } from '../../src/cli/scan';
import type { CheckInfo } from '../../src/report/catalog';
import type { ScanRequest, ScanService } from '../../src/scan/scan-service';

export class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export function fakeIO(env: Record<string, string | undefined> = {}): CliIO & { stdout: Capture; stderr: Capture } {
  return { stdout: new Capture(), stderr: new Capture(), stdin: new PassThrough(), env: { GUARDIAN_STORE: 'memory', ...env } };
}

export function scanCommandWith(result: ScanReport | Error, checks: readonly CheckInfo[]) {
  const requests: ScanRequest[] = [];
  const opened: { sample: boolean[]; closed: number } = { sample: [], closed: 0 };
  const service: ScanService = {
    scan: (r) => {
      requests.push(r);
      return result instanceof Error ? Promise.reject(result) : Promise.resolve(result);
    },
    resolve: () => Promise.reject(new Error('not used')),
    listWorkspaces: () => Promise.resolve([]),
  };
  const command = createScanCommand({
    checks,
    openScanService: (_config, options): Promise<OpenedScanService> => {
      opened.sample.push(options.sample);
      return Promise.resolve({ scanService: service, close: () => ((opened.closed += 1), Promise.resolve()) });
    },
  });
  return { command, requests, opened };
}
