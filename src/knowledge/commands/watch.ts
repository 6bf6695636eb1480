/** The watch commands: watch a workspace on a schedule, stop watching it, list what is watched. */
import { withTarget, type CommandMatcher } from './matcher';

export const matchWatches: CommandMatcher = (t) => {
  if (/^(list |show )(the |our |my |all )?(watches|watchlist|subscriptions|watched workspaces)$/.test(t)) return { args: '' };
  if (/^what (do|are) (we|you|i) watch(ing)?\b|^(watches|watchlist)$|^what is (being )?watched\b|^which workspaces (are|do) (we |you )?watch|^(which|what) workspaces? (are|do|is) (you|we) (watch|monitor)(ing)?\b/.test(t)) {
    return { args: '' };
  }
  return undefined;
};

export const matchUnwatch: CommandMatcher = (t) => {
  const m = /^(unwatch|stop watching|stop monitoring|unsubscribe( from)?|don'?t watch)\s*(.*)$/.exec(t);
  return m === null ? undefined : withTarget((m[3] ?? '').trim());
};

export const matchWatch: CommandMatcher = (t) => {
  const m = /^(watch|monitor|subscribe( to)?|keep an eye on|notify (me|us) about)\s+(.+)$/.exec(t);
  return m === null ? undefined : withTarget((m[4] ?? '').trim());
};
