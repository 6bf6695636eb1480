/** One handler per button of the lab cards (src/routing/actions/lab.ts). */
import { LAB_ACTIONS } from '../../routing/actions/lab';
import type { ActionHandlers } from '../action-handlers';
import type { LabContext } from './context';
import { exerciseButton } from './exercise-buttons';
import { findWorkspaceFromForm } from './find';
import { setParametersFromForm, showParametersForm } from './params';
import { pickWorkspace } from './pick';
import type { Reply } from './reply';
import { confirmLabReset } from './reset';
import { startLab } from './start';
import { showLabStatus } from './status';
import { continueLab } from './continue';

export function labActions(ctx: LabContext): ActionHandlers<typeof LAB_ACTIONS, Reply> {
  return {
    [LAB_ACTIONS.start]: (port) => startLab(ctx, port),
    [LAB_ACTIONS.status]: (port) => showLabStatus(ctx, port),
    [LAB_ACTIONS.continue]: (port) => continueLab(ctx, port),
    [LAB_ACTIONS.showParams]: (port) => showParametersForm(ctx, port),
    [LAB_ACTIONS.validate]: exerciseButton(ctx, 'validate'),
    [LAB_ACTIONS.done]: exerciseButton(ctx, 'done'),
    [LAB_ACTIONS.skip]: exerciseButton(ctx, 'skip'),
    [LAB_ACTIONS.back]: exerciseButton(ctx, 'back'),
    [LAB_ACTIONS.next]: exerciseButton(ctx, 'next'),
    [LAB_ACTIONS.help]: exerciseButton(ctx, 'help'),
    [LAB_ACTIONS.params]: (port, act) => setParametersFromForm(ctx, port, act),
    [LAB_ACTIONS.find]: (port, act) => findWorkspaceFromForm(ctx, port, act),
    [LAB_ACTIONS.pick]: (port, act) => pickWorkspace(ctx, port, act),
    [LAB_ACTIONS.reset]: (port, act) => confirmLabReset(ctx, port, act),
  };
}
