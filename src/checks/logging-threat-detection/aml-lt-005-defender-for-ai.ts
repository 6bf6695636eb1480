/**
 * AML-LT-005 — Defender for AI services is on for the workspace's subscription, when the workspace uses AI services.
 * The plan protects Azure OpenAI and Azure AI services resources, not the workspace: a workspace with no connection
 * to such a service has nothing for it to protect, so the check does not apply there.
 * The AIPromptEvidence extension (prompt and response evidence in alerts) is recorded in evidence, not required:
 * it stores user prompts, which some organisations must not keep.
 */
import type { WorkspaceConnection } from '../../azure/snapshot';
import { defineCheck, sameText, withReads } from '../define';
import { evaluatePlanWhereUsed, type PlanSpec } from '../defender/plans';

export const DEFENDER_FOR_AI: PlanSpec = { plan: 'AI', label: 'Defender for AI services' };

/** Connection categories (workspaceRP.json `ConnectionCategory`) that point at a service the plan protects. */
const AI_SERVICE_CATEGORIES = ['AzureOpenAI', 'AIServices', 'CognitiveService'] as const;

function usesAiServices(connection: WorkspaceConnection): boolean {
  return AI_SERVICE_CATEGORIES.some((category) => sameText(connection.category, category));
}

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
    'Defender for AI services detects prompt injection, jailbreak attempts, credential theft and data leakage against Azure OpenAI and Azure AI services deployments in the subscription. ' +
    'It does not cover Azure ML workspaces or managed online endpoints (Defender CSPM and the Storage, Key Vault, Containers and Resource Manager plans do), so it is asked for only when the workspace connects to Azure OpenAI or Azure AI services (a connection of category AzureOpenAI, AIServices or CognitiveService); ' +
    "without it, attacks on those services raise no alert. The plan is read on the workspace's subscription: a service in another subscription needs the plan there.",
  remediation: {
    portal: ['Defender for Cloud > Environment settings > the subscription that holds the Azure OpenAI or AI services resource > Defender plans.', 'Turn "AI services" On and save.'],
    cli: 'az security pricing create --subscription <subscription-id> -n AI --tier Standard',
    url: 'https://learn.microsoft.com/azure/defender-for-cloud/ai-threat-protection',
  },
  since: '2026.11.0',
  evaluate: (snapshot) =>
    withReads(snapshot.connections, (connections) =>
      evaluatePlanWhereUsed(snapshot, DEFENDER_FOR_AI, {
        users: connections.filter(usesAiServices).map((c) => `${c.name} (${c.category ?? 'no category'})`),
        what: 'connections to Azure OpenAI or Azure AI services',
        whenNone:
          'The workspace has no connection to Azure OpenAI or Azure AI services (category AzureOpenAI, AIServices or CognitiveService), and Defender for AI services protects those services, not the workspace, so it is not asked for here.',
      }),
    ),
});
