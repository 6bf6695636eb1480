import { acceptRiskFormCard } from '../../src/cards/accept-risk-card';
import { renderCard } from '../../src/cli/chat-render';
import { answerInput, inputQuestion, mergeInputs, parseAssignments, readInput, type ChatInput } from '../../src/cli/chat-inputs';

const input = (element: Record<string, unknown>): ChatInput => {
  const read = readInput(element);
  if (read === undefined) throw new Error('not an input');
  return read;
};

describe('chat inputs', () => {
  it('names every field of the accept-risk form in brackets, so each can be filled with name=value', () => {
    const form = acceptRiskFormCard({
      checkId: 'AML-NET-001',
      title: 'Workspace public network access is disabled',
      resourceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w',
      workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w',
      workspaceName: 'w',
      defaultOwner: 'Ada',
      minExpiry: '2026-01-02',
      maxExpiry: '2026-04-01',
      defaultExpiry: '2026-02-01',
      maxDays: 90,
    });
    const fields = renderCard(form).lines.filter((line) => line.includes('▸ '));
    expect(fields.map((line) => /\[(\w+)\]/.exec(line)?.[1])).toEqual(['reason', 'owner', 'expires', 'scope']);
  });

  const categories = input({
    type: 'Input.ChoiceSet',
    id: 'categories',
    label: 'Categories',
    isMultiSelect: true,
    choices: [
      { title: 'Network Security', value: 'network-security' },
      { title: 'Privileged Access', value: 'privileged-access' },
    ],
  });

  it('reads choices by number, value or title; a multi-select joins values with commas as Teams sends them', () => {
    expect(answerInput(categories, '2, network security')).toEqual({ ok: true, value: 'privileged-access,network-security' });
    expect(answerInput(categories, '3')).toEqual({ ok: false, problem: '"3" is not one of the choices: type a number from 1 to 2, or a title or a word of it.' });
    const single = input({ type: 'Input.ChoiceSet', id: 'target', choices: [{ title: 'A', value: 'a' }, { title: 'B', value: 'b' }], value: 'b', isRequired: true });
    expect(answerInput(single, '1,2')).toEqual({ ok: false, problem: 'Choose one.' });
    expect(answerInput(single, '')).toEqual({ ok: true, value: 'b' });
    expect(inputQuestion(single)).toEqual(['target: type the number (or title) of your choice (empty keeps "B")', '  1. A', '  2. B']);
  });

  describe('choices by what people type (review 2, item 6)', () => {
    const all = input({
      type: 'Input.ChoiceSet',
      id: 'categories',
      isMultiSelect: true,
      choices: [
        { title: 'Network Security', value: 'network-security' },
        { title: 'Identity Management', value: 'identity-management' },
        { title: 'Privileged Access', value: 'privileged-access' },
        { title: 'Data Protection', value: 'data-protection' },
        { title: 'Logging and Threat Detection', value: 'logging-threat-detection' },
        { title: 'Posture and Vulnerability Management', value: 'posture-vulnerability' },
      ],
    });

    it('takes a unique word, a title prefix or a word prefix, case-insensitive', () => {
      expect(answerInput(all, 'network')).toEqual({ ok: true, value: 'network-security' });
      expect(answerInput(all, 'NETWORK SEC')).toEqual({ ok: true, value: 'network-security' });
      expect(answerInput(all, 'threat')).toEqual({ ok: true, value: 'logging-threat-detection' });
      expect(answerInput(all, 'priv')).toEqual({ ok: true, value: 'privileged-access' });
      expect(answerInput(all, 'logging and threat detection')).toEqual({ ok: true, value: 'logging-threat-detection' });
    });

    it('takes comma lists mixing numbers, words and values, each once', () => {
      expect(answerInput(all, '1, identity, data-protection, network')).toEqual({ ok: true, value: 'network-security,identity-management,data-protection' });
    });

    it('refuses a word that fits several choices, naming them, and one that fits none (no guessing)', () => {
      expect(answerInput(all, 'management')).toEqual({ ok: false, problem: '"management" fits Identity Management, Posture and Vulnerability Management: type more of the title, or its number.' });
      expect(answerInput(all, 'skip')).toEqual({ ok: false, problem: '"skip" is not one of the choices: type a number from 1 to 6, or a title or a word of it.' });
      // Two letters start a title, but are too few to stand for the start of a word inside one.
      expect(answerInput(all, 'ac').ok).toBe(false);
      expect(answerInput(all, 'da')).toEqual({ ok: true, value: 'data-protection' });
      expect(answerInput(all, 'and').ok).toBe(false);
    });

    it('reads a single choice whole, so a title with a comma is still one choice', () => {
      const workspace = input({
        type: 'Input.ChoiceSet',
        id: 'target',
        choices: [
          { title: 'mlw-prod (rg-prod, subscription 1b6d3c4e…)', value: '/subscriptions/x/ws/mlw-prod' },
          { title: 'mlw-guardian-hardened (rg-guardian-hardened, subscription 1b6d3c4e…)', value: '/subscriptions/x/ws/hardened' },
          { title: 'Scan the sample workspace', value: 'sample' },
        ],
      });
      expect(answerInput(workspace, 'mlw-prod (rg-prod, subscription 1b6d3c4e…)')).toEqual({ ok: true, value: '/subscriptions/x/ws/mlw-prod' });
      expect(answerInput(workspace, 'hardened')).toEqual({ ok: true, value: '/subscriptions/x/ws/hardened' });
      expect(answerInput(workspace, 'sample')).toEqual({ ok: true, value: 'sample' });
      expect(answerInput(workspace, '1, 2')).toEqual({ ok: false, problem: 'Choose one.' });
    });
  });

  it('keeps the shown value on empty, asks again for a required empty field, and checks length, pattern and range', () => {
    const location = input({ type: 'Input.Text', id: 'location', label: 'location', value: 'eastus', maxLength: 8 });
    expect(answerInput(location, '  ')).toEqual({ ok: true, value: 'eastus' });
    expect(answerInput(location, 'westeurope')).toEqual({ ok: false, problem: 'At most 8 characters.' });
    expect(answerInput(input({ type: 'Input.Text', id: 'x', isRequired: true }), '')).toEqual({ ok: false, problem: 'x is required.' });
    expect(answerInput(input({ type: 'Input.Text', id: 'p', regex: '^\\d{4}$' }), 'abc').ok).toBe(false);
    expect(answerInput(input({ type: 'Input.Number', id: 'n', min: 1, max: 5 }), '9')).toEqual({ ok: false, problem: '9 is out of range.' });
    const toggle = input({ type: 'Input.Toggle', id: 'all', title: 'All', valueOn: 'yes-all', valueOff: 'no-all' });
    expect(answerInput(toggle, 'y')).toEqual({ ok: true, value: 'yes-all' });
    expect(answerInput(toggle, '')).toEqual({ ok: true, value: 'no-all' });
  });

  it('merges values into a copy of the data, leaving empty inputs out (as the Adaptive Cards renderer does)', () => {
    const data = { verb: 'lab.find', nested: { a: 1 } };
    const merged = mergeInputs(data, new Map([['workspace', 'mlw-1'], ['namespace', '']]));
    expect(merged).toEqual({ verb: 'lab.find', nested: { a: 1 }, workspace: 'mlw-1' });
    expect(data).toEqual({ verb: 'lab.find', nested: { a: 1 } });
    expect(mergeInputs(undefined, new Map([['a', 'b']]))).toEqual({ a: 'b' });
  });

  it('parses "key=value" lines (quotes for spaces) and nothing else', () => {
    expect(parseAssignments('namespace=mlops postfix=0001 note="two words"')).toEqual([
      ['namespace', 'mlops'],
      ['postfix', '0001'],
      ['note', 'two words'],
    ]);
    expect(parseAssignments('scans please')).toBeUndefined();
    expect(parseAssignments('a=1 and more')).toBeUndefined();
  });
});
