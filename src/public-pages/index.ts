/**
 * The pages behind the Teams manifest's developer links (privacyUrl, termsOfUseUrl, websiteUrl), served by the bot
 * itself so that every deployment has them at its own address. links.json names the Teams Toolkit variable each
 * link comes from: provisioning (scripts/developer-links.js) fills an empty one with the URL of the page here, and
 * an organization that publishes its own pages sets the variable in env/.env.<env> instead.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import links from './links.json';

export interface PublicPage {
  /** The URL path, e.g. `/privacy`. */
  readonly path: string;
  /** The Teams Toolkit variable the manifest reads this link from, e.g. `PRIVACY_URL`. */
  readonly variable: string;
  readonly text: string;
}

/** Each page is `<path>.txt` beside this file (copied to dist/ by the build). */
export function loadPublicPages(): PublicPage[] {
  return Object.entries(links).map(([variable, urlPath]) => ({
    path: urlPath,
    variable,
    text: fs.readFileSync(path.join(__dirname, `${urlPath.slice(1)}.txt`), 'utf8'),
  }));
}
