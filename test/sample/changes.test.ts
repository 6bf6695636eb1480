/**
 * `sample change` / `sample reset` over the sample server: each change is one recorded write by the person who
 * asked; an unknown check changes nothing and says which checks it knows; reset restores and records the writes.
 */
import * as https from 'node:https';
import { createSampleChanger, SAMPLE_CHANGE_CHECKS } from '../../src/sample/changes';
import { startTestArm, type TestArm } from '../support/fake-arm';
import { HARDENED_IDS } from '../support/sample-mutations';

describe('sample changes', () => {
  let test: TestArm;
  beforeEach(async () => {
    test = await startTestArm();
  });
  afterEach(() => test.close());

  it('records one write by the caller and restores the original body on reset', () => {
    const changer = createSampleChanger(test.arm);
    const original = test.arm.getResource(HARDENED_IDS.storageAccount);
    const result = changer.change('aml-net-010', { name: 'Ada Lovelace' });
    expect(result).toMatchObject({ ok: true, checkId: 'AML-NET-010', resourceId: HARDENED_IDS.storageAccount });
    expect(test.arm.getResource(HARDENED_IDS.storageAccount)).not.toEqual(original);
    expect(test.arm.activityLog.size).toBe(1);
    expect(changer.reset({ name: 'Grace Hopper' })).toEqual([HARDENED_IDS.storageAccount]);
    expect(test.arm.getResource(HARDENED_IDS.storageAccount)).toEqual(original);
    expect(test.arm.activityLog.size).toBe(2);
    expect(changer.reset({ name: 'Grace Hopper' })).toEqual([]);
  });

  it('refuses a check it has no change for, naming the ones it has, and writes nothing', () => {
    const result = createSampleChanger(test.arm).change('AML-IDM-999', { name: 'Ada' });
    expect(result.ok).toBe(false);
    if (!result.ok) for (const id of SAMPLE_CHANGE_CHECKS) expect(result.message).toContain(id);
    expect(test.arm.activityLog.size).toBe(0);
  });

  it('accepts a PATCH over HTTP only for an existing resource and with a properties object', async () => {
    const url = (path: string): string => `${test.arm.endpoint}${path}?api-version=2026-06-01`;
    const send = (path: string, body: unknown): Promise<number> =>
      new Promise((resolve, reject) => {
        const req = https.request(url(path), { method: 'PATCH', ca: test.arm.ca, headers: { 'content-type': 'application/json' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end(JSON.stringify(body));
      });
    expect(await send(HARDENED_IDS.storageAccount, { properties: { minimumTlsVersion: 'TLS1_0' } })).toBe(200);
    expect(test.arm.activityLog.size).toBe(1);
    expect(await send(HARDENED_IDS.storageAccount, { tags: {} })).toBe(400);
    expect(await send(`${HARDENED_IDS.resourceGroup}/providers/Microsoft.Storage/storageAccounts/none`, { properties: {} })).toBe(405);
    expect(test.arm.activityLog.size).toBe(1);
  });
});
