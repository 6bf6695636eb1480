/** Help (and greetings), and deleting what the bot keeps about a conversation. */
import type { CommandMatcher } from './matcher';

export const matchHelp: CommandMatcher = (t) => {
  if (/^(help|\?|commands|menu|usage|hi|hello|hey|hallo|good (morning|afternoon)|get started|getting started|show help|help me|what can you do|what do you do|what can i ask( you)?|who are you|how does this work|how do i use (you|this( bot)?))( guardian)?$/.test(t)) {
    return { args: '' };
  }
  if (/^(what|which) commands\b|^what (else )?(can|do) you (do|understand|know)\b|^(show|list|give)( me)? (the |your |all )?commands\b/.test(t)) return { args: '' };
  return undefined;
};

export const matchReset: CommandMatcher = (t) => {
  // Deleting data is confirmed on a card, so the phrasing may be broad; questions ("how do I delete my data?") are not it.
  if (
    /^(please )?(reset( everything| my data| all)?|start over|restart|clear( my| our)?( state| everything| data| conversation| history)?|forget (everything|me|us|it all|about me|my data|what you know about me)|(delete|erase|remove|wipe|purge) (all )?(my|our) (data|information|info|history)|(delete|erase|wipe) everything( you (know|have|stored|store) about (me|us))?)(,? please)?$/.test(t)
  ) {
    return { args: '' };
  }
  // "forget everything you have stored about me": a broad wish to be forgotten (confirmed on a card).
  if (/^(please )?(forget|delete|erase|wipe|purge|remove) (everything|all( of)? (the |my |our )?(data|information|info)?)( (that )?you (have|know|keep|hold|stored|store|saved|have stored|have saved|collected|have collected))?( about (me|us))?( please)?$/.test(t)) {
    return { args: '' };
  }
  return undefined;
};
