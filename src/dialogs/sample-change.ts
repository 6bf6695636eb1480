/**
 * "sample change AML-NET-010" and "sample reset": a workshop breaks one control of the sample environment on
 * purpose and watches the alert arrive. The write is recorded in the sample's Activity Log with the person who
 * asked as the caller, so the alert names them. Only the sample is ever written: there is no such command for Azure.
 */
import { plainText } from '../cards/escape';
import type { Feature, TurnCommandHandlers } from './feature';

/** The sample environment's change port (src/sample/changes.ts implements it). */
export interface SampleChanges {
  change(checkId: string, caller: { readonly name: string }): { readonly ok: true; readonly checkId: string; readonly resourceId: string; readonly does: string } | { readonly ok: false; readonly message: string };
  reset(caller: { readonly name: string }): readonly string[];
}

const ARGS = /^(change|reset)\b\s*(.*)$/i;
const CHECK_ID = /^[A-Z][A-Z0-9]{0,9}(-[A-Z0-9]{1,12}){1,4}$/i;

export const SAMPLE_NOT_RUNNING =
  'This bot runs without the sample environment, so "sample change" and "sample reset" have nothing to change. They work on a bot started with its embedded sample.';

/** `changes`: the running sample's; without it (the bot runs against Azure only) the command says so. */
export function createSampleChangeFeature(deps: { readonly changes: SampleChanges | undefined }): Feature & { readonly commands: Pick<TurnCommandHandlers, 'sample'> } {
  return {
    name: 'sample-change',
    commands: {
      sample: async ({ args }, { port }) => {
        const { changes } = deps;
        if (changes === undefined) return port.sendText(SAMPLE_NOT_RUNNING);
        const match = ARGS.exec(args.trim());
        const caller = { name: port.conversation.userName ?? port.conversation.userId };
        if (match?.[1]?.toLowerCase() === 'reset') {
          const restored = changes.reset(caller);
          return port.sendText(restored.length === 0 ? 'The sample has no changes to undo.' : `Restored ${restored.length} sample resource(s). Watches of the sample will see it resolved.`);
        }
        const checkId = match?.[2]?.trim() ?? '';
        if (!CHECK_ID.test(checkId)) return port.sendText('Say which check to break, e.g. "sample change AML-NET-010"; "sample reset" undoes it.');
        const result = changes.change(checkId, caller);
        if (!result.ok) return port.sendText(plainText(result.message, 400));
        const resource = result.resourceId.split('/').pop() ?? result.resourceId;
        await port.sendText(`Done: ${plainText(caller.name, 80)} ${result.does} (${plainText(resource, 80)}), so ${result.checkId} fails on sample:hardened. Conversations watching it get an alert within seconds; "sample reset" undoes it.`);
      },
    },
  };
}
