/**
 * The workshop command. Its arguments start with the action (start, continue, skip, next, back, repeat, pause,
 * stop, status) followed by the category slugs named.
 */
import { categoriesIn } from './categories';
import type { CommandArgs, CommandMatcher } from './matcher';

export const matchWorkshop: CommandMatcher = (t) => {
  const polite = t.replace(/^(please |can we |could we |let'?s |lets |i want to |i'd like to |we want to )/, '');
  const mentions = /\bworkshop\b/.test(polite);
  const cats = categoriesIn(polite).join(' ');
  const withCats = (action: string): CommandArgs => ({ args: cats.length > 0 ? `${action} ${cats}` : action });
  if (mentions) {
    const asks = /^(what|why|how|who|when|which|is|are|(do|does) (we|you|i|it))\b/.test(polite);
    if (asks && !/\b(start|begin|continue|resume|pause|stop|status|progress)\b/.test(polite)) return undefined;
    if (/\b(continue|resume|carry on|pick up)\b/.test(polite)) return withCats('continue');
    if (/\b(pause|hold|break)\b/.test(polite)) return withCats('pause');
    if (/\b(stop|end|quit|exit|cancel|finish|abort)\b/.test(polite)) return withCats('stop');
    if (/\b(status|progress|where are we)\b/.test(polite)) return withCats('status');
    return withCats('start');
  }
  if (/^(skip|skip (it|this|this one|this question|question)|pass|i don'?t know|no idea|dunno)$/.test(t)) return { args: 'skip' };
  if (/^(next|next question|next one|move on|go on)$/.test(t)) return { args: 'next' };
  if (/^(back|go back|previous|previous question|prev|last question)$/.test(t)) return { args: 'back' };
  if (/^(repeat|repeat (the |that )?question|again|say (that|it) again|what was the question|ask again)$/.test(t)) return { args: 'repeat' };
  if (/^(pause|take a break|later)$/.test(t)) return { args: 'pause' };
  if (/^(stop|end)$/.test(t)) return { args: 'stop' };
  if (/^(status|progress)$/.test(t)) return { args: 'status' };
  if (/^(continue|resume)$/.test(t)) return { args: 'continue' };
  return undefined;
};
