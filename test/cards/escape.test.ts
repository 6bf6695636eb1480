import { codeRunText, markdownText, plainText, safeUrl } from '../../src/cards/escape';
import { HOSTILE_STRINGS } from '../support/report-fixtures';

/** Would a CommonMark-ish processor see a live construct? Unescaped [..](..), <tag>, emphasis, list, heading. */
function liveMarkup(text: string): string[] {
  const unescaped = (re: RegExp): boolean => re.test(text.replace(/\\./g, ''));
  const problems: string[] = [];
  if (unescaped(/\[[^\]]*\]\([^)]*\)/)) problems.push('link');
  if (unescaped(/</)) problems.push('html or mention');
  if (unescaped(/[*_~`]/)) problems.push('emphasis or code');
  if (/^\s*(#|[-+*]\s|\d+[.)]\s|>)/.test(text)) problems.push('block construct');
  if (/[\r\n]/.test(text)) problems.push('newline');
  if (text.includes('${')) problems.push('binding');
  return problems;
}

describe('markdownText', () => {
  it.each(HOSTILE_STRINGS)('neutralises %j', (input) => {
    const out = markdownText(input);
    expect(liveMarkup(out)).toEqual([]);
  });

  it('escapes a markdown link so that it shows as text', () => {
    expect(markdownText('[click](https://evil.example)')).toBe('\\[click\\](https://evil.example)');
  });

  it('escapes mentions and HTML', () => {
    expect(markdownText('<at>General</at>')).toBe('\\<at\\>General\\</at\\>');
    expect(markdownText('<img src=x onerror=alert(1)>')).not.toMatch(/(^|[^\\])</);
  });

  it('turns a would-be list or heading into plain text on one line', () => {
    expect(markdownText('1. first\n2. second')).toBe('1\\. first 2. second');
    expect(markdownText('- item')).toBe('\\- item');
    expect(markdownText('# Title')).toBe('\\# Title');
  });

  it('breaks template bindings and removes bidi and zero-width characters', () => {
    expect(markdownText('${x}')).not.toContain('${');
    expect(markdownText('a\u202Eb\u200Bc')).toBe('abc');
  });

  it('redacts secrets', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    expect(markdownText(`token ${jwt}`)).not.toContain('eyJ');
    expect(plainText(`Bearer abcdefghijklmnopqrstuvwxyz0123456789`)).toContain('[redacted]');
  });

  it('truncates long text with an ellipsis', () => {
    const out = markdownText('a'.repeat(1000), 50);
    expect(out.length).toBeLessThanOrEqual(50);
    expect(out.endsWith('…')).toBe(true);
  });

  it('leaves ordinary text readable', () => {
    expect(markdownText('Workspace ws-prod allows public network access.')).toBe('Workspace ws-prod allows public network access.');
  });
});

describe('plainText', () => {
  it('collapses whitespace, strips controls and breaks bindings but keeps punctuation', () => {
    expect(plainText('a\n\tb\u0007 ${c} [d](e)')).toBe('a b $\u2060{c} [d](e)');
  });
});

describe('safeUrl', () => {
  it('accepts https and refuses everything else', () => {
    expect(safeUrl('https://learn.microsoft.com/azure/')).toBe('https://learn.microsoft.com/azure/');
    for (const bad of ['javascript:alert(1)', 'http://learn.microsoft.com', 'data:text/html,x', 'https://user:pw@evil.example', 'not a url', '']) {
      expect(safeUrl(bad)).toBeUndefined();
    }
    expect(safeUrl(undefined)).toBeUndefined();
  });
});

describe('codeRunText (TextRun text, not markdown)', () => {
  it('keeps a command exactly as written: no backslash escapes, shell variables intact', () => {
    const cmd = 'az ml workspace update -n <ws> -g <rg> --managed-network allow_only_approved_outbound';
    expect(codeRunText(cmd)).toBe(cmd);
    expect(codeRunText('servicePrincipalName="Azure-ARM-${environment}-${projectName}"')).toBe('servicePrincipalName="Azure-ARM-${environment}-${projectName}"');
  });

  it('still scrubs secrets and drops invisible characters', () => {
    const out = codeRunText('az login --password eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2lnbmF0dXJl \u202Eevil');
    expect(out).not.toContain('eyJhbGciOiJIUzI1NiJ9');
    expect(out).not.toContain('\u202E');
  });
});
