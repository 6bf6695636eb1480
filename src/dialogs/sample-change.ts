/**
 * "sample change AML-NET-010" and "sample reset": a workshop breaks one control of the sample environment on
 * purpose and watches the alert arrive. The write is recorded in the sample's Activity Log with the person who
 * asked as the caller, so the alert names them. Only the sample is ever written: there is no such command for Azure.
 */
import { plainText } from '../cards/escape';
import type { Feature, IncomingMessage } from './feature';
import type { TurnPort } from './port';

/** The sample environment's change port (src/sample/changes.ts implements it). */
export interface SampleChanges {
  change(checkId: string, caller: { readonly name: string }): { readonly ok: true; readonly checkId: string; readonly resourceId: string; readonly does: string } | { readonly ok: false; readonly message: string };
  reset(caller: { readonly name: string }): readonly string[];
}

const COMMAND = /^sample\s+(change|reset)\b\s*(.*)$/i;
const CHECK_ID = /^[A-Z][A-Z0-9]{0,9}(-[A-Z0-9]{1,12}){1,4}$/i;

export function createSampleChangeFeature(deps: { readonly changes: SampleChanges }): Feature {
  return {
    name: 'sample-change',
    async onMessage(port: TurnPort, message: IncomingMessage): Promise<boolean> {
      const match = COMMAND.exec(message.text.trim());
      if (match === null) return false;
      const caller = { name: port.conversation.userName ?? port.conversation.userId };
      if (match[1]?.toLowerCase() === 'reset') {
        const restored = deps.changes.reset(caller);
        await port.sendText(restored.length === 0 ? 'The sample has no changes to undo.' : `Restored ${restored.length} sample resource(s). Watches of the sample will see it resolved.`);
        return true;
      }
      const checkId = match[2]?.trim() ?? '';
      if (!CHECK_ID.test(checkId)) {
        await port.sendText('Say which check to break, e.g. "sample change AML-NET-010"; "sample reset" undoes it.');
        return true;
      }
      const result = deps.changes.change(checkId, caller);
      if (!result.ok) {
        await port.sendText(plainText(result.message, 400));
        return true;
      }
      const resource = result.resourceId.split('/').pop() ?? result.resourceId;
      await port.sendText(`Done: ${plainText(caller.name, 80)} ${result.does} (${plainText(resource, 80)}), so ${result.checkId} fails on sample:hardened. Conversations watching it get an alert within seconds; "sample reset" undoes it.`);
      return true;
    },
  };
}
