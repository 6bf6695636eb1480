import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createLabFeature } from '../../src/dialogs/lab';
import { HELP_COMMANDS } from '../../src/dialogs/help';
import { parseLabCommand } from '../../src/lab/commands';
import type { ActionResult, CardAction, Feature, IncomingMessage, RouteResult } from '../../src/dialogs/feature';
import type { AdaptiveCard, TurnPort } from '../../src/dialogs/port';
import { loadLabContent } from '../../src/knowledge/lab-content';
import type { LabParameters } from '../../src/lab/parameters';
import type { LabValidationResult } from '../../src/lab/result';
import type { LabValidationService } from '../../src/lab/validation-service';
import type { Resolution } from '../../src/scan/scan-service';
import { createMemoryStore, type MemoryGuardianStore } from '../../src/storage/memory-store';
import { cardSchemaErrors } from '../support/card-schema';
import { offer } from '../support/conversation';

const SUB = '3f2c8a1e-5b7d-4c9e-a1f0-6d2b8e4c7a90';
const USER = 'aad-user-1';
const content = loadLabContent();

class FakePort implements TurnPort {
  readonly conversation = { conversationId: 'c1', conversationType: 'personal' as const, tenantId: 't1', userId: USER, userName: 'Learner', teamId: undefined, channelId: undefined };
  readonly texts: string[] = [];
  readonly cards: AdaptiveCard[] = [];
  typings = 0;
  sendText(text: string): Promise<void> {
    this.texts.push(text);
    return Promise.resolve();
  }
  sendCard(card: AdaptiveCard): Promise<string> {
    this.cards.push(card);
    return Promise.resolve(`a${this.cards.length}`);
  }
  updateCard(): Promise<void> {
    return Promise.resolve();
  }
  typing(): Promise<void> {
    this.typings++;
    return Promise.resolve();
  }
}

/** A validation service whose answers the test sets per validator id. */
class FakeValidation implements LabValidationService {
  readonly calls: { validatorId: string; params: LabParameters }[] = [];
  answers: Record<string, LabValidationResult | Error> = {};
  resolution: Resolution = { kind: 'not_found', message: 'nothing here' };
  found: string[] = [];
  validate(validatorId: string, params: LabParameters): Promise<LabValidationResult> {
    this.calls.push({ validatorId, params });
    const answer = this.answers[validatorId] ?? { status: 'cannot_validate', items: [{ ok: false, text: 'Could not validate: no workspace yet' }] };
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  }
  find(target: string): Promise<Resolution> {
    this.found.push(target);
    return Promise.resolve(this.resolution);
  }
}

const lab = (args: string): IncomingMessage => ({ text: `lab ${args}`, route: { intent: 'command', command: 'lab', args, confidence: 1 } });
const other = (text: string, route: Partial<RouteResult> = {}): IncomingMessage => ({ text, route: { intent: 'question', questionId: 'IM-01', confidence: 0.9, answer: 'A service principal is…', ...route } });
const act = (verb: string, data: Record<string, unknown> = {}, via: CardAction['via'] = 'submit'): CardAction => ({ verb, data, via });

function cardOf(result: ActionResult): AdaptiveCard {
  if (result.kind !== 'card') throw new Error(`expected a card, got ${JSON.stringify(result)}`);
  expect(cardSchemaErrors(result.card)).toEqual([]);
  return result.card;
}
function textOf(result: ActionResult): string {
  if (result.kind !== 'text') throw new Error(`expected text, got ${result.kind}`);
  return result.text;
}
const json = (card: AdaptiveCard): string => JSON.stringify(card);
/** Each button's verb: Action.Execute carries it, and its Action.Submit fallback carries the same in its data. */
const actionVerbs = (card: AdaptiveCard): string[] =>
  ((card.actions as { verb?: string; fallback?: { data: { verb: string } } }[] | undefined) ?? []).map((a) => {
    expect(a.verb).toBe(a.fallback?.data.verb);
    return a.verb ?? '';
  });

async function stored(store: MemoryGuardianStore): Promise<{ current: number; exercises: Record<string, { outcome?: string; validation?: { status: string } }>; params?: LabParameters; awaiting?: string } | undefined> {
  return (await store.get<{ current: number; exercises: Record<string, { outcome?: string }>; params?: LabParameters }>(`lab/${USER}`))?.value;
}

const VALID_PARAMS = { subscriptionId: SUB, namespace: 'mlops', postfix: '0001', location: 'eastus', environment: 'prod', computeCluster: 'cpu-cluster' };

describe('lab feature', () => {
  let store: MemoryGuardianStore;
  let validation: FakeValidation;
  let feature: Feature;
  let port: FakePort;
  const now = () => new Date('2026-03-02T10:00:00.000Z');

  beforeEach(() => {
    store = createMemoryStore();
    validation = new FakeValidation();
    feature = createLabFeature({ content, store, validation, now });
    port = new FakePort();
  });

  const onAction = (a: CardAction) => feature.onAction!(port, a);
  const offerToLab = (m: IncomingMessage) => offer(feature, port, m);

  async function startWithParams(): Promise<void> {
    await offerToLab(lab('start'));
    cardOf(await onAction(act('lab.params', VALID_PARAMS)));
  }

  it('walks the lab: overview, parameters, exercises, failing then passing validation, done/skip/back, resume after restart, status', async () => {
    // start → overview
    expect(await offerToLab(lab('start'))).toBe(true);
    const overview = port.cards[0]!;
    expect(cardSchemaErrors(overview)).toEqual([]);
    expect(json(overview)).toContain('0 of 12 exercises complete');
    expect((overview.body as { type: string; facts?: unknown[] }[]).find((b) => b.type === 'FactSet')?.facts).toHaveLength(12);
    expect(json(overview)).toContain('◀ you are here');
    expect((await stored(store))?.current).toBe(1);

    // parameters: a bad input lists the problems, a good one is saved
    const paramsCard = cardOf(await onAction(act('lab.show-params')));
    expect(json(paramsCard)).toContain('"id":"namespace"');
    const bad = cardOf(await onAction(act('lab.params', { ...VALID_PARAMS, subscriptionId: 'nope', namespace: 'ml-ops' })));
    expect(json(bad)).toContain('Please fix');
    expect(json(bad)).toContain('GUID');
    expect((await stored(store))?.params).toBeUndefined();
    const saved = cardOf(await onAction(act('lab.params', VALID_PARAMS)));
    expect(json(saved)).toContain('Lab parameters saved');
    expect((await stored(store))?.params).toMatchObject({ namespace: 'mlops', postfix: '0001' });

    // exercises 1 and 2 are confirmed by the learner
    const ex2 = cardOf(await onAction(act('lab.done', { exercise: 1 })));
    expect(json(ex2)).toContain('Exercise 2 of 12');
    expect(actionVerbs(ex2)).toEqual(['lab.done', 'lab.skip', 'lab.back', 'lab.help']);
    const ex3 = cardOf(await onAction(act('lab.done', { exercise: 2 })));
    expect(json(ex3)).toContain('Create a service principal');
    expect(actionVerbs(ex3)).toEqual(['lab.validate', 'lab.done', 'lab.skip', 'lab.back', 'lab.help']);
    // the commands carry the learner's values
    expect(json(ex3)).toContain('rg-mlops-0001prod');
    expect(json(ex3)).toContain(SUB);

    // exercise 3 before the workspace exists: Done validates, cannot, and accepts the learner's word
    const ex4 = cardOf(await onAction(act('lab.done', { exercise: 3 })));
    expect(validation.calls.map((c) => c.validatorId)).toEqual(['service-principal-role']);
    expect(json(ex4)).toContain('marked done by you');
    expect((await stored(store))?.exercises['3']).toMatchObject({ outcome: 'done', validation: { status: 'cannot_validate' } });

    // jump to exercise 6; validation fails, then passes
    expect(await offerToLab(lab('exercise 6'))).toBe(true);
    expect(json(port.cards.at(-1)!)).toContain('config-infra-prod.yml');
    validation.answers['infrastructure-deployed'] = {
      status: 'failed',
      items: [{ ok: false, text: 'No compute cluster in workspace mlw-mlops-0001prod: expected cpu-cluster.', fix: 'az ml compute create --name cpu-cluster' }],
    };
    const failed = cardOf(await onAction(act('lab.validate', { exercise: 6 }, 'execute')));
    expect(json(failed)).toContain('❌ Not yet');
    expect(json(failed)).toContain('No compute cluster in workspace mlw-mlops-0001prod');
    expect(json(failed)).toContain('Validate again');
    expect(port.typings).toBeGreaterThan(0);
    const notDone = cardOf(await onAction(act('lab.done', { exercise: 6 })));
    expect(json(notDone)).toContain('Not done yet');
    expect((await stored(store))?.current).toBe(6);

    validation.answers['infrastructure-deployed'] = { status: 'passed', items: [{ ok: true, text: 'Compute cluster cpu-cluster exists.' }] };
    const passed = cardOf(await onAction(act('lab.validate', { exercise: 6 })));
    expect(json(passed)).toContain('✅ Passed');
    expect((await stored(store))?.exercises['6']?.outcome).toBe('validated');
    const callsBefore = validation.calls.length;
    const ex7 = cardOf(await onAction(act('lab.done', { exercise: 6 })));
    expect(validation.calls.length).toBe(callsBefore); // already validated: no second round trip
    expect(json(ex7)).toContain('Exercise 7 of 12');

    // skip and back
    const ex8 = cardOf(await onAction(act('lab.skip', { exercise: 7 })));
    expect(json(ex8)).toContain('Exercise 8 of 12');
    expect((await stored(store))?.exercises['7']?.outcome).toBe('skipped');
    const back = cardOf(await onAction(act('lab.back', { exercise: 8 })));
    expect(json(back)).toContain('Exercise 7 of 12');

    // a question mid-lab is not swallowed, and the place is kept
    const before = JSON.stringify(await stored(store));
    const sent = port.cards.length + port.texts.length;
    expect(await offerToLab(other('what is a service principal?'))).toBe(false);
    expect(await offerToLab(other('scan sample', { intent: 'check', check: 'all', target: 'sample' }))).toBe(false);
    expect(await offerToLab(other('help', { intent: 'command', command: 'help' }))).toBe(false);
    expect(port.cards.length + port.texts.length).toBe(sent);
    expect(JSON.stringify(await stored(store))).toBe(before);

    // restart: a new feature instance over the same store resumes
    const restarted = createLabFeature({ content, store, validation, now });
    const port2 = new FakePort();
    expect(await offer(restarted, port2, lab('where am i'))).toBe(true);
    expect(json(port2.cards[0]!)).toContain('You are on exercise 7 of 12');
    expect(await offer(restarted, port2, lab('status'))).toBe(true);
    const status = port2.cards[1]!;
    expect(cardSchemaErrors(status)).toEqual([]);
    expect(json(status)).toContain('Your lab progress');
    expect(json(status)).toContain('4 of 12 exercises complete');
    expect(json(status)).toContain('rg-mlops-0001prod');
    const facts = (status.body as { type: string; facts?: { title: string; value: string }[] }[]).find((b) => b.type === 'FactSet')!.facts!;
    expect(facts[5]?.value).toContain('validated');
    expect(facts[6]?.value).toContain('skipped');
    expect(facts[6]?.value).toContain('you are here');
  });

  it('finishes with a completion overview after exercise 12', async () => {
    await startWithParams();
    await offerToLab(lab('exercise 12'));
    const end = cardOf(await onAction(act('lab.done', { exercise: 12 })));
    expect(json(end)).toContain('End of the lab');
    let last: ActionResult | undefined;
    for (let n = 1; n <= 11; n++) {
      await offerToLab(lab(`exercise ${n}`));
      last = await onAction(act(n === 1 ? 'lab.done' : 'lab.skip', { exercise: n }));
    }
    expect(json(cardOf(last!))).toContain('Exercise 12 of 12');
    const complete = cardOf(await onAction(act('lab.done', { exercise: 12 })));
    expect(json(complete)).toContain('End of the lab');
    expect(json(complete)).toContain('2 of 12 exercises complete');
  });

  it('refuses stale and forged card actions with a clear text, leaving the state unchanged', async () => {
    await startWithParams();
    await onAction(act('lab.done', { exercise: 1 }));
    const before = JSON.stringify(await stored(store));
    expect(textOf(await onAction(act('lab.validate', { exercise: 99 })))).toMatch(/no valid exercise number/);
    expect(textOf(await onAction(act('lab.done', { exercise: '2' })))).toMatch(/no valid exercise number/);
    expect(textOf(await onAction(act('lab.skip', { exercise: 2.5 })))).toMatch(/no valid exercise number/);
    expect(textOf(await onAction(act('lab.skip', {})))).toMatch(/no valid exercise number/);
    expect(textOf(await onAction(act('lab.done', { exercise: 1 })))).toBe('That card is for exercise 1, but you are on exercise 2. Type **continue lab** to see it.');
    expect(textOf(await onAction(act('lab.pick', { index: 3 })))).toMatch(/no longer offered/);
    expect(textOf(await onAction(act('lab.reset', { confirm: 'yes' })))).toBe('Nothing was reset.');
    expect(textOf(await onAction(act('lab.teleport', { exercise: 2 })))).toMatch(/not known/);
    expect(JSON.stringify(await stored(store))).toBe(before);
    const forged = cardOf(await onAction(act('lab.params', { ...VALID_PARAMS, namespace: { $ne: 1 } })));
    expect(json(forged)).toContain('namespace must be text');
    expect(JSON.stringify(await stored(store))).toBe(before);
    expect(validation.calls).toEqual([]);
  });

  it('refuses actions before the lab has started', async () => {
    expect(textOf(await onAction(act('lab.done', { exercise: 1 })))).toMatch(/not started the lab/);
    expect(await stored(store)).toBeUndefined();
  });

  it('turns a validation error into "could not validate" and lets the learner retry', async () => {
    await startWithParams();
    await offerToLab(lab('exercise 7'));
    validation.answers['defender-cspm-devops'] = new Error('socket hang up');
    const card = cardOf(await onAction(act('lab.validate', { exercise: 7 })));
    expect(json(card)).toContain('Could not validate');
    expect(json(card)).toContain('socket hang up');
    expect(actionVerbs(card)).toContain('lab.validate');
    expect((await stored(store))?.current).toBe(7);
  });

  it('escapes Azure text placed in cards', async () => {
    await startWithParams();
    await offerToLab(lab('exercise 8'));
    validation.answers['defender-recommendations'] = {
      status: 'passed',
      items: [{ ok: false, text: 'Unhealthy: [click me](https://evil.example) <at>Boss</at> <b>x</b>', fix: 'run ${secret} now' }],
    };
    const card = json(cardOf(await onAction(act('lab.validate', { exercise: 8 }))));
    expect(card).not.toContain('[click me](https://evil.example)');
    expect(card).not.toContain('<at>');
    expect(card).not.toContain('<b>');
    expect(card).not.toContain('${secret}');
  });

  it('takes parameters as text once it asked for them, but still lets questions through', async () => {
    await offerToLab(lab('start'));
    expect(await offerToLab(lab('params'))).toBe(true);
    expect(json(port.cards.at(-1)!)).toContain('Lab parameters');
    expect((await stored(store))?.awaiting).toBe('parameters');
    expect(await offerToLab(other('what is a postfix?'))).toBe(false);
    const text = `subscription=${SUB} namespace=mlops postfix=0002 location=westeurope environment=dev`;
    expect(await offerToLab({ text, route: { intent: 'none', confidence: 0.1 } })).toBe(true);
    const s = await stored(store);
    expect(s?.params).toMatchObject({ postfix: '0002', environment: 'dev', location: 'westeurope' });
    expect(s?.awaiting).toBeUndefined();
    // No longer awaiting: a sentence that merely holds a pair is not taken.
    expect(await offerToLab({ text: `in the yml I set postfix=0003 for the second run`, route: { intent: 'none', confidence: 0.1 } })).toBe(false);
  });

  it('takes a message that is nothing but lab parameters without being asked, and nothing that merely holds some', async () => {
    const text = `subscriptionId=${SUB} namespace=mlopsv2 postfix=0001 location=eastus environment=prod`;
    expect(await offerToLab({ text, route: { intent: 'question', questionId: 'AM-01', confidence: 0.49, answer: '…' } })).toBe(true);
    expect(json(port.cards.at(-1)!)).toContain('Lab parameters saved');
    expect((await stored(store))?.params).toMatchObject({ namespace: 'mlopsv2', postfix: '0001' });
    for (const sentence of ['namespace=mlops is what we agreed, with private endpoints', 'colour=blue namespace=mlops', 'use private endpoints']) {
      expect(await offerToLab(other(sentence))).toBe(false);
    }
  });

  it('stops waiting for the workspace name once the user does something else, so a later name is not taken for it', async () => {
    await offerToLab(lab('start'));
    await offerToLab(lab('find'));
    expect((await stored(store))?.awaiting).toBe('workspace');
    await feature.forgetAwaitedReply!(port);
    expect((await stored(store))?.awaiting).toBeUndefined();
    expect(await offerToLab(other('AML-NET-010', { intent: 'question', questionId: 'AML-NET-010', confidence: 1 }))).toBe(false);
    expect(validation.found).toEqual([]);
  });

  it('stops waiting when free text it does not take goes elsewhere (a question, a workshop answer)', async () => {
    await offerToLab(lab('start'));
    await offerToLab(lab('find'));
    expect(await offerToLab(other('what is a service principal?'))).toBe(false);
    expect((await stored(store))?.awaiting).toBeUndefined();
    expect(await offerToLab(other('mlw-mlops-0001prod', { intent: 'none', confidence: 0 }))).toBe(false);
    expect(validation.found).toEqual([]);
  });

  it('waits for the most recent prompt only: "lab params" after "lab find" waits for parameters, not a name', async () => {
    await offerToLab(lab('start'));
    await offerToLab(lab('find'));
    await offerToLab(lab('params'));
    expect((await stored(store))?.awaiting).toBe('parameters');
    expect(await offerToLab(other('mlw-mlops-0001prod', { intent: 'none', confidence: 0 }))).toBe(false);
    expect(validation.found).toEqual([]);
  });

  it('forgets nothing it was not waiting for, and writes nothing then', async () => {
    await offerToLab(lab('start'));
    const before = await store.get(`lab/${USER}`);
    await feature.forgetAwaitedReply!(port);
    expect(await store.get(`lab/${USER}`)).toEqual(before);
  });

  it('hints at the namespace the validation accepts: a ten-character one with digits is saved, an eleventh character is refused', async () => {
    await offerToLab(lab('start'));
    await offerToLab(lab('params'));
    expect(json(port.cards.at(-1)!)).toContain('"label":"namespace (1–10 lower-case letters or digits, starting with a letter)"');
    await offerToLab(lab(`params subscription=${SUB} namespace=mlopsv2abc postfix=1 environment=dev`));
    expect((await stored(store))?.params).toMatchObject({ namespace: 'mlopsv2abc' });
    await offerToLab(lab(`params namespace=mlopsv2abcd`));
    expect(port.texts.at(-1)).toContain('namespace must be 1–10 lower-case letters or digits, starting with a letter');
  });

  it('saves nothing when a typed value with a space would be cut short, and says how to quote it', async () => {
    await offerToLab(lab('start'));
    const before = await stored(store);
    expect(await offerToLab(lab(`params subscription=${SUB} namespace=mlopsv2 postfix=0001 location=EAST US environment=Prod`))).toBe(true);
    expect(port.texts.at(-1)).toContain('Nothing saved: location=EAST is followed by "US"');
    expect(port.texts.at(-1)).toContain('location="EAST US"');
    expect((await stored(store))?.params).toEqual(before?.params);
  });

  it('saves a quoted region with a space in its canonical form', async () => {
    await offerToLab(lab('start'));
    expect(await offerToLab(lab(`params subscription=${SUB} namespace=mlopsv2 postfix=0001 location="East US" environment=Prod`))).toBe(true);
    expect((await stored(store))?.params).toMatchObject({ location: 'eastus', environment: 'prod' });
  });

  it('gives typed parameters the defaults the form shows (location, environment, compute cluster)', async () => {
    await offerToLab(lab('start'));
    await offerToLab(lab('params'));
    const form = json(port.cards.at(-1)!);
    expect(form).toContain('"id":"location","label":"location","placeholder":"eastus","maxLength":64,"value":"eastus"');
    expect(form).toContain('"value":"prod"');
    expect(await offerToLab({ text: `subscriptionId=${SUB} namespace=mlopsv2 postfix=0001`, route: { intent: 'none', confidence: 0.1 } })).toBe(true);
    expect(json(port.cards.at(-1)!)).toContain('Lab parameters saved');
    expect((await stored(store))?.params).toMatchObject({ subscriptionId: SUB, namespace: 'mlopsv2', postfix: '0001', location: 'eastus', environment: 'prod', computeCluster: 'cpu-cluster' });
  });

  it.each(['set parameters', 'params', 'set my lab params'])('"lab %s" shows the form instead of listing what is missing', async (args) => {
    await offerToLab(lab('start'));
    const texts = port.texts.length;
    expect(await offerToLab(lab(args))).toBe(true);
    expect(port.texts.slice(texts)).toEqual([]);
    expect(json(port.cards.at(-1)!)).toContain('"id":"namespace"');
    expect((await stored(store))?.awaiting).toBe('parameters');
  });

  it('"lab status" shows progress without validating, and the help card and Teams command list promise only that', async () => {
    await startWithParams();
    validation.calls.length = 0;
    expect(await offerToLab(lab('status'))).toBe(true);
    expect(json(port.cards.at(-1)!)).toContain('exercises complete');
    expect(validation.calls).toEqual([]);

    const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../appPackage/manifest.json'), 'utf8')) as { bots: { commandLists: { commands: { title: string; description: string }[] }[] }[] };
    const promises = [
      ...HELP_COMMANDS.filter((c) => c.example === 'lab status').map((c) => c.description),
      ...manifest.bots.flatMap((b) => b.commandLists.flatMap((l) => l.commands)).filter((c) => c.title === 'lab status').map((c) => c.description),
    ];
    expect(promises.length).toBeGreaterThan(1);
    for (const promise of promises) expect(promise).not.toMatch(/validat/i);
    // Validating has its own line, and it is the command that validates.
    const validateLine = HELP_COMMANDS.find((c) => /validat|check the current/i.test(c.description) && c.example.startsWith('lab'));
    expect(parseLabCommand(validateLine?.example.replace(/^lab\s+/, ''))).toEqual({ kind: 'validate' });
  });

  it('sets parameters from a typed command and reports problems', async () => {
    expect(await offerToLab(lab(`params subscription=${SUB} namespace=ml-ops postfix=1`))).toBe(true);
    expect(port.texts.at(-1)).toMatch(/namespace must be 1–10 lower-case letters/);
    expect(await offerToLab(lab('params colour=blue'))).toBe(true);
    expect(port.texts.at(-1)).toMatch(/do not know the parameter\(s\) colour/);
  });

  it('finds the deployed workspace by name, and lets the learner choose when several match', async () => {
    await offerToLab(lab('start'));
    expect(await offerToLab(lab('find'))).toBe(true);
    expect(port.texts.at(-1)).toMatch(/Which workspace/);
    const ref = (rg: string, name: string) => ({ id: `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.MachineLearningServices/workspaces/${name}`, name, resourceGroup: rg, subscriptionId: SUB, location: 'eastus' });
    validation.resolution = { kind: 'ambiguous', candidates: [ref('rg-a', 'mlw-mlops-0001prod'), ref('rg-mlops-0003prod', 'mlw-mlops-0003prod')] };
    expect(await offerToLab(other('mlw-mlops', { intent: 'none', confidence: 0 }))).toBe(true);
    expect(validation.found).toEqual(['mlw-mlops']);
    const choice = port.cards.at(-1)!;
    expect(cardSchemaErrors(choice)).toEqual([]);
    expect(actionVerbs(choice)).toEqual(['lab.pick', 'lab.pick']);
    const picked = cardOf(await onAction(act('lab.pick', { index: 1 })));
    expect(json(picked)).toContain('Using workspace mlw-mlops-0003prod');
    expect((await stored(store))?.params).toEqual({ subscriptionId: SUB, location: 'eastus', workspaceId: ref('rg-mlops-0003prod', 'mlw-mlops-0003prod').id, namespace: 'mlops', postfix: '0003', environment: 'prod' });

    validation.resolution = { kind: 'not_found', message: 'no workspace named <at>x</at>' };
    expect(textOf(await onAction(act('lab.find', { workspace: 'mlw-gone-1prod' })))).toMatch(/could not find the workspace mlw-gone-1prod/);
    expect(port.texts.join(' ')).not.toContain('<at>');
  });

  it('answers help, unknown lab words and validate of a confirm exercise in text', async () => {
    await startWithParams();
    expect(await offerToLab(lab('help'))).toBe(true);
    expect(port.texts.at(-1)).toMatch(/Help — exercise 1: Introduction/);
    expect(await offerToLab(lab('dance'))).toBe(true);
    expect(port.texts.at(-1)).toMatch(/Lab commands/);
    expect(await offerToLab(lab('validate'))).toBe(true);
    expect(port.texts.at(-1)).toMatch(/Azure cannot see/);
    expect(validation.calls).toEqual([]);
  });

  it('validates an earlier exercise by number without moving the learner', async () => {
    await startWithParams();
    await offerToLab(lab('exercise 7'));
    validation.answers['service-principal-role'] = { status: 'warning', items: [{ ok: false, text: 'Contributor on the whole subscription is more than the deployment needs.' }] };
    expect(await offerToLab(lab('validate 3'))).toBe(true);
    const card = port.cards.at(-1)!;
    expect(json(card)).toContain('Passed with advice');
    expect(actionVerbs(card)).toEqual(['lab.continue']);
    const s = await stored(store);
    expect(s?.current).toBe(7);
    expect(s?.exercises['3']?.outcome).toBe('validated');
  });

  it('resets only after confirmation', async () => {
    await startWithParams();
    expect(await offerToLab(lab('reset'))).toBe(true);
    expect(actionVerbs(port.cards.at(-1)!)).toEqual(['lab.reset', 'lab.continue']);
    expect(await stored(store)).toBeDefined();
    expect(textOf(await onAction(act('lab.reset', { confirm: true })))).toMatch(/cleared/);
    expect(await stored(store)).toBeUndefined();
  });

  it('starts afresh over a damaged stored record', async () => {
    await store.put(`lab/${USER}`, { version: 99, current: 'x' });
    expect(await offerToLab(lab('continue'))).toBe(true);
    expect(json(port.cards.at(-1)!)).toContain('Exercise 1 of 12');
    expect((await stored(store))?.current).toBe(1);
  });
});
