#!/usr/bin/env node
// Teams Toolkit `script` step of provision (teamsapp.yml, teamsapp.local.yml): the manifest's developer links
// (PRIVACY_URL, TERMS_OF_USE_URL, WEBSITE_URL; src/public-pages/links.json) default to the pages this bot serves
// at https://<BOT_DOMAIN>/…. A link already set in env/.env.<env> (the organization's own page) is kept. Each
// default is printed as `::set-teamsfx-env NAME=value`, which the Toolkit writes to env/.env.<env>.
'use strict';
const links = require('../src/public-pages/links.json');

const domain = (process.env.BOT_DOMAIN || '').trim();
const missing = Object.keys(links).filter((name) => !(process.env[name] || '').trim());
if (missing.length > 0 && domain === '') {
  process.stderr.write(`BOT_DOMAIN is not set, so ${missing.join(', ')} cannot default to the bot's own pages: provision the bot first, or set them in env/.env.<env>.\n`);
  process.exitCode = 1;
} else {
  for (const name of missing) process.stdout.write(`::set-teamsfx-env ${name}=https://${domain}${links[name]}\n`);
}
