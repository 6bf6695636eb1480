import { newProgress, parseProgress, withOutcome, withValidation } from '../../src/lab/progress';

const NOW = '2026-03-01T10:00:00.000Z';

/** What a store gives back: the JSON text of what was written, parsed again. */
function stored(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

describe('stored lab progress', () => {
  it('reads back what the lab wrote: outcomes, validations, parameters, an awaited reply and workspace candidates', () => {
    let progress = withOutcome(newProgress(NOW), 1, 'done', NOW);
    progress = withValidation(progress, 2, { status: 'failed', items: [{ ok: false, text: 'No cluster', fix: 'az ml compute create …' }, { ok: true, text: 'Workspace found' }] }, NOW);
    progress = {
      ...progress,
      current: 2,
      params: { subscriptionId: '1b6d3c4e-7f80-4a91-b2c3-d4e5f6a70001', namespace: 'mlops', postfix: '0001' },
      awaiting: 'workspace',
      candidates: [{ id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w', name: 'w', resourceGroup: 'rg', subscriptionId: 's', location: 'eastus' }],
    };
    expect(parseProgress(stored(progress), 10)).toEqual(progress);
  });

  it('starts afresh on a record of another version, or with an exercise outside the lab', () => {
    expect(parseProgress(stored({ ...newProgress(NOW), version: 2 }), 10)).toBeUndefined();
    expect(parseProgress(stored({ ...newProgress(NOW), current: 11 }), 10)).toBeUndefined();
    expect(parseProgress('progress', 10)).toBeUndefined();
  });

  it('keeps only the fields it knows, each of the right type', () => {
    const damaged = {
      ...newProgress(NOW),
      extra: 'x',
      awaiting: 'password',
      params: { subscriptionId: 's', namespace: 7, postfix: '0001', token: 'secret' },
      candidates: [{ id: 'only an id' }],
      exercises: { '1': { outcome: 'hacked', validation: { status: 'passed', at: NOW, items: [{ ok: 'yes', text: 1 }, { ok: true, text: 'fine', fix: 3 }] } }, '99': { outcome: 'done' } },
    };
    expect(parseProgress(stored(damaged), 10)).toEqual({
      ...newProgress(NOW),
      params: { subscriptionId: 's', postfix: '0001' },
      candidates: [],
      exercises: { '1': { validation: { status: 'passed', at: NOW, items: [{ ok: true, text: 'fine' }] } } },
    });
  });
});
