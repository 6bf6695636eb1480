/**
 * AML-LT-007 — Defender for Storage is on, on the DefenderForStorageV2 sub-plan, with on-upload malware scanning
 * and sensitive data discovery, which is what the cited policy 640d2586 requires. The plan and each extension get
 * separate results: training data uploaded with malware is the ML-specific threat, and "plan on, scanning off" is a
 * common half-configuration. The older per-transaction sub-plans have neither extension.
 */
import { defineCheck } from '../define';
import { evaluateDefenderPlan } from '../defender/plans';

export default defineCheck({
  id: 'AML-LT-007',
  slug: 'aml-lt-007-defender-for-storage',
  title: 'Defender for Storage enabled with malware scanning',
  category: 'logging-threat-detection',
  severity: 'high',
  resourceType: 'Microsoft.Security/pricings',
  mcsb: ['LT-1'],
  policyDefinitionId: '640d2586-54d2-465f-877f-9ffc1d2109f4',
  workshopQuestions: ['LT-01', 'DP-04', 'PV-01'],
  areas: ['defender'],
  risk:
    'The workspace storage holds training data, models and notebooks; Defender for Storage alerts on unusual access and mass download, and malware scanning catches poisoned uploads. ' +
    'Without them, exfiltration and malicious files in training data go unnoticed.',
  remediation: {
    portal: [
      'Defender for Cloud > Environment settings > the subscription > Defender plans.',
      'Turn "Storage" On (the current plan, DefenderForStorageV2), open Settings, enable "On-upload malware scanning" and "Sensitive data threat detection", and save.',
    ],
    cli: 'az security pricing create --subscription <subscription-id> -n StorageAccounts --tier Standard --subplan DefenderForStorageV2 --extensions name=OnUploadMalwareScanning isEnabled=True additionalExtensionProperties=\'{"CapGBPerMonthPerStorageAccount":"5000"}\' --extensions name=SensitiveDataDiscovery isEnabled=True',
    url: 'https://learn.microsoft.com/azure/defender-for-cloud/defender-for-storage-introduction',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return evaluateDefenderPlan(snapshot, {
      plan: 'StorageAccounts',
      label: 'Defender for Storage',
      requiredSubPlan: 'DefenderForStorageV2',
      requiredExtensions: [
        { name: 'OnUploadMalwareScanning', label: 'on-upload malware scanning' },
        { name: 'SensitiveDataDiscovery', label: 'sensitive data discovery' },
      ],
    });
  },
});
