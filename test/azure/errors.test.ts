import { RestError } from '@azure/core-rest-pipeline';
import { AggregateAuthenticationError, AuthenticationError, ClientSecretCredential, CredentialUnavailableError } from '@azure/identity';
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

  test('tells an unreachable sign-in server from a rejected secret', async () => {
    // A client secret credential whose authority is a closed loopback port: MSAL cannot resolve its endpoints.
    const unreachable = new ClientSecretCredential('00000000-1111-2222-3333-444444444444', '11111111-2222-3333-4444-555555555555', 'not-a-secret', { authorityHost: 'https://127.0.0.1:9/' });
    const thrown: unknown = await unreachable.getToken('https://management.azure.com/.default').catch((e: unknown) => e);
    // EnvironmentCredential (first in DefaultAzureCredential) wraps the same failure as an HTTP 400.
    const wrapped = new AuthenticationError(400, { error: 'EnvironmentCredential authentication failed.', error_description: thrown instanceof Error ? thrown.message : '' });
    for (const error of [thrown, wrapped, new AggregateAuthenticationError([wrapped])]) {
      const sentence = describeCredentialError(error);
      expect(sentence).toMatch(/Could not reach the Microsoft Entra ID sign-in server .*endpoints_resolution_error/);
      expect(sentence).not.toMatch(/refused|secret/);
    }
    const rejected = new AuthenticationError(401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' });
    expect(describeCredentialError(rejected)).toMatch(/refused the credential \(HTTP 401\).*secret/);
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
