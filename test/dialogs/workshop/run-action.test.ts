import { workshopCommandOf } from '../../../src/dialogs/workshop/run-action';

describe('the words after "workshop"', () => {
  it('start the workshop when they name no action', () => {
    expect(workshopCommandOf(undefined)).toEqual({ action: 'start', categories: [] });
    expect(workshopCommandOf('   ')).toEqual({ action: 'start', categories: [] });
  });

  it('name the action by their first word', () => {
    for (const action of ['start', 'continue', 'skip', 'next', 'back', 'repeat', 'pause', 'stop', 'status'] as const) {
      expect(workshopCommandOf(` ${action} `)).toEqual({ action, categories: [] });
    }
  });

  it('are categories to start on when the first word is no action, kept in the workshop order', () => {
    expect(workshopCommandOf('data-protection network-security')).toEqual({ action: 'start', categories: ['network-security', 'data-protection'] });
    expect(workshopCommandOf('start backup-recovery identity-management')).toEqual({ action: 'start', categories: ['identity-management', 'backup-recovery'] });
  });

  it('drop words that are neither an action nor a category', () => {
    expect(workshopCommandOf('fly to network-security')).toEqual({ action: 'start', categories: ['network-security'] });
    expect(workshopCommandOf('stop now')).toEqual({ action: 'stop', categories: [] });
  });
});
