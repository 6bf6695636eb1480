import { parseLabCommand } from '../../src/dialogs/lab-commands';

describe('parseLabCommand', () => {
  it.each([
    [undefined, { kind: 'start' }],
    ['', { kind: 'start' }],
    ['start', { kind: 'start' }],
    ['Continue', { kind: 'continue' }],
    ['where am I?', { kind: 'continue' }],
    ['lab status', { kind: 'status' }],
    ['progress', { kind: 'status' }],
    ['validate', { kind: 'validate' }],
    ['validate 3', { kind: 'validate', exercise: 3 }],
    ['check exercise 6', { kind: 'validate', exercise: 6 }],
    ['done', { kind: 'done' }],
    ['skip', { kind: 'skip' }],
    ['back', { kind: 'back' }],
    ['next', { kind: 'next' }],
    ['help', { kind: 'help' }],
    ['exercise 5', { kind: 'goto', exercise: 5 }],
    ['go to 12', { kind: 'goto', exercise: 12 }],
    ['7', { kind: 'goto', exercise: 7 }],
    ['params', { kind: 'params', text: '' }],
    ['params namespace=MLOps postfix=0001', { kind: 'params', text: 'namespace=MLOps postfix=0001' }],
    ['namespace=mlops postfix=0001', { kind: 'params', text: 'namespace=mlops postfix=0001' }],
    ['find mlw-MLOps-0001prod', { kind: 'find', target: 'mlw-MLOps-0001prod' }],
    ['find my workspace', { kind: 'find', target: '' }],
    ['reset', { kind: 'reset' }],
    ['dance', { kind: 'unknown', text: 'dance' }],
  ])('%s', (args, expected) => {
    expect(parseLabCommand(args)).toEqual(expected);
  });
});
