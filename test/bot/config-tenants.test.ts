/**
 * The tenant gate (src/bot/app.ts): which tenants may talk to the bot, from configuration.
 */
import { tenantAllowList } from '../../src/bot/app';
import { loadConfig, type Config } from '../../src/config';

const BOT_ID = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
const HOME = '11111111-2222-4333-8444-555555555555';
const PARTNER = '66666666-7777-4888-8999-aaaaaaaaaaaa';

test('a registered bot allows its own tenant only, by default', () => {
  expect(tenantAllowList(loadConfig({ BOT_ID, BOT_PASSWORD: 'x', BOT_TENANT_ID: HOME.toUpperCase() }))).toEqual(new Set([HOME]));
});

test('GUARDIAN_ALLOWED_TENANTS replaces the default', () => {
  const config = loadConfig({ BOT_ID, BOT_PASSWORD: 'x', BOT_TENANT_ID: HOME, GUARDIAN_ALLOWED_TENANTS: PARTNER });
  expect(tenantAllowList(config)).toEqual(new Set([PARTNER]));
});

test('a registered bot never gets "any tenant", even from a hand-built config without a tenant', () => {
  const base = loadConfig({ BOT_ID, BOT_PASSWORD: 'x', BOT_TENANT_ID: HOME });
  const noTenant: Config = { ...base, bot: { ...base.bot, tenantId: '' } };
  const gate = tenantAllowList(noTenant);
  expect(gate).toBeDefined();
  expect(gate?.size).toBe(0);
});

test('local mode allows any tenant unless a list is configured', () => {
  expect(tenantAllowList(loadConfig({}))).toBeUndefined();
  expect(tenantAllowList(loadConfig({ GUARDIAN_ALLOWED_TENANTS: PARTNER }))).toEqual(new Set([PARTNER]));
});
