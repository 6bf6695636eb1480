/** Across the five categories of this helper: a failed read never yields pass, and never silence. */
import { checks as dataProtection } from '../../../src/checks/data-protection';
import { checks as assetManagement } from '../../../src/checks/asset-management';
import { checks as logging } from '../../../src/checks/logging-threat-detection';
import { checks as posture } from '../../../src/checks/posture-vulnerability';
import { checks as backup } from '../../../src/checks/backup-recovery';
import { allReadsFailedSnapshot } from '../../support/snapshot-builder';

const all = [...dataProtection, ...assetManagement, ...logging, ...posture, ...backup];

describe('every check of these categories on a snapshot where every read failed', () => {
  it.each(all.map((c) => [c.id, c] as const))('%s reports error, with the missing permission', (_id, check) => {
    const results = check.evaluate(allReadsFailedSnapshot());
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.status).toBe('error');
      expect(r.message).toMatch(/needs Microsoft\./);
    }
  });
  it('slugs start with the lower-case id', () => {
    for (const c of all) expect(c.slug.startsWith(c.id.toLowerCase())).toBe(true);
  });
});
