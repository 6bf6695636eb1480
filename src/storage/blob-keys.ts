/**
 * Store keys as blob names. Keys hold characters that blob names and URLs handle badly (`:` `@` `;` `%` and
 * trailing dots in Teams conversation ids, `//` when the bot id is empty), so everything outside
 * `[A-Za-z0-9_-]` and a single `/` becomes `~XX` (UTF-8 bytes in hex). Each character's encoding depends only
 * on the characters before it, so the encoding of a prefix is a prefix of the encoding: prefix listing works.
 */
const SAFE = /[A-Za-z0-9_-]/;

export function encodeKey(key: string): string {
  let out = '';
  let previous = '';
  for (const ch of key) {
    // A slash stays a slash (readable "folders") unless it would make an empty path segment.
    if (SAFE.test(ch) || (ch === '/' && previous !== '' && previous !== '/')) out += ch;
    else for (const byte of Buffer.from(ch, 'utf8')) out += `~${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    previous = ch;
  }
  return out;
}

export function decodeKey(name: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < name.length; i++) {
    if (name[i] === '~') {
      bytes.push(Number.parseInt(name.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(name.charCodeAt(i));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
