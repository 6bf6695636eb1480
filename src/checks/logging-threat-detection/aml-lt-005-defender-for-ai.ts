/**
 * AML-LT-005 — Defender for AI services is on for the workspace's subscription.
 * The AIPromptEvidence extension (prompt and response evidence in alerts) is recorded in evidence, not required:
 * it stores user prompts, which some organisations must not keep.
 */
import { defineCheck } from '../define';
import { evaluateDefenderPlan } from '../defender/plans';

export default defineCheck({
  id: 'AML-LT-005',
  slug: 'aml-lt-005-defender-for-ai',
  title: 'Defender for AI services enabled',
  category: 'logging-threat-detection',
  severity: 'medium',
  resourceType: 'Microsoft.Security/pricings',
  mcsb: ['LT-1'],
  policyDefinitionId: 'c2c0c6d8-007b-4a48-8d9b-3539bddd8e87',
  workshopQuestions: ['LT-01'],
  areas: ['defender'],
  risk:
    'Defender for AI services detects prompt injection, jailbreak attempts, credential theft and data leakage against Azure OpenAI and Azure AI model inference deployments in the subscription. ' +
    'It does not cover Azure ML workspaces or managed online endpoints (Defender CSPM and the Storage, Key Vault, Containers and Resource Manager plans do); without it, attacks on the AI services the workspace\'s applications call raise no alert.',
  remediation: {
    portal: ['Defender for Cloud > Environment settings > the subscription > Defender plans.', 'Turn "AI services" On and save.'],
    cli: 'az security pricing create --subscription <subscription-id> -n AI --tier Standard',
    url: 'https://learn.microsoft.com/azure/defender-for-cloud/ai-threat-protection',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return evaluateDefenderPlan(snapshot, { plan: 'AI', label: 'Defender for AI services' });
  },
});
