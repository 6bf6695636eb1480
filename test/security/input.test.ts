import { PARAMETER_INPUTS, WORKSPACE_INPUT } from '../../src/dialogs/lab/cards';
import { checkActionPayload, KNOWN_VERBS, MAX_TEXT_BYTES, quoteUserText, sanitizeMessageText, stripUnsafeCharacters } from '../../src/security/input';
import { sampleCards } from '../support/sample-cards';
import { declaredVerbs } from '../../src/routing/actions';

describe('sanitizeMessageText', () => {
  test('strips control, zero-width and bidi characters, keeps line breaks', () => {
    const r = sanitizeMessageText('scan\u200B ws\u202E-prod\u0007\r\nplease\u2066\uFEFF');
    expect(r).toEqual({ ok: true, text: 'scan ws-prod\nplease', changed: true });
    expect(sanitizeMessageText('  hello   world ')).toEqual({ ok: true, text: 'hello world', changed: false });
  });
  test('refuses oversize text with a sentence, counting UTF-8 bytes', () => {
    expect(sanitizeMessageText('a'.repeat(MAX_TEXT_BYTES)).ok).toBe(true);
    const r = sanitizeMessageText('é'.repeat(MAX_TEXT_BYTES / 2 + 1));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/too long/);
  });
  test('quoteUserText neutralises Markdown/HTML and caps length', () => {
    const q = quoteUserText('[x](https://evil) <b>*bold*</b> `code` ' + 'y'.repeat(200));
    expect(q).not.toMatch(/(?<!\\)[[\]()<>*`]/);
    expect(q.length).toBeLessThan(120);
    expect(stripUnsafeCharacters('a\u200Db')).toBe('ab');
  });
});

describe('card action payloads', () => {
  test('KNOWN_VERBS matches every verb the card code defines', () => {
    const defined = new Set([...declaredVerbs().values()].flat());
    const known = new Set(Object.values(KNOWN_VERBS).flat());
    expect([...defined].filter((v) => !known.has(v))).toEqual([]);
    expect([...known].filter((v) => !defined.has(v))).toEqual([]);
  });

  test('every action on every sample card passes its schema', () => {
    const problems: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (typeof node !== 'object' || node === null) return;
      const el = node as Record<string, unknown>;
      if (el.type === 'Action.Execute' && typeof el.verb === 'string') {
        const r = checkActionPayload(el.verb, el.data ?? {});
        if (!r.ok) problems.push(`${el.verb}: ${r.reason}`);
      }
      if (el.type === 'Action.Submit' && typeof el.data === 'object' && el.data !== null) {
        const { verb, ...data } = el.data as Record<string, unknown>;
        if (typeof verb === 'string') {
          const r = checkActionPayload(verb, data);
          if (!r.ok) problems.push(`${verb} (submit): ${r.reason}`);
        }
      }
      Object.values(el).forEach(walk);
    };
    for (const { card } of sampleCards()) walk(card);
    expect(problems).toEqual([]);
  });

  test('inputs the lab and workshop cards merge into the data are accepted', () => {
    const params: Record<string, unknown> = { [WORKSPACE_INPUT]: 'mlw-x' };
    for (const key of PARAMETER_INPUTS) params[key] = 'value';
    expect(checkActionPayload('lab.params', params)).toEqual({ ok: true });
    expect(checkActionPayload('workshop.start', { categories: 'network-security,rbac' })).toEqual({ ok: true });
    expect(checkActionPayload('workshop.start', { all: true })).toEqual({ ok: true });
    expect(checkActionPayload('lab.validate', { exercise: 3 })).toEqual({ ok: true });
  });

  test.each([
    ['unknown verb', 'scan.delete', {}],
    ['no family', 'scan', {}],
    ['wrong type', 'scan.page', { page: '1' }],
    ['out of range', 'scan.page', { page: -1 }],
    ['too long', 'scan.rescan', { workspaceId: 'x'.repeat(2000) }],
    ['extra field', 'qna.question', { questionId: 'NS-01', injected: 'x' }],
    ['welcome with data', 'welcome.scan', { target: '/subscriptions/x' }],
    ['array data', 'scan.page', []],
    ['null data', 'scan.page', null],
    ['prototype key', 'scan.page', JSON.parse('{"__proto__": {"polluted": true}}') as unknown],
    ['constructor key', 'watch.remove', { constructor: 'x' }],
  ])('rejects %s', (_name, verb, data) => {
    const r = checkActionPayload(verb, data);
    expect(r.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a family the product does not have is left to the dispatcher, which answers that no feature owns it', () => {
    expect(checkActionPayload('admin.grant', {})).toEqual({ ok: true });
  });

  test('the refusal reason never echoes user-supplied keys or values', () => {
    const r = checkActionPayload('qna.question', { '<script>alert(1)</script>': 'x' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).not.toContain('script');
  });
});
