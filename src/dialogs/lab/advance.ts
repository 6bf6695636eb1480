/** Moving past the current exercise (done, skip): the next one, or the overview when the lab is finished. */
import { completedCount, moveTo, type LabProgress } from '../../lab/progress';
import { buildOverviewCard } from './cards';
import type { LabContext, ProgressChange } from './context';
import { cardReply } from './reply';

export function advance(ctx: LabContext, p: LabProgress, notice: string): ProgressChange {
  if (p.current >= ctx.total) {
    const title = completedCount(p, ctx.total) === ctx.total ? 'Lab complete' : 'End of the lab: some exercises are still open';
    return { progress: p, reply: cardReply(buildOverviewCard(ctx.content, p, { title, notice })) };
  }
  const moved = moveTo(p, p.current + 1, ctx.now());
  return { progress: moved, reply: ctx.showExercise(moved, notice) };
}
