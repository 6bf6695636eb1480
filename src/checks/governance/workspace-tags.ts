/**
 * Tags that say who owns a workspace and how sensitive its data is. Tag keys are matched case-insensitively
 * and with `-`, `_`, `.` and spaces ignored, so `Owner`, `data-classification` and `Data_Classification` all count.
 *
 * Accepted ownership keys: owner, owners, ownedby, businessowner, technicalowner, dataowner, team, ownerteam, contact.
 * Accepted data-classification keys: dataclassification, classification, datasensitivity, sensitivity,
 * confidentiality, informationclassification.
 */
import type { Workspace } from '../../azure/snapshot';

export const OWNER_TAG_KEYS = ['owner', 'owners', 'ownedby', 'businessowner', 'technicalowner', 'dataowner', 'team', 'ownerteam', 'contact'] as const;
export const CLASSIFICATION_TAG_KEYS = [
  'dataclassification',
  'classification',
  'datasensitivity',
  'sensitivity',
  'confidentiality',
  'informationclassification',
] as const;

/** Classification values that mean "this workspace holds sensitive or regulated data" (normalised like keys). */
const SENSITIVE_VALUES = new Set([
  'confidential',
  'highlyconfidential',
  'restricted',
  'secret',
  'topsecret',
  'sensitive',
  'highlysensitive',
  'hbi',
  'highbusinessimpact',
  'high',
  'pii',
  'phi',
  'pci',
  'regulated',
]);

function normalise(text: string): string {
  return text.toLowerCase().replace(/[-_.\s]/g, '');
}

/** The first tag whose normalised key is one of `keys` and whose value is not blank. */
export function findTag(tags: Readonly<Record<string, string>>, keys: readonly string[]): { key: string; value: string } | undefined {
  for (const [key, value] of Object.entries(tags)) {
    if (keys.includes(normalise(key)) && value.trim() !== '') return { key, value };
  }
  return undefined;
}

/** The workspace's data-classification tag, when it declares sensitive data. */
export function sensitiveClassification(workspace: Workspace): { key: string; value: string } | undefined {
  const tag = findTag(workspace.tags, CLASSIFICATION_TAG_KEYS);
  return tag !== undefined && SENSITIVE_VALUES.has(normalise(tag.value)) ? tag : undefined;
}
