import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { singleFlight } from '../../src/azure/credentials';

/** A credential that answers when told to, and counts what it was asked. */
function slowCredential() {
  const calls: { scopes: string | string[]; options: GetTokenOptions | undefined }[] = [];
  let release: (token: AccessToken) => void = () => undefined;
  const credential: TokenCredential = {
    getToken: (scopes, options) => {
      calls.push({ scopes, options });
      return new Promise<AccessToken>((resolve) => (release = resolve));
    },
  };
  return { credential, calls, release: (token: string) => release({ token, expiresOnTimestamp: Date.now() + 3600e3 }) };
}

describe('singleFlight', () => {
  it('shares one token request among callers asking for the same scopes at once', async () => {
    const slow = slowCredential();
    const shared = singleFlight(slow.credential);
    const asked = [shared.getToken('https://arm/.default'), shared.getToken(['https://arm/.default']), shared.getToken('https://arm/.default', { abortSignal: new AbortController().signal })];
    slow.release('t1');
    expect((await Promise.all(asked)).map((t) => t?.token)).toEqual(['t1', 't1', 't1']);
    expect(slow.calls).toHaveLength(1);
    // No caller's abort signal is handed to the shared request.
    expect(slow.calls[0]?.options?.abortSignal).toBeUndefined();
  });

  it('asks again once the request is settled, and alone for claims or another tenant', async () => {
    const slow = slowCredential();
    const shared = singleFlight(slow.credential);
    const first = shared.getToken('s');
    slow.release('t1');
    await first;
    const second = shared.getToken('s');
    slow.release('t2');
    expect((await second)?.token).toBe('t2');
    void shared.getToken('s', { claims: 'c' });
    void shared.getToken('s', { tenantId: 'x' });
    expect(slow.calls).toHaveLength(4);
  });
});
