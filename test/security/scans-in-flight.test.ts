import { ScanError, type ScanService } from '../../src/scan/scan-service';
import type { SnapshotSource } from '../../src/scan/snapshot-source';
import { busySentence, limitScansInFlight } from '../../src/security/scans-in-flight';

/** A scan service whose scans and snapshots run until the test opens the gate (then they end with `finished`). */
function gatedService(): { service: ScanService & SnapshotSource; open: () => void; started: () => number } {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let started = 0;
  const held = (): Promise<never> => {
    started += 1;
    return gate.then(() => Promise.reject(new Error('finished')));
  };
  return {
    service: { scan: held, snapshot: held, defenderStatus: held, resolve: () => Promise.reject(new Error('not used')), listWorkspaces: () => Promise.resolve([]) },
    open: () => open(),
    started: () => started,
  };
}

const selection = { kind: 'all' } as const;

test('scans beyond the cap are refused at once with a clear sentence, and admitted again when one ends', async () => {
  const { service, open, started } = gatedService();
  const capped = limitScansInFlight(service, 2);
  const running = [capped.scan({ target: 'a', selection }), capped.snapshot('b')];
  const refused = [capped.scan({ target: 'c', selection }), capped.defenderStatus!('00000000-0000-0000-0000-000000000001')];
  for (const attempt of refused) {
    await expect(attempt).rejects.toThrow(ScanError);
    await expect(attempt).rejects.toThrow(busySentence(2));
  }
  expect(started()).toBe(2);
  open();
  for (const r of running) await expect(r).rejects.toThrow('finished');
  await expect(capped.scan({ target: 'd', selection })).rejects.toThrow('finished');
  expect(started()).toBe(3);
});

test('the cap must allow at least one scan', () => {
  expect(() => limitScansInFlight(gatedService().service, 0)).toThrow(RangeError);
});
