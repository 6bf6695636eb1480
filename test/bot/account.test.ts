import type { TurnContext } from 'botbuilder';
import type { TurnState } from '@microsoft/teams-ai';
import { ALREADY_SIGNED_IN_TEXT, BOT_IDENTITY_TEXT, botAccount, botIdentityAccount, userAccount, type AccountApp } from '../../src/bot/account';
import { ARM_SETTING } from '../../src/bot/auth/settings';
import { SIGN_IN_TEXT } from '../../src/bot/auth/sign-in';
import { silentLogger } from '../../src/logging';

const context = {} as TurnContext;
const state = {} as TurnState;

/** A stand-in for the teams-ai app: records sign-outs, hands out the token it is given (or starts a sign-in). */
function fakeApp(token: string | undefined): AccountApp<TurnState> & { signedOut: string[] } {
  const signedOut: string[] = [];
  return {
    signedOut,
    getTokenOrStartSignIn: () => Promise.resolve(token),
    authentication: {
      signOutUser: (_c: TurnContext, _s: TurnState, setting?: string) => {
        signedOut.push(setting ?? '');
        return Promise.resolve();
      },
    },
  };
}

describe('the signin and signout commands', () => {
  it('explain in bot mode that no sign-in is needed, for both', async () => {
    expect(await botIdentityAccount.signIn()).toBe(BOT_IDENTITY_TEXT);
    expect(await botIdentityAccount.signOut()).toBe(BOT_IDENTITY_TEXT);
  });

  it('say, when the bot has no Azure scope, that it is not connected to Azure, as a scan does, not that it reads Azure itself', async () => {
    const sampleOnly = botAccount({ allowedScopes: [] });
    for (const answer of [await sampleOnly.signIn(), await sampleOnly.signOut()]) {
      expect(answer).toContain('this bot is not connected to Azure yet');
      expect(answer).not.toMatch(/managed identity|service principal/);
    }
    expect(await botAccount({ allowedScopes: ['/subscriptions/8c1f3e2a-4b5d-4e6f-9a0b-1c2d3e4f5a6b'] }).signIn()).toBe(BOT_IDENTITY_TEXT);
  });

  it('start the Azure sign-in in user mode, or say the user is already signed in', async () => {
    expect(await userAccount(fakeApp(undefined), context, state, silentLogger()).signIn()).toBe(SIGN_IN_TEXT.started);
    expect(await userAccount(fakeApp('a-token'), context, state, silentLogger()).signIn()).toBe(ALREADY_SIGNED_IN_TEXT);
  });

  it('sign out of the ARM OAuth connection in user mode', async () => {
    const app = fakeApp('a-token');
    expect(await userAccount(app, context, state, silentLogger()).signOut()).toBe(SIGN_IN_TEXT.signedOut);
    expect(app.signedOut).toEqual([ARM_SETTING]);
  });
});
