/**
 * Built-in Azure role definition GUIDs. They are the same in every tenant, so they let the RBAC checks name a
 * role even when the identity could not read `roleDefinitions` (the snapshot's list is preferred when present).
 */
export const BUILT_IN_ROLE_IDS = {
  owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  userAccessAdministrator: '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
  rbacAdministrator: 'f58310d9-a9f6-439a-9e8d-f62e7b41a168',
  amlDataScientist: 'f6c7c914-8db3-469d-8ca1-694a8f32e121',
  amlComputeOperator: 'e503ece1-11d0-4e8e-8e2c-7a6c3bf38815',
  amlRegistryUser: '1823dd4f-9b8c-4ab6-ab4e-7397a3684615',
  azureAiAdministrator: 'b78c5d69-af96-48a3-bf8d-a8b4d589de94',
  azureAiDeveloper: '64702f94-c441-49e6-a78b-ef80e0188fee',
  storageAccountContributor: '17d1049b-9a84-46fb-8f53-869881c3d3ab',
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b',
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
  storageBlobDataReader: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1',
  storageFileDataPrivilegedContributor: '69566ab7-960f-475b-8e7c-b3118f30c6bd',
  keyVaultAdministrator: '00482a5a-887f-4fb3-b363-3b7fe8e74483',
  keyVaultContributor: 'f25e0fa2-a7c8-4377-a976-54943a77a395',
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7',
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6',
  keyVaultCryptoOfficer: '14b46e9e-c2b7-41b4-b07b-48a6ebf60603',
  keyVaultCryptoServiceEncryptionUser: 'e147488a-f6f5-4113-8e2d-b22465e65bf6',
  acrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d',
  acrPush: '8311e382-0749-4cb8-b61a-304f252e45ec',
  managedIdentityOperator: 'f1a07417-d97a-45cb-824c-7a7467783830',
} as const;

export type BuiltInRoleKey = keyof typeof BUILT_IN_ROLE_IDS;

/** GUID → display name, for the fallback when role definitions could not be read. */
export const BUILT_IN_ROLE_NAMES: Readonly<Record<string, string>> = {
  [BUILT_IN_ROLE_IDS.owner]: 'Owner',
  [BUILT_IN_ROLE_IDS.contributor]: 'Contributor',
  [BUILT_IN_ROLE_IDS.reader]: 'Reader',
  [BUILT_IN_ROLE_IDS.userAccessAdministrator]: 'User Access Administrator',
  [BUILT_IN_ROLE_IDS.rbacAdministrator]: 'Role Based Access Control Administrator',
  [BUILT_IN_ROLE_IDS.amlDataScientist]: 'AzureML Data Scientist',
  [BUILT_IN_ROLE_IDS.amlComputeOperator]: 'AzureML Compute Operator',
  [BUILT_IN_ROLE_IDS.amlRegistryUser]: 'AzureML Registry User',
  [BUILT_IN_ROLE_IDS.azureAiAdministrator]: 'Azure AI Administrator',
  [BUILT_IN_ROLE_IDS.azureAiDeveloper]: 'Azure AI Developer',
  [BUILT_IN_ROLE_IDS.storageAccountContributor]: 'Storage Account Contributor',
  [BUILT_IN_ROLE_IDS.storageBlobDataOwner]: 'Storage Blob Data Owner',
  [BUILT_IN_ROLE_IDS.storageBlobDataContributor]: 'Storage Blob Data Contributor',
  [BUILT_IN_ROLE_IDS.storageBlobDataReader]: 'Storage Blob Data Reader',
  [BUILT_IN_ROLE_IDS.storageFileDataPrivilegedContributor]: 'Storage File Data Privileged Contributor',
  [BUILT_IN_ROLE_IDS.keyVaultAdministrator]: 'Key Vault Administrator',
  [BUILT_IN_ROLE_IDS.keyVaultContributor]: 'Key Vault Contributor',
  [BUILT_IN_ROLE_IDS.keyVaultSecretsOfficer]: 'Key Vault Secrets Officer',
  [BUILT_IN_ROLE_IDS.keyVaultSecretsUser]: 'Key Vault Secrets User',
  [BUILT_IN_ROLE_IDS.keyVaultCryptoOfficer]: 'Key Vault Crypto Officer',
  [BUILT_IN_ROLE_IDS.keyVaultCryptoServiceEncryptionUser]: 'Key Vault Crypto Service Encryption User',
  [BUILT_IN_ROLE_IDS.acrPull]: 'AcrPull',
  [BUILT_IN_ROLE_IDS.acrPush]: 'AcrPush',
  [BUILT_IN_ROLE_IDS.managedIdentityOperator]: 'Managed Identity Operator',
};

/** Roles that can take over a scope: full control, or the right to grant any role (and so any access). */
export const TAKEOVER_ROLE_IDS: ReadonlySet<string> = new Set([
  BUILT_IN_ROLE_IDS.owner,
  BUILT_IN_ROLE_IDS.userAccessAdministrator,
  BUILT_IN_ROLE_IDS.rbacAdministrator,
]);

/** Roles that change or take over resources at a scope (takeover roles plus Contributor). */
export const PRIVILEGED_ROLE_IDS: ReadonlySet<string> = new Set([...TAKEOVER_ROLE_IDS, BUILT_IN_ROLE_IDS.contributor]);
