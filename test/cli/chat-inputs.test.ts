import { answerInput, inputQuestion, mergeInputs, parseAssignments, readInput, type ChatInput } from '../../src/cli/chat-inputs';

const input = (element: Record<string, unknown>): ChatInput => {
  const read = readInput(element);
  if (read === undefined) throw new Error('not an input');
  return read;
};

describe('chat inputs', () => {
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
    expect(answerInput(categories, '3')).toEqual({ ok: false, problem: '"3" is not one of the choices (1 to 2).' });
    const single = input({ type: 'Input.ChoiceSet', id: 'target', choices: [{ title: 'A', value: 'a' }, { title: 'B', value: 'b' }], value: 'b', isRequired: true });
    expect(answerInput(single, '1,2')).toEqual({ ok: false, problem: 'Choose one.' });
    expect(answerInput(single, '')).toEqual({ ok: true, value: 'b' });
    expect(inputQuestion(single)).toEqual(['target: type the number of your choice (empty keeps "B")', '  1. A', '  2. B']);
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
