import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { sharedTokens } from '../../src/azure/credentials';

const HOUR = 3600e3;

/** A credential that answers when told to (with a token valid for `lifetimeMs` from `clock`), and counts what it was asked. */
function slowCredential(clock: { now: number }) {
  const calls: { scopes: string | string[]; options: GetTokenOptions | undefined }[] = [];
  let release: (token: AccessToken) => void = () => undefined;
  const credential: TokenCredential = {
    getToken: (scopes, options) => {
      calls.push({ scopes, options });
      return new Promise<AccessToken>((resolve) => (release = resolve));
    },
  };
  return { credential, calls, release: (token: string, lifetimeMs = HOUR) => release({ token, expiresOnTimestamp: clock.now + lifetimeMs }) };
}

describe('sharedTokens', () => {
  it('shares one token request among callers asking for the same scopes at once', async () => {
    const clock = { now: 0 };
    const slow = slowCredential(clock);
    const shared = sharedTokens(slow.credential, () => clock.now);
    const asked = [shared.getToken('https://arm/.default'), shared.getToken(['https://arm/.default']), shared.getToken('https://arm/.default', { abortSignal: new AbortController().signal })];
    slow.release('t1');
    expect((await Promise.all(asked)).map((t) => t?.token)).toEqual(['t1', 't1', 't1']);
    expect(slow.calls).toHaveLength(1);
    // No caller's abort signal is handed to the shared request.
    expect(slow.calls[0]?.options?.abortSignal).toBeUndefined();
  });

  it('hands the token out again while it has more than five minutes to live, then asks for a new one', async () => {
    const clock = { now: 0 };
    const slow = slowCredential(clock);
    const shared = sharedTokens(slow.credential, () => clock.now);
    const first = shared.getToken('s');
    slow.release('t1', 10 * 60e3);
    await first;
    clock.now = 4 * 60e3;
    expect((await shared.getToken('s'))?.token).toBe('t1');
    clock.now = 6 * 60e3;
    const renewed = shared.getToken('s');
    slow.release('t2');
    expect((await renewed)?.token).toBe('t2');
    expect(slow.calls).toHaveLength(2);
  });

  it('asks alone for claims or another tenant', () => {
    const slow = slowCredential({ now: 0 });
    const shared = sharedTokens(slow.credential);
    void shared.getToken('s', { claims: 'c' });
    void shared.getToken('s', { tenantId: 'x' });
    void shared.getToken('s');
    expect(slow.calls).toHaveLength(3);
  });
});
