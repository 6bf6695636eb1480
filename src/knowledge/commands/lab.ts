/**
 * The lab command. The lab has one grammar, parseLabCommand: a message that starts with "lab" is always the lab's
 * (the lab answers what it does not understand with its command list); a message that merely mentions the lab,
 * an exercise or "where am I" is the lab's when that grammar understands it ("continue lab", "check my
 * exercise", "exercise 7"), otherwise it goes on to questions ("what does exercise 3 teach?"). `args` is the rest
 * of the message, case kept, for parseLabCommand to interpret — never a pre-digested form.
 */
import { labRest, parseLabCommand } from '../../lab/commands';
import { QUESTION_START, type CommandMatcher } from './matcher';

const LAB_START = /^(?:the |my )?lab(?:[\s:,]|$)/;
const LAB_WORDS = /(?:^|\s)(?:the |my |our )?lab(?:\s|$)|\bexercises?\b|^where (?:am|was) i\b|^(?:which|what) exercise\b|^(?:check|validate|verify) my (?:work|step)$/;

/** "I'd like to do the hands-on lab now": a wish to start the lab, in words the lab grammar does not parse. */
const WANTS_LAB = /\b(do|start|begin|try|run|take|launch|open|kick off|work through)\b.*\b(the |a |your )?(hands[- ]on |guided )?lab\b/;

/** Words that are only the lab's, without naming it: "done", "validate", "hint", "find my workspace". */
const LAB_ONLY = /^(?:(?:i'?m |i am )?done|validate|hint|find my workspace)$/;

export const matchLab: CommandMatcher = (t, original) => {
  if (LAB_START.test(t) || LAB_ONLY.test(t)) return { args: labRest(original) };
  if (!LAB_WORDS.test(t) && !/\bhands[- ]on lab\b/.test(t)) return undefined;
  if (parseLabCommand(original).kind !== 'unknown') return { args: labRest(original) };
  return WANTS_LAB.test(t) && !QUESTION_START.test(t) ? { args: 'start' } : undefined;
};
