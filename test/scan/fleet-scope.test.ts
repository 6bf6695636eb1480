import { fleetScope } from '../../src/scan/fleet-scan';
import { ScanError } from '../../src/scan/scan-service';

const A = '1b6d3c4e-7f80-4a91-b2c3-d4e5f6a70001';
const B = '2c7e4d5f-8091-4b02-83d4-e5f6a7b80002';
const GROUP = `/subscriptions/${A}/resourceGroups/rg-ml`;

describe('fleetScope: where a fleet scan may look, decided before any read', () => {
  it('without allowed scopes, is the requested subscriptions, or everything the identity can see', () => {
    expect(fleetScope(undefined, undefined)).toBeUndefined();
    expect(fleetScope([A.toUpperCase()], undefined)).toEqual({ subscriptions: [A], filter: '', scopes: [`/subscriptions/${A}`] });
  });

  it('names only the allowed subscriptions, and filters by a resource-group scope in the query', () => {
    const scope = fleetScope(undefined, [GROUP]);
    expect(scope?.subscriptions).toEqual([A]);
    expect(scope?.filter).toBe(`| where tolower(id) == '${GROUP.toLowerCase()}' or id startswith '${GROUP}/'`);
  });

  it('a whole allowed subscription needs no filter, even next to a narrower scope in it', () => {
    expect(fleetScope(undefined, [GROUP, `/subscriptions/${A}`])).toMatchObject({ subscriptions: [A], filter: '' });
  });

  it('narrows the allowed scopes to the requested subscriptions', () => {
    expect(fleetScope([A], [GROUP, `/subscriptions/${B}`])).toMatchObject({ subscriptions: [A], scopes: [GROUP] });
  });

  it('refuses a requested subscription no allowed scope lies in', () => {
    expect(() => fleetScope([B], [GROUP])).toThrow(ScanError);
    expect(() => fleetScope([A, B], [GROUP])).toThrow(`The subscription ${B} is outside the scopes this identity may scan`);
  });

  it('an empty allowed list allows nothing: no subscription to ask', () => {
    expect(fleetScope(undefined, [])).toEqual({ subscriptions: [], filter: '', scopes: [] });
  });
});
