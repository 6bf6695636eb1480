import { RestError } from '@azure/core-rest-pipeline';
import { AggregateAuthenticationError, CredentialUnavailableError } from '@azure/identity';
import { createArmClients } from '../../src/azure/clients';
import { createCredential, createSampleCredential, describeCredentialError } from '../../src/azure/credentials';
import { toReadError } from '../../src/azure/errors';

const target = { label: 'the role assignments on the workspace', resourceId: '/subscriptions/x/ws', requiredAction: 'Microsoft.Authorization/roleAssignments/read' };
const abort = { deadlineExpired: false, timeoutMs: 60_000 };

describe('toReadError', () => {
  test.each([
    [401, 'InvalidAuthenticationToken', 'unauthenticated'],
    [403, 'AuthorizationFailed', 'forbidden'],
    [404, 'ResourceNotFound', 'not_found'],
    [429, 'TooManyRequests', 'throttled'],
    [500, 'InternalServerError', 'server'],
    [503, 'ServiceUnavailable', 'server'],
  ])('HTTP %i %s → %s', (status, code, kind) => {
    const e = toReadError(new RestError('x', { statusCode: status, code }), target, abort);
    expect(e).toMatchObject({ kind, status, code, requiredAction: target.requiredAction, resourceId: target.resourceId });
    expect(e.message).toContain('role assignments');
  });

  test('a socket error is a network error', () => {
    expect(toReadError(new RestError('connect ECONNREFUSED', { code: 'ECONNREFUSED' }), target, abort).kind).toBe('network');
  });

  test('an abort is a timeout: the deadline or a cancellation', () => {
    const abortError = Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
    expect(toReadError(abortError, target, { deadlineExpired: true, timeoutMs: 60_000 }).message).toMatch(/60 s deadline/);
    expect(toReadError(abortError, target, abort).message).toMatch(/cancelled/);
  });

  test('no credential is one friendly sentence', () => {
    const e = toReadError(new AggregateAuthenticationError([new CredentialUnavailableError('no az')], 'ChainedTokenCredential authentication failed.'), target, abort);
    expect(e.kind).toBe('unauthenticated');
    expect(e.message).toMatch(/^No Azure credentials found: run `az login`/);
  });
});

describe('credentials', () => {
  test('describeCredentialError only answers for credential errors', () => {
    expect(describeCredentialError(new CredentialUnavailableError('x'))).toMatch(/az login/);
    expect(describeCredentialError(new Error('other'))).toBeUndefined();
  });

  test('the sample credential gives a token without any I/O', async () => {
    const token = await createCredential({ managedIdentityClientId: '', authorityHost: 'https://login.microsoftonline.com' }, 'sample').getToken('scope');
    expect(token?.token).toBe('guardian-sample-token');
  });

  test('the sample credential never goes beyond loopback', () => {
    expect(() => createArmClients({ credential: createSampleCredential(), endpoint: 'https://management.azure.com' })).toThrow(/only for the local sample server/);
    expect(() => createArmClients({ credential: createSampleCredential(), endpoint: 'https://localhost:1234' })).not.toThrow();
  });
});
