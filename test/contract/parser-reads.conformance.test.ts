/**
 * Every property path the product's parsers read from a raw ARM response is defined by the response schema of
 * the operation at the api-version the product calls — or is listed, with its evidence, in the one table of
 * reads beyond the spec (src/azure/beyond-spec.ts). The reads are recorded from the JSON reader while the
 * product collects the sample workspaces and a sample fleet, so the list of reads cannot fall behind the code.
 */
import { readFileSync } from 'node:fs';
import { BEYOND_SPEC_READS, type BeyondSpecRead } from '../../src/azure/beyond-spec';
import { recordReads } from '../../src/azure/parse/json-reader';
import type { SampleExchange } from '../../src/sample';
import { ArmContract, type ArmOperation } from './arm-contract';
import { notVendored } from './not-vendored';
import { recordSampleTraffic } from './sample-traffic';

interface Read {
  readonly operation: ArmOperation;
  readonly path: string;
}

const contract = ArmContract.load();
const reads = new Map<string, Read>();
const unplaced = new Set<string>();
const key = (operationId: string, apiVersion: string, path: string): string => `${operationId}@${apiVersion} ${path}`;

beforeAll(async () => {
  const recorded: { what: string; path: readonly string[] }[] = [];
  recordReads((what, path) => recorded.push({ what, path }));
  let exchanges: SampleExchange[];
  try {
    exchanges = await recordSampleTraffic();
  } finally {
    recordReads(undefined);
  }
  // A parsed body is named `METHOD /path`; the api-version it was asked at is the one its request sent.
  const versions = new Map(exchanges.map((e) => [`${e.method} ${e.path.toLowerCase()}`, e.apiVersion ?? ''] as const));
  for (const { what, path } of recorded) {
    const [method = '', rawPath = ''] = what.split(' ');
    const requestPath = decodeURIComponent(rawPath);
    const apiVersion = versions.get(`${method} ${requestPath.toLowerCase()}`) ?? '';
    const operation = contract.find(method, requestPath, apiVersion);
    if (operation === undefined) {
      if (notVendored(method, requestPath, apiVersion) === undefined) unplaced.add(`${what}?api-version=${apiVersion}`);
      continue;
    }
    const joined = path.join('/');
    reads.set(key(operation.operationId, operation.apiVersion, joined), { operation, path: joined });
  }
});

const listed = (read: Read): BeyondSpecRead | undefined =>
  BEYOND_SPEC_READS.find((b) => key(b.operationId, b.apiVersion, b.path) === key(read.operation.operationId, read.operation.apiVersion, read.path));

describe('what the parsers read against the vendored specs', () => {
  it('records reads of every raw operation, each placed in a vendored spec', () => {
    const operations = new Set([...reads.values()].map((r) => r.operation.operationId));
    for (const id of ['Workspaces_Get', 'Compute_List', 'OnlineEndpoints_List', 'Registries_Get', 'Pricings_List', 'Assessments_List', 'PolicyStates_ListQueryResultsForResourceGroup']) {
      expect(operations).toContain(id);
    }
    expect([...unplaced]).toEqual([]);
  });

  it('reads only properties the spec defines, or ones listed in the beyond-spec table', () => {
    const beyond = [...reads.values()].filter((r) => !contract.defines(r.operation, r.path.split('/')) && listed(r) === undefined);
    expect(beyond.map((r) => key(r.operation.operationId, r.operation.apiVersion, r.path)).sort()).toEqual([]);
  });

  it('lists in the beyond-spec table only reads the product makes and the spec lacks', () => {
    const stale = BEYOND_SPEC_READS.filter((b) => {
      const read = reads.get(key(b.operationId, b.apiVersion, b.path));
      return read === undefined || contract.defines(read.operation, read.path.split('/'));
    });
    expect(stale.map((b) => key(b.operationId, b.apiVersion, b.path))).toEqual([]);
  });

  it('names every beyond-spec read, with its operation and api-version, in the README and docs/azure-contract.md', () => {
    for (const file of ['README.md', 'docs/azure-contract.md']) {
      const text = readFileSync(file, 'utf8');
      for (const b of BEYOND_SPEC_READS) {
        const property = b.path.split('/').at(-1) ?? b.path;
        expect({ file, read: b.path, named: [`\`${property}\``, `\`${b.operationId}\``, b.apiVersion].filter((word) => !text.includes(word)) }).toEqual({ file, read: b.path, named: [] });
      }
    }
  });

  it('says for every beyond-spec read where it is documented and what happens without it', () => {
    for (const b of BEYOND_SPEC_READS) {
      expect(b.evidence.length).toBeGreaterThan(20);
      expect(b.whenAbsent.length).toBeGreaterThan(20);
    }
  });
});
