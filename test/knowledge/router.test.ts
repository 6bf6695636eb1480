import { loadKnowledge } from '../../src/knowledge/content';
import { ANSWER_THRESHOLD, createRouter } from '../../src/knowledge/router';
import { cleanMessage } from '../../src/knowledge/message-text';

const router = createRouter(loadKnowledge());
const SUB = '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';
const WS_ID = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ws-prod`;

describe('message cleaning', () => {
  it('removes mentions, markup, entities and the bot name', () => {
    expect(cleanMessage('<at>Guardian</at>&nbsp;scan <b>sample</b>')).toBe('scan sample');
    expect(cleanMessage('@Guardian, help')).toBe('help');
    expect(cleanMessage('  <p>what   ports?</p> ')).toBe('what ports?');
  });
});

describe('commands', () => {
  it.each([
    ['help', 'help', ''],
    ['<at>Guardian</at>', 'help', ''],
    ['start workshop', 'workshop', 'start'],
    ['start the workshop on network security and backup', 'workshop', 'start network-security backup-recovery'],
    ['continue workshop', 'workshop', 'continue'],
    ['skip', 'workshop', 'skip'],
    ['go back', 'workshop', 'back'],
    ['repeat the question', 'workshop', 'repeat'],
    ['pause workshop', 'workshop', 'pause'],
    ['workshop status', 'workshop', 'status'],
    ['my baseline', 'baseline', ''],
    ['start lab', 'lab', 'start'],
    ['where am I?', 'lab', 'status'],
    ['what do we watch?', 'watches', ''],
    ['reset', 'reset', ''],
    ['sign in', 'signin', ''],
    ['sign out', 'signout', ''],
    ['list checks', 'checks', ''],
  ])('"%s" → %s %s', (text, command, args) => {
    const route = router.route(text);
    expect(route).toMatchObject({ intent: 'command', command, args });
  });

  it('extracts the workspace of watch, unwatch and link', () => {
    expect(router.route('watch ws-prod daily at 08:00')).toMatchObject({ command: 'watch', target: 'ws-prod', args: 'ws-prod daily at 08:00' });
    expect(router.route('unwatch ws-prod')).toMatchObject({ command: 'unwatch', target: 'ws-prod' });
    expect(router.route('link this channel to rg-ml-prod')).toMatchObject({ command: 'link', target: 'rg-ml-prod' });
  });

  it('does not take a question about the workshop for a command', () => {
    expect(router.route('what is the workshop about?').command).toBeUndefined();
  });
});

describe('check requests', () => {
  it.each([
    ['scan sample', 'all', 'sample'],
    ['<at>Guardian</at> scan sample', 'all', 'sample'],
    ['scan ws-prod', 'all', 'ws-prod'],
    ['check rbac on ws-prod', 'rbac', 'ws-prod'],
    ['is public network access off on ws-prod?', 'public-network', 'ws-prod'],
    [`defender status for subscription ${SUB}`, 'defender', SUB],
    [`scan ${WS_ID}`, 'all', WS_ID],
    [`check rbac on ${WS_ID}.`, 'rbac', WS_ID],
    ['check logging on mlw-dev', 'logging-threat-detection', 'mlw-dev'],
    ['how secure is ws-prod?', 'all', 'ws-prod'],
  ])('"%s" → %s on %s', (text, check, target) => {
    expect(router.route(text)).toMatchObject({ intent: 'check', check, target });
  });

  it('accepts a request without a target (the scan feature asks for one)', () => {
    const route = router.route('check rbac');
    expect(route).toMatchObject({ intent: 'check', check: 'rbac' });
    expect(route.target).toBeUndefined();
  });

  it('keeps how-to questions as questions', () => {
    expect(router.route('how do I check rbac on a workspace?').intent).toBe('question');
    expect(router.route('scan docker images for malware before training').intent).toBe('question');
  });
});

describe('questions', () => {
  it('answers a workshop question with the answer Markdown and high confidence', () => {
    const route = router.route('Which ports need to be open inbound and outbound for Azure Machine Learning?');
    expect(route.intent).toBe('question');
    expect(route.questionId).toBe('WVN-01');
    expect(route.confidence).toBeGreaterThanOrEqual(ANSWER_THRESHOLD);
    expect(route.answer).toContain('44224');
    expect(route.answer).toContain('https://learn.microsoft.com/');
  });

  it('answers by explicit id, question or check', () => {
    expect(router.route('NS-04')).toMatchObject({ intent: 'question', questionId: 'NS-04', confidence: 1 });
    expect(router.route('why does aml-net-001 matter?')).toMatchObject({ intent: 'question', questionId: 'AML-NET-001' });
  });

  it('does not guess below the threshold: it offers 2-3 suggestions instead', () => {
    const route = router.route('vnet');
    expect(route.intent).toBe('question');
    expect(route.confidence).toBeLessThan(ANSWER_THRESHOLD);
    expect(route.suggestions?.length).toBeGreaterThanOrEqual(2);
    expect(route.suggestions?.length).toBeLessThanOrEqual(3);
    expect(route.answer).toMatch(/not sure/i);
  });

  it('answers off-topic messages politely with the list of topics', () => {
    const route = router.route("what's the weather in Paris?");
    expect(route.intent).toBe('none');
    expect(route.answer).toContain('Network Security');
    expect(route.answer).toContain('Backup and Recovery');
  });
});
