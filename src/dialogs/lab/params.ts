/**
 * Setting the lab parameters: "lab params" alone shows the form (and waits for a typed reply), "lab params
 * namespace=…" sets them from text, and the form's button sets them from its fields.
 */
import { markdownText } from '../../cards/escape';
import { awaiting, withParams } from '../../lab/progress';
import { parseParameterText, validateParameters } from '../../lab/parameters';
import type { CardAction } from '../feature';
import type { TurnPort } from '../port';
import { PARAMETER_INPUTS, buildParametersCard } from './cards';
import type { LabContext } from './context';
import { cardReply, textReply, type Reply } from './reply';

export async function setParametersFromText(ctx: LabContext, port: TurnPort, text: string): Promise<Reply> {
  const parsed = parseParameterText(text);
  // Nothing in key=value form ("lab params", "set parameters"): the form, with its defaults, rather than a list of what is missing.
  if (Object.keys(parsed.values).length === 0 && parsed.unknown.length === 0) return showParametersForm(ctx, port);
  if (parsed.unknown.length > 0) return textReply(`I do not know the parameter(s) ${parsed.unknown.map((u) => markdownText(u, 40)).join(', ')}. Use subscription, namespace, postfix, location, environment, computeCluster.`);
  // An unquoted value ends at a space: "location=East US" would otherwise be saved as "east" without a word.
  const cut = parsed.stray[0];
  if (cut !== undefined) return textReply(`Nothing saved: ${markdownText(cut.key, 40)}=${markdownText(cut.value, 60)} is followed by "${markdownText(cut.words, 60)}", which I did not read. Put a value with spaces in quotes (${markdownText(cut.key, 40)}="${markdownText(`${cut.value} ${cut.words}`, 100)}") or write it without them.`);
  return applyParameters(ctx, port.conversation.userId, parsed.values, 'text');
}

export function showParametersForm(ctx: LabContext, port: TurnPort): Promise<Reply> {
  return ctx.update(port.conversation.userId, (p) => ({ progress: awaiting(p, 'parameters', ctx.now()), reply: cardReply(buildParametersCard(p.params)) }));
}

/** The parameters form's button: only the form's own fields are read. */
export function setParametersFromForm(ctx: LabContext, port: TurnPort, action: CardAction): Promise<Reply> {
  const input: Record<string, unknown> = {};
  for (const key of PARAMETER_INPUTS) if (action.data[key] !== undefined) input[key] = action.data[key];
  return applyParameters(ctx, port.conversation.userId, input, 'card');
}

function applyParameters(ctx: LabContext, userId: string, input: Readonly<Record<string, unknown>>, via: 'card' | 'text'): Promise<Reply> {
  return ctx.update(userId, (p) => {
    const result = validateParameters(input, p.params);
    if (!result.ok) {
      const reply: Reply = via === 'card' ? cardReply(buildParametersCard(p.params, { problems: result.problems, typed: input })) : textReply(`Those parameters need fixing:\n\n${result.problems.map((x) => `- ${markdownText(x, 300)}`).join('\n')}`);
      // A typed reply may be corrected by typing again; a card keeps its own form.
      return { progress: via === 'text' && p.awaiting !== 'parameters' ? awaiting(p, 'parameters', ctx.now()) : p, reply };
    }
    const saved = withParams(p, result.value, ctx.now());
    return { progress: saved, reply: ctx.showExercise(saved, 'Lab parameters saved.') };
  });
}
