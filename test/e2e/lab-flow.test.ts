/**
 * Issue 6 end to end: the guided lab through the real HTTP server, the fake Bot Connector and the embedded sample
 * environment, as a learner clicks it: overview, find the deployed workspace, exercises with Done / Skip / Back,
 * exercise 6 and 7 validations failing then passing as the sample changes, a question mid-lab, "where am I?",
 * "lab status", and progress that survives a restart of the bot over the same SQLite state.
 */
import type { JsonObject } from '../../src/sample';
import { LAB_NAMES, sampleIds } from '../../src/sample';
import { cardText, startFakeConnector, type LocalConnector } from '../support/fake-connector';
import { startProductBot, startSampleEnvironment, tempStateDir, type ProductBot, type SampleEnvironment } from '../support/e2e-bot';
import { actionsOf, cardRecords, invokeCard, invokeMessage, type Json } from '../support/e2e-cards';
import type { LocalBotClient } from '../support/bot-client';

const ids = sampleIds(LAB_NAMES);
const CLUSTER_PATH = `${ids.workspace}/computes/${LAB_NAMES.computeCluster}`;
const CSPM_PATH = `${ids.subscription}/providers/Microsoft.Security/pricings/CloudPosture`;
const CONNECTORS_PATH = `${ids.subscription}/providers/Microsoft.Security/securityConnectors`;
const idOf = (resource: JsonObject): string => (typeof resource.id === 'string' ? resource.id : '');
const ADO_CONNECTOR_PATH = `${ids.resourceGroup}/providers/Microsoft.Security/securityConnectors/ado-mlopsv2`;

describe('the guided lab through the fake Bot Connector (issue 6)', () => {
  let connector: LocalConnector;
  let sample: SampleEnvironment;
  let state: ReturnType<typeof tempStateDir>;
  let bot: ProductBot;
  let learner: LocalBotClient;

  const startBot = async (): Promise<void> => {
    bot = await startProductBot({
      serviceUrl: connector.serviceUrl,
      connector,
      sampleEnvironment: sample,
      env: { GUARDIAN_STORE: 'sqlite', GUARDIAN_STATE_DIR: state.dir },
    });
    // The same learner in the same chat, whichever bot instance answers.
    learner = learner === undefined ? bot.client('personal') : bot.client('personal', learner.conversation);
  };

  /** What the bot answered to one message or click: the text or card of its last message. */
  const answerTo = async (act: () => Promise<{ status: number }>): Promise<{ text: string; card: Json | undefined }> => {
    const before = bot.messages(learner.conversation.id).length;
    const res = await act();
    expect(res.status).toBe(200);
    const replies = bot.messages(learner.conversation.id).slice(before);
    expect(replies.length).toBeGreaterThan(0);
    const last = replies.at(-1)!;
    const card = cardRecords(connector, learner.conversation.id).find((r) => r.record === last)?.card;
    return { text: card !== undefined ? cardText(card) : (last.activity.text ?? ''), card };
  };
  const say = (text: string): ReturnType<typeof answerTo> => answerTo(() => learner.sendText(text));
  const button = (card: Json | undefined, title: string | RegExp): { verb: string; data: Json; submit: Json } => {
    const action = actionsOf(card).find((a) => a.type === 'Action.Execute' && (typeof title === 'string' ? a.title === title : title.test(a.title ?? '')));
    if (action === undefined) throw new Error(`no button "${String(title)}" on the card: ${actionsOf(card).map((a) => a.title).join(', ')}`);
    const fallback = (action as { fallback?: { type?: string; data?: Json } }).fallback;
    // Every button is Action.Execute with an Action.Submit fallback carrying the same data and the verb.
    expect(fallback?.type).toBe('Action.Submit');
    expect(fallback?.data).toEqual({ ...(action.data as Json), verb: action.verb });
    return { verb: action.verb ?? '', data: action.data as Json, submit: fallback?.data ?? {} };
  };
  /** Clicks the button titled `title` on `card` (with extra input values) as a client without Action.Execute posts it. */
  const click = (card: Json | undefined, title: string | RegExp, inputs: Json = {}): ReturnType<typeof answerTo> =>
    answerTo(() => learner.submit({ ...button(card, title).submit, ...inputs }));
  /** Clicks it as Teams does (Action.Execute): the answer replaces the clicked card. */
  const execute = async (card: Json | undefined, title: string | RegExp, inputs: Json = {}): Promise<{ text: string; card: Json | undefined }> => {
    const { verb, data } = button(card, title);
    const res = await learner.execute(verb, { ...data, ...inputs });
    expect(res.status).toBe(200);
    const answer = invokeCard(res.body);
    return { text: answer !== undefined ? cardText(answer) : (invokeMessage(res.body) ?? ''), card: answer };
  };

  beforeAll(async () => {
    connector = await startFakeConnector();
    sample = await startSampleEnvironment();
    state = tempStateDir();
    await startBot();
  });
  afterAll(async () => {
    await bot.close();
    await sample.close();
    await connector.close();
    state.remove();
  });

  let card: Json | undefined;

  test('"start lab" shows the overview: 12 exercises, where the learner is, no parameters yet', async () => {
    const overview = await say('start lab');
    expect(overview.text).toContain('0 of 12 exercises complete');
    expect(overview.text).toContain('◀ you are here');
    expect(overview.text).toContain('I do not know your lab parameters yet');
    expect(overview.text.match(/^[^\n]* (1[0-2]|[1-9])$/gm)?.length).toBeGreaterThanOrEqual(12);
    card = overview.card;
  });

  test('"Set parameters" → "Find my workspace" finds the workspace the accelerator deployed', async () => {
    const form = await click(card, 'Set parameters');
    expect(form.text).toContain('Lab parameters');
    const found = await click(form.card, 'Find my workspace', { workspace: LAB_NAMES.workspace });
    expect(found.text).toContain(`Found workspace ${LAB_NAMES.workspace} in ${LAB_NAMES.resourceGroup}`);
    expect(found.text).toContain('Exercise 1 of 12');
    card = found.card;
  });

  test('exercises advance with Done, Skip and Back; exercise 3 validates with a least-privilege warning', async () => {
    let step = await click(card, 'Done');
    expect(step.text).toContain('Exercise 2 of 12');
    step = await click(step.card, 'Skip');
    expect(step.text).toContain('Exercise 2 skipped');
    expect(step.text).toContain('Exercise 3 of 12');
    step = await click(step.card, 'Back');
    expect(step.text).toContain('Exercise 2 of 12');
    step = await click(step.card, 'Done');
    expect(step.text).toContain('Exercise 3 of 12');
    step = await click(step.card, 'Validate');
    expect(step.text).toContain(`Contributor on the whole subscription ${LAB_NAMES.subscriptionId} is more than the deployment needs`);
    step = await click(step.card, 'Done');
    expect(step.text).toContain('Exercise 3 validated');
    step = await click(step.card, 'Done');
    expect(step.text).toContain('Exercise 5 of 12');
    step = await click(step.card, 'Done');
    expect(step.text).toContain('Exercise 6 of 12');
    // The steps name the learner's own resources (from the found workspace).
    expect(step.text).toContain('mlopsv2');
    card = step.card;
  });

  test('a stale button (exercise 3 while on 6) gets a clear answer and moves nothing', async () => {
    const stale = await answerTo(() => learner.submit({ verb: 'lab.done', exercise: 3 }));
    expect(stale.text).toContain('That card is for exercise 3, but you are on exercise 6');
  });

  test('exercise 6 fails while the compute cluster is missing, and passes once it is back', async () => {
    const cluster = sample.arm.getResource(CLUSTER_PATH);
    expect(cluster).toBeDefined();
    sample.arm.deleteResource(CLUSTER_PATH);
    try {
      const failed = await click(card, 'Validate');
      expect(failed.text).toContain('Exercise 6 of 12');
      expect(failed.text).toContain(`No compute cluster in workspace ${LAB_NAMES.workspace}: expected cpu-cluster.`);
      expect(failed.text).toMatch(/Fix: /);
      const notYet = await click(failed.card, 'Done');
      expect(notYet.text).toContain('Not done yet: exercise 6 did not pass validation');
      card = notYet.card;
    } finally {
      sample.arm.setResource(CLUSTER_PATH, cluster!);
    }
    const passed = await click(card, 'Validate again');
    expect(passed.text).toContain('✅ Passed');
    expect(passed.text).toContain(`Compute cluster cpu-cluster exists in workspace ${LAB_NAMES.workspace}`);
    const next = await click(passed.card, 'Done');
    expect(next.text).toContain('Exercise 6 validated');
    expect(next.text).toContain('Exercise 7 of 12');
    card = next.card;
  });

  let removedConnectors: JsonObject[] = [];

  test('exercise 7 fails with Defender CSPM on Free and no Azure DevOps connector', async () => {
    // The lab's starting point: CSPM Free, no Azure DevOps connector (make it so, whatever the seed holds).
    sample.arm.patch(CSPM_PATH, { pricingTier: 'Free' });
    removedConnectors = (sample.arm.store.list(CONNECTORS_PATH) ?? []).filter((c) => JSON.stringify(c).includes('"AzureDevOps"'));
    for (const c of removedConnectors) sample.arm.deleteResource(idOf(c));
    const failed = await execute(card, 'Validate');
    expect(failed.text).toContain(`Defender CSPM (CloudPosture) is on the Free tier on subscription ${LAB_NAMES.subscriptionId}; the lab needs Standard.`);
    expect(failed.text).toContain(`No Azure DevOps connector in Defender for Cloud for subscription ${LAB_NAMES.subscriptionId}.`);
    // Validate answers with the result: the exercise collapsed to its title, its steps one click away.
    expect(failed.text).toContain('Exercise 7 of 12');
    expect(failed.text).not.toContain('Steps');
    expect(actionsOf(failed.card).map((a) => a.title)).toEqual(['Validate again', 'Done', 'Show the exercise', 'Skip']);
    const full = await execute(failed.card, 'Show the exercise');
    expect(full.text).toContain('Steps');
    card = failed.card;
  });

  test('a question mid-lab is answered, and the lab keeps its place ("where am I?")', async () => {
    const answer = await say('what is a service principal?');
    expect(answer.text.toLowerCase()).toContain('service principal');
    expect(answer.text).not.toContain('Exercise 7 of 12');
    expect(answer.text).not.toContain('I did not catch that');
    // "where am I?" shows the current exercise, as the lab's help says.
    const current = await say('where am I?');
    expect(current.text).toContain('You are on exercise 7 of 12');
    expect(current.text).toContain('Exercise 7 of 12');
    expect(current.text).toContain('on the Free tier'); // the last validation is still shown
    card = current.card;
  });

  test('exercise 7 passes once CSPM is Standard and the Azure DevOps connector exists', async () => {
    sample.arm.patch(CSPM_PATH, { pricingTier: 'Standard' });
    sample.arm.setResource(ADO_CONNECTOR_PATH, {
      name: 'ado-mlopsv2',
      type: 'Microsoft.Security/securityConnectors',
      location: 'centralus',
      properties: { environmentName: 'AzureDevOps', offerings: [{ offeringType: 'CspmMonitorAzureDevOps' }] },
    });
    const passed = await click(card, /^Validate/);
    expect(passed.text).toContain('✅ Passed');
    expect(passed.text).not.toContain('on the Free tier');
    const next = await click(passed.card, 'Done');
    expect(next.text).toContain('Exercise 7 validated');
    expect(next.text).toContain('Exercise 8 of 12');
  });

  let statusBefore: string;

  test('"lab status" shows the progress card', async () => {
    const status = await say('lab status');
    expect(status.text).toContain('Your lab progress');
    expect(status.text).toContain('7 of 12 exercises complete');
    expect(status.text).toMatch(/8\n[^\n]*◀ you are here/);
    expect(status.text).toContain(LAB_NAMES.subscriptionId.toLowerCase());
    statusBefore = status.text;
  });

  test('progress survives a restart of the bot over the same SQLite state', async () => {
    await bot.close();
    await startBot();
    const where = await say('continue lab');
    expect(where.text).toContain('You are on exercise 8 of 12');
    const status = await say('lab status');
    expect(status.text).toBe(statusBefore);
  });

  test('the typed commands of the lab help work as typed (review item 2)', async () => {
    const back = await say('lab back');
    expect(back.text).toContain('Exercise 7 of 12');
    const next = await say('<at>Guardian</at> lab next');
    expect(next.text).toContain('Exercise 8 of 12');
    const validated = await say('lab validate 3');
    expect(validated.text).toContain('Exercise 3 of 12\nCreate a service principal');
    expect(validated.text).toContain('Back to exercise 8');
    expect(validated.text).toContain('Contributor on the whole subscription');
    const found = await say(`lab find ${LAB_NAMES.workspace}`);
    expect(found.text).toContain(`Found workspace ${LAB_NAMES.workspace} in ${LAB_NAMES.resourceGroup}`);
    const help = await say('lab help');
    expect(help.text).toContain('Help — exercise 8');
    const unknown = await say('lab dance');
    expect(unknown.text).toContain('Lab commands:');
  });

  test('a learner without parameters is told to press the button the overview shows, by its name', async () => {
    const newcomer = bot.client('personal', { user: { id: '29:newcomer', name: 'New Learner', aadObjectId: '00000000-0000-0000-0000-0000000000cc' } });
    const before = bot.messages(newcomer.conversation.id).length;
    await newcomer.sendText('start lab');
    await newcomer.sendText('lab exercise 6');
    await newcomer.sendText('lab validate');
    const replies = bot.messages(newcomer.conversation.id).slice(before);
    const cards = cardRecords(connector, newcomer.conversation.id).map((r) => r.card);
    const overviewButton = actionsOf(cards[0]).find((a) => a.verb === 'lab.show-params')?.title;
    expect(overviewButton).toBe('Set parameters');
    const answer = cardText(cards.at(-1));
    expect(answer).toContain(`Press "${overviewButton}" on the overview`);
    expect(answer).not.toContain('Change parameters');
    expect(replies.length).toBe(3);
  });

  test('exercise 3 says once that it differs from the lab guide', async () => {
    const ex3 = await say('lab exercise 3');
    expect(ex3.text).toContain('**Updated from the lab guide:** The guide grants Contributor');
    expect(ex3.text).not.toMatch(/lab guide:\W+\w+ over the lab guide:/i);
  });

  test('postfix=abc is refused for "up to 4 digits", and a corrected form keeps what was typed', async () => {
    const refused = await say(`lab params subscription=${LAB_NAMES.subscriptionId} namespace=mlops postfix=abc location=eastus environment=prod`);
    expect(refused.text).toContain('postfix must be 1–4 digits');
    const form = await say('lab params');
    const typed = { subscriptionId: LAB_NAMES.subscriptionId, namespace: 'ml-ops', postfix: '0042', location: 'westeurope', environment: 'dev' };
    const problems = await execute(form.card, 'Save parameters', typed);
    expect(problems.text).toContain('namespace must be');
    const inputs = ((problems.card?.body ?? []) as { type?: string; id?: string; value?: string }[]).filter((e) => e.type === 'Input.Text');
    expect(Object.fromEntries(inputs.map((e) => [e.id, e.value]))).toMatchObject(typed);
  });

  afterAll(() => {
    // Leave the sample as seeded for anything that runs after (the environment is closed anyway).
    for (const c of removedConnectors) sample.arm.setResource(idOf(c), c);
  });
});
