import { featureNameOf, MAX_ACTION_DATA_BYTES, parseExecuteAction, parseSubmitAction } from '../../src/bot/card-action';

describe('parseExecuteAction', () => {
  test('accepts a dotted verb and a plain-object payload, copied and frozen', () => {
    const data = { workspaceId: 'ws-1' };
    const parsed = parseExecuteAction({ action: { type: 'Action.Execute', verb: 'scan.recheck', data } });
    expect(parsed).toEqual({ ok: true, action: { verb: 'scan.recheck', data: { workspaceId: 'ws-1' }, via: 'execute' } });
    if (parsed.ok) {
      expect(parsed.action.data).not.toBe(data);
      expect(Object.isFrozen(parsed.action.data)).toBe(true);
    }
  });

  test('missing data is an empty payload', () => {
    expect(parseExecuteAction({ action: { verb: 'lab.next' } })).toMatchObject({ ok: true, action: { data: {} } });
  });

  test.each([
    ['no action', {}],
    ['no verb', { action: {} }],
    ['verb without a dot', { action: { verb: 'scan' } }],
    ['upper-case feature', { action: { verb: 'Scan.recheck' } }],
    ['path-like verb', { action: { verb: 'scan/../x' } }],
    ['very long verb', { action: { verb: `scan.${'a'.repeat(200)}` } }],
    ['array data', { action: { verb: 'scan.recheck', data: [1] } }],
    ['string data', { action: { verb: 'scan.recheck', data: 'x' } }],
    ['oversized data', { action: { verb: 'scan.recheck', data: { x: 'y'.repeat(MAX_ACTION_DATA_BYTES) } } }],
    ['not an object', 'scan.recheck'],
  ])('rejects %s', (_name, value) => {
    expect(parseExecuteAction(value).ok).toBe(false);
  });
});

describe('parseSubmitAction', () => {
  test('the verb and the msteams envelope are not part of the data; inputs are', () => {
    expect(parseSubmitAction({ verb: 'probe.confirm', msteams: { type: 'messageBack' }, schedule: 'daily' })).toEqual({
      ok: true,
      action: { verb: 'probe.confirm', data: { schedule: 'daily' }, via: 'submit' },
    });
  });

  test('a payload with a __proto__ key is refused and pollutes nothing', () => {
    const parsed = parseSubmitAction(JSON.parse('{"verb":"scan.recheck","__proto__":{"polluted":true}}'));
    expect(parsed.ok).toBe(false);
    expect(parseExecuteAction(JSON.parse('{"action":{"verb":"scan.recheck","data":{"__proto__":{"polluted":true}}}}')).ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('rejects a value without a verb', () => {
    expect(parseSubmitAction({ id: 1 }).ok).toBe(false);
  });
});

test('featureNameOf takes the first segment', () => {
  expect(featureNameOf('scan.recheck')).toBe('scan');
  expect(featureNameOf('lab.step.next')).toBe('lab');
});

describe('payload schemas of the product\'s verb families', () => {
  test('a product verb with a field its cards never send is refused before any feature sees it', () => {
    const parsed = parseExecuteAction({ action: { type: 'Action.Execute', verb: 'scan.recheck', data: { workspaceId: 'ws-1', injected: 'x' } } });
    expect(parsed).toEqual({ ok: false, reason: 'the button data has a field I do not use' });
  });
  test('an unknown verb of a product family is refused', () => {
    expect(parseSubmitAction({ verb: 'watch.confirm', schedule: 'daily' }).ok).toBe(false);
  });
});
