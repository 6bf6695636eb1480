/**
 * One sample environment per test file, at a fixed clock, with faults and the request log cleared before each
 * test so that one test's injected fault or request count never leaks into the next.
 */
import { startSampleEnvironment, type SampleEnvironment } from '../../src/scan';

export const SAMPLE_CLOCK = new Date('2026-01-15T10:00:00Z');

/** Registers the jest hooks; call the returned function inside a test to get the running environment. */
export function useSampleEnvironment(): () => SampleEnvironment {
  let env: SampleEnvironment | undefined;
  beforeAll(async () => {
    env = await startSampleEnvironment({ now: () => SAMPLE_CLOCK });
  });
  afterAll(async () => {
    await env?.close();
  });
  beforeEach(() => {
    env?.arm.clearFaults();
    env?.arm.resetLog();
  });
  return () => {
    if (env === undefined) throw new Error('the sample environment is not started');
    return env;
  };
}
