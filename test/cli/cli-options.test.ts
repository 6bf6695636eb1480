import { parseCliOptions } from '../../src/cli/cli-options';
import { runCli } from '../../src/cli/main';
import { smallReport } from '../support/report-fixtures';
import { fakeIO, scanCommandWith } from './scan-cli-support';

const OPTIONS = { format: { type: 'string', choices: ['table', 'json'] }, sample: { type: 'boolean' }, output: { type: 'string', value: 'a file' } } as const;

describe('CLI options in the CLI\'s own words', () => {
  it.each([
    [['--format'], '--format needs a value: table or json.'],
    [['--format', '--sample'], '--format needs a value: table or json.'],
    [['--format', 'xml'], '--format must be table or json (got "xml").'],
    [['-f', 'json'], 'Unknown option -f for demo. The options are --format, --sample and --output.'],
    [['--sample=yes'], '--sample takes no value (got "yes").'],
    [['--output'], '--output needs a value (a file).'],
  ])('%j → %s', (args, message) => {
    expect(() => parseCliOptions('demo', args, OPTIONS, true)).toThrow(message);
  });

  it('parses values, positionals and inline values', () => {
    expect(parseCliOptions('demo', ['x', '--format=json', '--sample'], OPTIONS, true)).toEqual({ values: { format: 'json', sample: true }, positionals: ['x'] });
    expect(() => parseCliOptions('demo', ['x'], OPTIONS, false)).toThrow('Unexpected argument "x": demo takes only options.');
  });

  it.each([
    [['/subscriptions/not-a-guid/x'], '"not-a-guid" is not a subscription id'],
    [['--sample', '--format'], '--format needs a value: table, json, sarif or markdown.'],
    [['no/such'], 'Give a workspace name, or its full resource id'],
  ])('guardian scan %j: a usage error before anything is scanned', async (args, message) => {
    const wired = scanCommandWith(smallReport().report, smallReport().checks);
    const io = fakeIO();
    expect(await runCli(['scan', ...args], io, [wired.command])).toBe(2);
    expect(io.stderr.text).toContain(message);
    expect(io.stderr.text).not.toContain('Scanning');
    expect(io.stderr.text).not.toMatch(/Option '|-f, --format/);
    expect(wired.opened.sample).toEqual([]);
  });
});
