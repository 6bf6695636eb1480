/**
 * Card actions are declared once per feature (src/routing/actions): every verb a card can carry is declared under
 * the feature its prefix names, has a payload schema, and reaches a handler; a handler map that leaves a verb out
 * does not compile.
 */
import { join } from 'node:path';
import { UNKNOWN_BUTTON, type ActionHandlers } from '../../src/dialogs/action-handlers';
import { declaredVerbs } from '../../src/routing/actions';
import { declareActions } from '../../src/routing/actions/declare';
import { RESET_ACTIONS } from '../../src/routing/actions/reset';
import { checkActionPayload } from '../../src/security/input';
import { productBotForSuite } from '../support/e2e-bot';
import { typeErrorsOf } from '../support/type-errors';
import { invokeMessage } from '../support/e2e-cards';
import { sampleCards } from '../support/sample-cards';

/** Every verb on a card: Action.Execute's `verb` and its Action.Submit fallback's `data.verb`, at any depth. */
function verbsOn(card: unknown): string[] {
  const verbs: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const el = node as Record<string, unknown>;
    if (el['type'] === 'Action.Execute' && typeof el['verb'] === 'string') verbs.push(el['verb']);
    const data = el['data'];
    if (el['type'] === 'Action.Submit' && typeof data === 'object' && data !== null && typeof (data as Record<string, unknown>)['verb'] === 'string') {
      verbs.push((data as Record<string, string>)['verb']!);
    }
    Object.values(el).forEach(walk);
  };
  walk(card);
  return verbs;
}

const declared = new Set([...declaredVerbs().values()].flat());

describe('card action declarations', () => {
  it('declare every verb any card carries', () => {
    const undeclared = sampleCards().flatMap(({ name, card }) => verbsOn(card).filter((v) => !declared.has(v)).map((v) => `${name}: ${v}`));
    expect(undeclared).toEqual([]);
    // The sample cards do carry buttons of every feature, so the check above is not vacuous.
    const carried = new Set(sampleCards().flatMap(({ card }) => verbsOn(card)).map((v) => v.split('.')[0]));
    expect([...carried].sort()).toEqual(expect.arrayContaining(['baseline', 'exceptions', 'lab', 'qna', 'scan', 'watch', 'welcome', 'workshop']));
  });

  it('file each verb under the feature its prefix names, which is where the bot sends it', () => {
    for (const [feature, verbs] of declaredVerbs()) for (const verb of verbs) expect(verb.startsWith(`${feature}.`)).toBe(true);
    expect(() => declareActions('scan', { stray: 'lab.stray' as `scan.${string}` })).toThrow(/not one of scan's/);
  });

  it('let every declared verb through the payload check (its family has a schema), and refuse one its family does not declare', () => {
    for (const [, verbs] of declaredVerbs()) for (const verb of verbs) expect(checkActionPayload(verb, {})).toEqual({ ok: true });
    expect(checkActionPayload('scan.undeclared', {}).ok).toBe(false);
    expect(checkActionPayload('lab.undeclared', {}).ok).toBe(false);
  });

  it('do not compile a handler map that leaves a verb without a handler', () => {
    // @ts-expect-error — reset.cancel has no handler: the map is not an ActionHandlers of the reset actions.
    const missing: ActionHandlers<typeof RESET_ACTIONS> = { [RESET_ACTIONS.confirm]: () => Promise.resolve({ kind: 'handled' }) };
    expect(Object.keys(missing)).not.toContain(RESET_ACTIONS.cancel);

    const file = join(__dirname, 'unhandled-verb.fixture.ts');
    const source = [
      `import type { ActionHandlers } from '../../src/dialogs/action-handlers';`,
      `import { LAB_ACTIONS } from '../../src/routing/actions/lab';`,
      `const { reset: _reset, ...rest } = LAB_ACTIONS;`,
      `export const h: ActionHandlers<typeof LAB_ACTIONS> = Object.fromEntries(Object.values(rest).map((v) => [v, () => Promise.resolve({ kind: 'handled' as const })])) as ActionHandlers<typeof rest>;`,
      '',
    ].join('\n');
    const diagnostics = typeErrorsOf(file, source);
    expect(diagnostics.join('\n')).toMatch(/Property '"lab\.reset"' is missing/);
  });
});

describe('every declared verb reaches a handler in the running bot', () => {
  const productBot = productBotForSuite();

  /** What the bot answers to an Action.Execute of `verb` with no data (a card, or a message on the clicked card). */
  async function click(verb: string): Promise<string> {
    const res = await productBot().client('personal').execute(verb, {});
    expect(res.status).toBe(200);
    return invokeMessage(res.body) ?? '';
  }
  /** The bot's answers to a verb that no feature handles, or that its feature does not know. */
  const UNHANDLED = /could not use that button|card may be from an older version|not known \(an old card\?\)|no longer supported/;

  it('a verb nothing declares gets the unhandled answer (the check below can fail)', async () => {
    expect(await click('scan.bogus')).toMatch(UNHANDLED);
    expect(UNKNOWN_BUTTON).toMatch(UNHANDLED);
  });

  it.each([...declared].sort())('%s', async (verb) => {
    expect(await click(verb)).not.toMatch(UNHANDLED);
  });
});
