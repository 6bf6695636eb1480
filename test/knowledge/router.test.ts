import { loadKnowledge } from '../../src/knowledge/content';
import { ANSWER_THRESHOLD, createRouter, ONE_TERM_THRESHOLD } from '../../src/knowledge/router';
import { cleanMessage } from '../../src/knowledge/message-text';
import { isBaselineId } from '../../src/knowledge/baseline-ids';
import { parseLabCommand } from '../../src/lab/commands';
import { LAB_COMMANDS_TEXT } from '../../src/dialogs/lab/cards';

const knowledge = loadKnowledge();
const router = createRouter(knowledge);
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
    ['where am I?', 'lab', 'where am I'],
    ['what do we watch?', 'watches', ''],
    ['reset', 'reset', ''],
    ['forget me', 'reset', ''],
    ['delete my data', 'reset', ''],
    ['<at>Guardian</at> Delete my data, please', 'reset', ''],
    ['erase our data', 'reset', ''],
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
    [`defender status for subscription ${SUB}`, 'defender', `/subscriptions/${SUB}`],
    [`defender plans of subscription ${SUB.toUpperCase()}`, 'defender', `/subscriptions/${SUB}`],
    [`defender status for /subscriptions/${SUB}`, 'defender', `/subscriptions/${SUB}`],
    ['is public network access off on sample?', 'public-network', 'sample'],
    [`scan ${WS_ID}`, 'all', WS_ID],
    [`check rbac on ${WS_ID}.`, 'rbac', WS_ID],
    ['check logging on mlw-dev', 'logging-threat-detection', 'mlw-dev'],
    ['how secure is ws-prod?', 'all', 'ws-prod'],
  ])('"%s" → %s on %s', (text, check, target) => {
    expect(router.route(text)).toMatchObject({ intent: 'check', check, target });
  });

  it.each([
    ['scan sample:hardened', 'all', 'sample:hardened'],
    ['scan Sample:Hardened.', 'all', 'sample:hardened'],
    ['is public network access off on sample:hardened?', 'public-network', 'sample:hardened'],
    ['scan ws-sample-prod', 'all', 'ws-sample-prod'],
    ['scan the demo-ws workspace', 'all', 'demo-ws'],
    ['check rbac on sample_ws-1', 'rbac', 'sample_ws-1'],
  ])('takes a sample target only from a standalone token: "%s" → %s on %s', (text, check, target) => {
    expect(router.route(text)).toMatchObject({ intent: 'check', check, target });
  });

  it.each([
    'check rbac on [sample](https://evil.example)',
    'scan [sample:hardened](https://evil.example)',
    'check rbac on <a href="https://evil.example">sample</a>',
    'scan https://sample.example/ws-prod',
    'scan sample:not_a_name',
  ])('never takes a target from a link or a malformed sample name: "%s"', (text) => {
    const route = router.route(text);
    expect(route.intent).toBe('check');
    expect(route.target).toBeUndefined();
  });

  it('does not take a schedule word for a workspace', () => {
    expect(router.route('I would watch the workspace daily and review RBAC monthly').target).toBeUndefined();
  });

  it('keeps a question about deleting data a question', () => {
    expect(router.route('how do I delete my data from the workspace?').intent).toBe('question');
  });

  it('keeps a workspace id as the target, and takes a bare GUID as the subscription it names', () => {
    expect(router.route(`check rbac on ${WS_ID}`)).toMatchObject({ intent: 'check', check: 'rbac', target: WS_ID });
    expect(router.route(`scan ${SUB}`)).toMatchObject({ intent: 'check', check: 'all', target: `/subscriptions/${SUB}` });
  });

  it.each([
    ['check defender on subscription 1234', 'defender', '/subscriptions/1234'],
    ['defender status for subscription id: 12-ab', 'defender', '/subscriptions/12-ab'],
    ['scan sub 42.', 'all', '/subscriptions/42'],
  ])('keeps a subscription that is not a GUID as typed, for the scan feature to refuse: %s', (message, check, target) => {
    expect(router.route(message)).toMatchObject({ intent: 'check', check, target });
  });

  it('does not take a word or a workspace name after "subscription" for a subscription id', () => {
    expect(router.route('is defender on for my subscription please?').target).toBeUndefined();
    expect(router.route('is defender for storage on for the subscription ws-prod-01 lives in?').target).toBe('ws-prod-01');
  });

  it.each([
    ['check AML-NET-001 on sample', ['AML-NET-001']],
    ['check aml-net-001 and AML-IDM-006 on ws-prod', ['AML-NET-001', 'AML-IDM-006']],
  ])('"%s" names only the checks %j', (text, checkIds) => {
    expect(router.route(text)).toMatchObject({ intent: 'check', checkIds });
  });

  it('takes a word in the place of an area that names none as unknown, and an area or "everything" as known', () => {
    expect(router.route('check foo on sample')).toMatchObject({ intent: 'check', target: 'sample', unknownArea: 'foo' });
    expect(router.route('check rbac on sample')).not.toHaveProperty('unknownArea');
    expect(router.route('check everything on sample')).not.toHaveProperty('unknownArea');
    expect(router.route('scan sample')).not.toHaveProperty('unknownArea');
  });

  it('takes "defender status" without a subscription as a Defender check (the scan feature asks where)', () => {
    const route = router.route('defender status');
    expect(route).toMatchObject({ intent: 'check', check: 'defender' });
    expect(route.target).toBeUndefined();
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

describe('questions about a live resource run the checks', () => {
  it.each([
    [`is CSPM turned on for subscription ${SUB}?`, 'defender', `/subscriptions/${SUB}`],
    ['who has Owner on the subscription behind ws-prod?', 'rbac', 'ws-prod'],
    ['give ws-prod a full security review', 'all', 'ws-prod'],
    ["is shared key access turned off on mlw-core-01's storage?", 'identity-management', 'mlw-core-01'],
    ['are the resources of ws-ops-4 tagged with an owner?', 'asset-management', 'ws-ops-4'],
    ['is soft delete on for the storage behind ws-hr-01?', 'backup-recovery', 'ws-hr-01'],
    ["what's the score for mlw-vision-2", 'all', 'mlw-vision-2'],
    ['is ws-lab-9 public?', 'public-network', 'ws-lab-9'],
    ["is ws-ops-3's key vault purge protected", 'data-protection', 'ws-ops-3'],
    ['tell me who can get into sample', 'rbac', 'sample'],
  ])('"%s" → %s on %s', (text, check, target) => {
    expect(router.route(text)).toMatchObject({ intent: 'check', check, target });
  });

  it('asks for the workspace when the message names none but speaks of its own resources', () => {
    const route = router.route('is defender cspm enabled on our subscription?');
    expect(route).toMatchObject({ intent: 'check', check: 'defender' });
    expect(route.target).toBeUndefined();
    expect(router.route('is our workspace publicly accessible?')).toMatchObject({ intent: 'check', check: 'public-network' });
  });

  it('keeps how-to phrasing about the same subjects as questions', () => {
    expect(router.route('does our workspace need a private endpoint?').intent).toBe('question');
    expect(router.route('does acr geo-replication need premium').intent).toBe('question');
    expect(router.route('is traffic between the studio and storage encrypted in transit').intent).toBe('question');
  });
});

describe('short questions about one\'s own state run the checks and ask which workspace', () => {
  it.each([
    ['is defender for storage on?', 'defender'],
    ['defender for ai enabled?', 'defender'],
    ["what's my score?", 'all'],
    ['am i compliant', 'all'],
    ['check whether SSH is open on my computes', 'network-security'],
    ['see if ssh is open on our compute instances', 'network-security'],
    ['can our workspace be reached from outside?', 'public-network'],
    ['check my workspace', 'all'],
    ['check our workspace pls', 'all'],
  ])('"%s" → %s, no target', (text, check) => {
    const route = router.route(text);
    expect(route).toMatchObject({ intent: 'check', check });
    expect(route.target).toBeUndefined();
  });

  it('takes no hyphenated verb for a workspace name', () => {
    expect(router.route('does azure geo-replicate the container registry for us?')).toMatchObject({ intent: 'question', questionId: 'BR-01' });
  });

  it('keeps explainers, advice and how-to about the same subjects as questions', () => {
    expect(router.route('what is defender for storage')).toMatchObject({ intent: 'question', questionId: 'defender-for-cloud' });
    expect(router.route('should we turn on defender for key vault?').intent).toBe('question');
    expect(router.route('what is secure score in defender for cloud').intent).toBe('question');
    expect(router.route('how do we raise our secure score').intent).toBe('question');
    expect(router.route('is public network access enabled by default?').intent).toBe('question');
    expect(router.route('check my spelling please').intent).toBe('none');
  });
});

describe('subjects outside the baseline that share its vocabulary', () => {
  it.each([
    'how much does a Standard_NC6 VM cost per hour?',
    'how do I fine-tune a model in azure ml?',
    'how do I reset my azure devops personal access token?',
    'can you review my pull request?',
    'what do you think of aws sagemaker?',
  ])('"%s" is outside what the bot covers, and the reply says what it can do', (text) => {
    const route = router.route(text);
    expect(route.intent).toBe('none');
    expect(route.questionId).toBeUndefined();
    expect(route.answer).toMatch(/outside what I cover/);
    expect(route.answer).toContain('scan sample');
  });

  it('brings an opinion with a security angle back into scope', () => {
    expect(router.route('what do you think is the most secure way to connect the office to the workspace?').intent).toBe('question');
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
    // Links carry the page titles of the front matter.
    expect(route.answer).toMatch(/- [A-Z][^\n]+: https:\/\/learn\.microsoft\.com\//);
  });

  it('answers by explicit id, question or check', () => {
    expect(router.route('NS-04')).toMatchObject({ intent: 'question', questionId: 'NS-04', confidence: 1 });
    expect(router.route('why does aml-net-001 matter?')).toMatchObject({ intent: 'question', questionId: 'AML-NET-001' });
  });

  it('does not guess below the threshold: it offers 2-3 suggestions instead', () => {
    const route = router.route('vnet');
    expect(route.intent).toBe('question');
    expect(route.confidence).toBeLessThan(ONE_TERM_THRESHOLD);
    expect(route.suggestions?.length).toBeGreaterThanOrEqual(2);
    expect(route.suggestions?.length).toBeLessThanOrEqual(3);
    expect(route.answer).toMatch(/not sure/i);
    // A guess is never presented as the answer: no question id beside "not sure".
    expect(route.questionId).toBeUndefined();
  });

  it('answers off-topic messages politely with the list of topics', () => {
    const route = router.route("what's the weather in Paris?");
    expect(route.intent).toBe('none');
    expect(route.answer).toContain('Network Security');
    expect(route.answer).toContain('Backup and Recovery');
  });
});

describe('lab commands: one grammar (parseLabCommand) for routed text', () => {
  it.each([
    ['lab find mlw-MLOps-0001prod', 'find mlw-MLOps-0001prod', { kind: 'find', target: 'mlw-MLOps-0001prod' }],
    ['lab params subscription=' + SUB + ' namespace=MLOps', 'params subscription=' + SUB + ' namespace=MLOps', { kind: 'params', text: 'subscription=' + SUB + ' namespace=MLOps' }],
    ['lab done', 'done', { kind: 'done' }],
    ['lab skip', 'skip', { kind: 'skip' }],
    ['lab back', 'back', { kind: 'back' }],
    ['lab next', 'next', { kind: 'next' }],
    ['lab help', 'help', { kind: 'help' }],
    ['lab reset', 'reset', { kind: 'reset' }],
    ['lab validate 3', 'validate 3', { kind: 'validate', exercise: 3 }],
    ['lab exercise 7', 'exercise 7', { kind: 'goto', exercise: 7 }],
    ['continue lab', 'continue', { kind: 'continue' }],
    ['where am i', 'where am i', { kind: 'continue' }],
    ['lab status', 'status', { kind: 'status' }],
    ['<at>Guardian</at> lab valdiate 3', 'valdiate 3', { kind: 'validate', exercise: 3 }],
    ['@Guardian lab stauts', 'stauts', { kind: 'status' }],
    ["let's start the lab", 'start', { kind: 'start' }],
    ['check my exercise', 'check my exercise', { kind: 'validate' }],
    ['stop the lab', 'stop', { kind: 'pause' }],
    ['lab dance', 'dance', { kind: 'unknown', text: 'dance' }],
    ['show me the lab status', 'status', { kind: 'status' }],
    ['done', 'done', { kind: 'done' }],
    ["I'm done", "I'm done", { kind: 'done' }],
    ['validate', 'validate', { kind: 'validate' }],
    ['hint', 'hint', { kind: 'help' }],
    ['find my workspace', 'find my workspace', { kind: 'find', target: '' }],
  ])('"%s" → lab "%s"', (text, args, command) => {
    const route = router.route(text);
    expect(route).toMatchObject({ intent: 'command', command: 'lab', args });
    expect(parseLabCommand(route.args)).toEqual(command);
  });

  it('routes every command the lab help text lists to a lab command it understands', () => {
    const phrases = [...LAB_COMMANDS_TEXT.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => (m[1] ?? '').replace('‹workspace name›', 'mlw-x').replace(/…/g, 'x'));
    expect(phrases.length).toBeGreaterThanOrEqual(14);
    for (const phrase of phrases) {
      const route = router.route(phrase);
      expect({ phrase, command: route.command }).toEqual({ phrase, command: 'lab' });
      expect({ phrase, kind: parseLabCommand(route.args).kind }).not.toEqual({ phrase, kind: 'unknown' });
    }
  });

  it('leaves questions that mention the lab to the knowledge base', () => {
    expect(router.route('what does exercise 3 of the lab teach?').intent).not.toBe('command');
    expect(router.route('check rbac on mlw-lab-01')).toMatchObject({ intent: 'check', target: 'mlw-lab-01' });
  });
});

describe('Microsoft Entra ID synonyms', () => {
  it.each(['what is AAD', 'what is azure ad', 'what is Microsoft Entra ID?', 'how does entra id protect the workspace', 'azure ad conditional access for data scientists'])('"%s" is answered by the Entra ID topic', (text) => {
    const route = router.route(text);
    expect(route).toMatchObject({ intent: 'question', questionId: 'microsoft-entra-id' });
    expect(route.confidence).toBeGreaterThanOrEqual(ANSWER_THRESHOLD);
  });
});

describe('questions that name no workspace', () => {
  it.each([
    'Does Azure ML support geo-redundancy for disaster recovery?',
    'does azure machine learning offer point-in-time restore for the workspace?',
  ])('"%s" is answered from the baseline, not scanned', (text) => {
    const route = router.route(text);
    expect(route.intent).toBe('question');
    expect(route.target).toBeUndefined();
  });

  it('a plain word after "in" is no workspace: asking about one\'s own storage asks which workspace', () => {
    const route = router.route('is soft delete on for my storage in production?');
    expect(route.intent).toBe('check');
    expect(route.target).toBeUndefined();
  });

  it('a plain name introduced as one is still a target', () => {
    expect(router.route('is public network access off on the workspace called finance?')).toMatchObject({ intent: 'check', target: 'finance' });
  });
});

describe('questions about a named workspace run its checks', () => {
  it.each([
    ['does sample enforce TLS 1.2 on its storage?', 'data-protection', 'sample'],
    ["is sample's storage account public?", 'public-network', 'sample'],
    ["can anyone reach sample's storage from the internet?", 'public-network', 'sample'],
    ['does sample have a managed network?', 'network-security', 'sample'],
    ["what's the isolation mode of sample?", 'network-security', 'sample'],
    ['does sample use a user-assigned identity?', 'identity-management', 'sample'],
    ['does sample use a customer-managed key?', 'data-protection', 'sample'],
    ['what is the minimum TLS version of ws-prod storage?', 'data-protection', 'ws-prod'],
    ['what is my score on sample?', 'all', 'sample'],
    ['how many findings does sample have?', 'all', 'sample'],
    ["is sample:hardened's key vault purge protected?", 'data-protection', 'sample:hardened'],
    ['what identity does mlw-core-01 use for its storage?', 'identity-management', 'mlw-core-01'],
    ["who owns sample's storage?", 'rbac', 'sample'],
    ['does aml-weu-002 have a managed network?', 'network-security', 'aml-weu-002'],
    ['which roles does sample grant to the data scientists?', 'rbac', 'sample'],
    ['how is sample configured for logging?', 'logging-threat-detection', 'sample'],
    ['is sample behind a firewall?', 'network-security', 'sample'],
  ])('"%s" → %s on %s', (text, check, target) => {
    expect(router.route(text)).toMatchObject({ intent: 'check', check, target });
  });

  it.each([
    ['does Azure ML support customer-managed keys?', 'customer-managed-keys'],
    ['what is the minimum TLS version for storage?', 'DP-03'],
    ["what's the isolation mode of a managed network?", 'managed-virtual-network'],
    ['what is the difference of allow-internet-outbound and allow-only-approved-outbound?', 'managed-virtual-network'],
    ['does the sample code use managed identity?', 'managed-identity'],
    ['is sample data encrypted at rest in azure ml?', 'DP-02'],
    ['what does aml-net-001 check on storage?', 'AML-NET-001'],
  ])('"%s" names no workspace and is answered from the baseline (%s)', (text, questionId) => {
    const route = router.route(text);
    expect(route).toMatchObject({ intent: 'question', questionId });
    expect(route.target).toBeUndefined();
  });

  it('takes "sample" before a noun for the English word, not the sample environment', () => {
    const route = router.route('check sample code for secrets');
    expect(route.intent).not.toBe('check');
    expect(route.target).toBeUndefined();
  });

  it('knows every check id of the catalog as an id, so none is taken for a workspace', () => {
    const ids = [...knowledge.checks.keys()];
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => !isBaselineId(id))).toEqual([]);
    expect(isBaselineId('aml-weu-001')).toBe(false);
  });
});

describe('e-mail addresses', () => {
  it.each(['jane@contoso.com', 'bob@fabrikam.com', '<at>Guardian</at> admin@contoso.com', 'contoso.com'])('"%s" alone is not understood as a baseline question', (text) => {
    const route = router.route(text);
    expect(route.intent).toBe('none');
    expect(route.questionId).toBeUndefined();
  });

  it('does not stop a question about a person\'s roles on a named workspace', () => {
    expect(router.route('is jane@contoso.com an owner on ws-prod?')).toMatchObject({ intent: 'check', check: 'rbac', target: 'ws-prod' });
  });
});
