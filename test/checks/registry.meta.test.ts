/**
 * Invariants over the WHOLE registry (every category), so a new or changed check that breaks the contract
 * fails here: ids, slugs = file names, metadata, and behaviour on the hardened and unreadable snapshots.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allChecks } from '../../src/checks/registry';
import { AREAS, CATEGORIES, SEVERITIES } from '../../src/checks/types';
import { allReadsFailedSnapshot, hardenedSnapshot } from '../support/snapshot-builder';

const CHECKS_DIR = join(__dirname, '..', '..', 'src', 'checks');
const questionIds = new Set(
  (JSON.parse(readFileSync(join(__dirname, '..', '..', 'src', 'knowledge', 'workshop-questions.json'), 'utf8')) as { questions: { id: string }[] }).questions.map((q) => q.id),
);
const byId = allChecks.map((c) => [c.id, c] as const);

describe('check registry meta', () => {
  it('registers at least 59 checks', () => {
    expect(allChecks.length).toBeGreaterThanOrEqual(59);
  });

  it('has unique ids of the form AML-XXX-000', () => {
    const ids = allChecks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^AML-[A-Z]+-\d{3}$/);
  });

  it('registers every check file of every category folder, and nothing else', () => {
    const files = CATEGORIES.flatMap((category) =>
      readdirSync(join(CHECKS_DIR, category))
        .filter((f) => /^aml-[a-z]+-\d{3}-.+\.ts$/.test(f))
        .map((f) => `${category}/${f.replace(/\.ts$/, '')}`),
    );
    expect(allChecks.map((c) => `${c.category}/${c.slug}`).sort()).toEqual(files.sort());
  });

  it.each(byId)('%s: slug is its file name and starts with its id', (id, c) => {
    expect(c.slug.startsWith(`${id.toLowerCase()}-`)).toBe(true);
    expect(readdirSync(join(CHECKS_DIR, c.category))).toContain(`${c.slug}.ts`);
  });

  it.each(byId)('%s: metadata is complete and valid', (_id, c) => {
    expect(c.title.trim()).not.toBe('');
    expect(CATEGORIES).toContain(c.category);
    expect(SEVERITIES).toContain(c.severity);
    expect(c.resourceType).toMatch(/^Microsoft\.[A-Za-z]+\//);
    expect(c.mcsb.length).toBeGreaterThanOrEqual(1);
    for (const control of c.mcsb) expect(control).toMatch(/^(NS|IM|PA|DP|AM|LT|IR|PV|ES|BR|DS|GS)-\d{1,2}$/);
    if (c.policyDefinitionId !== undefined) expect(c.policyDefinitionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(c.workshopQuestions.length).toBeGreaterThanOrEqual(1);
    for (const q of c.workshopQuestions) expect(questionIds).toContain(q);
    for (const a of c.areas) expect(AREAS).toContain(a);
    expect(c.risk.length).toBeGreaterThan(40);
    expect(c.remediation.portal.length).toBeGreaterThanOrEqual(1);
    expect(new URL(c.remediation.url).hostname).toBe('learn.microsoft.com');
    if (c.remediation.cli !== undefined) expect(c.remediation.cli).toMatch(/^az /);
    expect(c.since).toMatch(/^\d{4}\.\d+\.\d+$/);
  });

  it.each(byId)('%s: never fails on the hardened snapshot', (_id, c) => {
    const results = c.evaluate(hardenedSnapshot());
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((r) => r.status === 'fail').map((r) => r.message)).toEqual([]);
  });

  it.each(byId)('%s: never passes when every read failed', (_id, c) => {
    const results = c.evaluate(allReadsFailedSnapshot());
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(['error', 'not_applicable', 'manual']).toContain(r.status);
    expect(results.some((r) => r.status === 'error')).toBe(true);
  });

  it.each(byId)('%s: every result names a resource and has a message', (_id, c) => {
    for (const r of c.evaluate(hardenedSnapshot())) {
      expect(r.resourceId).toMatch(/^\//);
      expect(r.message.trim()).not.toBe('');
    }
  });
});
