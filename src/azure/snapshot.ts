/**
 * The immutable picture of one AML workspace and everything around it, as the collectors read it.
 *
 * These are our own parsed shapes, not the SDK models: collectors parse ARM payloads at the edge so that
 * no `any` (and no SDK-version quirk such as a dropped property) reaches the checks. Every optional
 * property is `undefined` when ARM did not return it; checks decide whether "absent" means insecure.
 */

/** Why a read failed, in words a user can act on. */
export type ReadErrorKind =
  | 'unauthenticated' // 401, or no credential at all
  | 'forbidden' // 403: the identity lacks a permission
  | 'not_found' // 404: the resource (or its parent) does not exist
  | 'throttled' // 429 after retries
  | 'timeout' // the read or the whole scan ran out of time
  | 'server' // 5xx after retries
  | 'network' // connection refused, TLS, DNS
  | 'invalid' // the payload could not be parsed
  | 'skipped'; // not requested: the scan's selected checks do not need it (never reaches a finding)

export interface ReadError {
  readonly kind: ReadErrorKind;
  /** HTTP status when there was one. */
  readonly status?: number;
  /** ARM error code, e.g. `AuthorizationFailed`. */
  readonly code?: string;
  /** One sentence for people, e.g. "needs Microsoft.Authorization/roleAssignments/read on /subscriptions/…". */
  readonly message: string;
  /** The ARM action that would have allowed the read, e.g. `Microsoft.Storage/storageAccounts/read`. */
  readonly requiredAction?: string;
  /** For `throttled`: how long ARM asked to wait (its Retry-After), when it said. */
  readonly retryAfterSeconds?: number;
  /** The resource or scope the read was about. */
  readonly resourceId: string;
}

/** A read's outcome: the value, or why it could not be had. Never a silent gap. */
export type Collected<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ReadError };

/** A linked resource: `value: null` means the workspace names none (e.g. no container registry yet). */
export type Linked<T> = Collected<T | null>;

export interface PrivateEndpointConnection {
  readonly id: string;
  /** `Approved`, `Pending`, `Rejected`, `Disconnected`. */
  readonly status: string | undefined;
}

export interface ManagedIdentity {
  /** `None`, `SystemAssigned`, `UserAssigned`, `SystemAssigned,UserAssigned`. */
  readonly type: string;
  readonly principalId: string | undefined;
  readonly tenantId: string | undefined;
  /** Resource ids of the user-assigned identities, with their principal ids when known. */
  readonly userAssigned: readonly { readonly resourceId: string; readonly principalId: string | undefined }[];
}

export interface Workspace {
  readonly id: string;
  readonly name: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly location: string;
  /** `Default`, `Hub`, `Project`, `FeatureStore`. */
  readonly kind: string | undefined;
  readonly tags: Readonly<Record<string, string>>;
  readonly identity: ManagedIdentity | undefined;
  readonly primaryUserAssignedIdentity: string | undefined;
  /** `Enabled` | `Disabled`; undefined means ARM did not say (the service default is Enabled). */
  readonly publicNetworkAccess: string | undefined;
  readonly allowPublicAccessWhenBehindVnet: boolean | undefined;
  readonly privateEndpointConnections: readonly PrivateEndpointConnection[];
  /** `Disabled`, `AllowInternetOutbound`, `AllowOnlyApprovedOutbound`; undefined when ARM returned no managedNetwork. */
  readonly managedNetworkIsolationMode: string | undefined;
  readonly managedNetworkFirewallSku: string | undefined;
  readonly encryption: {
    /** `Enabled` when a customer-managed key is used. */
    readonly status: string | undefined;
    readonly keyIdentifier: string | undefined;
    readonly keyVaultArmId: string | undefined;
  };
  readonly hbiWorkspace: boolean | undefined;
  /** `accessKey` | `identity`. */
  readonly systemDatastoresAuthMode: string | undefined;
  readonly v1LegacyMode: boolean | undefined;
  readonly imageBuildCompute: string | undefined;
  readonly storageAccountId: string | undefined;
  readonly keyVaultId: string | undefined;
  readonly containerRegistryId: string | undefined;
  readonly applicationInsightsId: string | undefined;
}

/** `properties.networkAcls` of a workspace (2025-07-01-preview and later): "Enabled from selected IP addresses". */
export interface WorkspaceNetworkAcls {
  /** `Allow` | `Deny`. */
  readonly defaultAction: string | undefined;
  /** `ipRules[].value`: IPv4 addresses or CIDR ranges. */
  readonly ipRules: readonly string[];
}

export interface WorkspacePreviewSettings {
  /** undefined when the body has no networkAcls (public access, when on, is then open to every address). */
  readonly networkAcls: WorkspaceNetworkAcls | undefined;
  /** undefined means the service default (14 days). */
  readonly softDeleteRetentionInDays: number | undefined;
}

export interface Compute {
  readonly id: string;
  readonly name: string;
  /** `ComputeInstance`, `AmlCompute`, `Kubernetes`, `AKS`, … */
  readonly computeType: string;
  readonly disableLocalAuth: boolean | undefined;
  readonly subnetId: string | undefined;
  readonly enableNodePublicIp: boolean | undefined;
  /** AmlCompute: `Enabled` | `Disabled` | `NotSpecified`. */
  readonly remoteLoginPortPublicAccess: string | undefined;
  /** ComputeInstance: `Enabled` | `Disabled`. */
  readonly sshPublicAccess: string | undefined;
  /**
   * ComputeInstance idle shutdown, ISO-8601 duration such as `PT30M`. Not in the stable contract (2025-09-01
   * defines it only for the updateIdleShutdownSetting action); the service returns it in the compute body when set.
   */
  readonly idleTimeBeforeShutdown: string | undefined;
  readonly isLatestOsImageVersion: boolean | undefined;
  readonly osImageVersion: string | undefined;
  readonly minNodeCount: number | undefined;
  readonly maxNodeCount: number | undefined;
  readonly identityType: string | undefined;
  /** ComputeInstance: `Personal` | `Shared`. */
  readonly authorizationType: string | undefined;
}

export interface OnlineEndpoint {
  readonly id: string;
  readonly name: string;
  /** `AADToken` | `AMLToken` | `Key`. */
  readonly authMode: string | undefined;
  readonly publicNetworkAccess: string | undefined;
  readonly identityType: string | undefined;
  /** The attached Kubernetes compute the endpoint runs on; absent for managed endpoints. */
  readonly compute: string | undefined;
}

export interface OnlineDeployment {
  readonly id: string;
  readonly name: string;
  readonly endpointName: string;
  /** `Managed` | `Kubernetes` | `AzureMLCompute` (the spec's discriminator). */
  readonly endpointComputeType: string | undefined;
  readonly egressPublicNetworkAccess: string | undefined;
  readonly modelId: string | undefined;
}

export interface Datastore {
  readonly id: string;
  readonly name: string;
  /** `AzureBlob`, `AzureDataLakeGen2`, `AzureFile`, `OneLake`, … */
  readonly datastoreType: string;
  /** `None` (identity), `AccountKey`, `Sas`, `ServicePrincipal`, `Certificate`. */
  readonly credentialsType: string | undefined;
  readonly isDefault: boolean;
}

export interface WorkspaceConnection {
  readonly id: string;
  readonly name: string;
  readonly category: string | undefined;
  /** `AAD`, `ManagedIdentity`, `PAT`, `ApiKey`, `AccessKey`, `UsernamePassword`, `None`, … */
  readonly authType: string | undefined;
  readonly target: string | undefined;
  readonly isSharedToAll: boolean | undefined;
}

export interface OutboundRule {
  readonly name: string;
  /** `FQDN`, `ServiceTag`, `PrivateEndpoint`. */
  readonly type: string;
  /** `Required`, `Recommended`, `UserDefined`, `Dependency`. */
  readonly category: string | undefined;
  readonly status: string | undefined;
  /** FQDN text, service tag name (+ ports), or the private endpoint's target resource id. */
  readonly destination: string;
}

export interface MlRegistry {
  readonly id: string;
  readonly name: string;
  readonly publicNetworkAccess: string | undefined;
}

export interface NetworkAcls {
  /** `Allow` | `Deny`. */
  readonly defaultAction: string | undefined;
  readonly bypass: string | undefined;
  readonly ipRules: readonly string[];
  readonly virtualNetworkRules: readonly string[];
}

export interface StorageAccount {
  readonly id: string;
  readonly name: string;
  readonly kind: string | undefined;
  readonly sku: string | undefined;
  readonly publicNetworkAccess: string | undefined;
  readonly networkAcls: NetworkAcls | undefined;
  readonly privateEndpointConnections: readonly PrivateEndpointConnection[];
  readonly allowSharedKeyAccess: boolean | undefined;
  readonly allowBlobPublicAccess: boolean | undefined;
  readonly supportsHttpsTrafficOnly: boolean | undefined;
  readonly minimumTlsVersion: string | undefined;
  readonly allowCrossTenantReplication: boolean | undefined;
  readonly defaultToOAuthAuthentication: boolean | undefined;
  /** `Microsoft.Storage` | `Microsoft.Keyvault`. */
  readonly encryptionKeySource: string | undefined;
  readonly requireInfrastructureEncryption: boolean | undefined;
  /** Geo-redundancy from the SKU (`Standard_GRS`, `Standard_RAGZRS`, …). */
  readonly geoRedundant: boolean | undefined;
}

export interface BlobServiceProperties {
  readonly deleteRetentionEnabled: boolean | undefined;
  readonly deleteRetentionDays: number | undefined;
  readonly containerDeleteRetentionEnabled: boolean | undefined;
  readonly containerDeleteRetentionDays: number | undefined;
  readonly versioningEnabled: boolean | undefined;
}

export interface KeyVaultAccessPolicy {
  readonly objectId: string;
  readonly keys: readonly string[];
  readonly secrets: readonly string[];
  readonly certificates: readonly string[];
}

export interface KeyVault {
  readonly id: string;
  readonly name: string;
  readonly sku: string | undefined;
  readonly publicNetworkAccess: string | undefined;
  readonly networkAcls: NetworkAcls | undefined;
  readonly privateEndpointConnections: readonly PrivateEndpointConnection[];
  readonly enableSoftDelete: boolean | undefined;
  readonly softDeleteRetentionInDays: number | undefined;
  readonly enablePurgeProtection: boolean | undefined;
  readonly enableRbacAuthorization: boolean | undefined;
  readonly accessPolicies: readonly KeyVaultAccessPolicy[];
}

/** The workspace's customer-managed key, read from the vault's ARM key resource. */
export interface CmkKey {
  readonly id: string;
  readonly name: string;
  /** Expiry as epoch seconds, when set. */
  readonly expires: number | undefined;
  readonly rotationEnabled: boolean;
  readonly rotateAfter: string | undefined;
}

export interface ContainerRegistry {
  readonly id: string;
  readonly name: string;
  /** `Basic` | `Standard` | `Premium`. */
  readonly sku: string | undefined;
  readonly adminUserEnabled: boolean | undefined;
  readonly anonymousPullEnabled: boolean | undefined;
  readonly publicNetworkAccess: string | undefined;
  /** `networkRuleSet.defaultAction`; network rules take effect only on the Premium SKU. */
  readonly networkDefaultAction: string | undefined;
  /** `networkRuleSet.ipRules[].value`: IPv4 addresses or CIDR ranges. */
  readonly networkIpRules: readonly string[];
  readonly privateEndpointConnections: readonly PrivateEndpointConnection[];
  /** `enabled` | `disabled` (lower-case in ARM). */
  readonly exportPolicyStatus: string | undefined;
  readonly quarantinePolicyStatus: string | undefined;
  readonly trustPolicyStatus: string | undefined;
  readonly softDeletePolicyStatus: string | undefined;
  readonly retentionPolicyStatus: string | undefined;
  readonly encryptionStatus: string | undefined;
  readonly zoneRedundancy: string | undefined;
}

export interface ApplicationInsights {
  readonly id: string;
  readonly name: string;
  readonly publicNetworkAccessForIngestion: string | undefined;
  readonly publicNetworkAccessForQuery: string | undefined;
  readonly disableLocalAuth: boolean | undefined;
  readonly workspaceResourceId: string | undefined;
}

export interface DiagnosticSetting {
  readonly id: string;
  readonly name: string;
  readonly logs: readonly { readonly category: string | undefined; readonly categoryGroup: string | undefined; readonly enabled: boolean }[];
  readonly workspaceId: string | undefined;
  readonly storageAccountId: string | undefined;
  readonly eventHubAuthorizationRuleId: string | undefined;
}

export interface RoleAssignment {
  readonly id: string;
  readonly scope: string;
  /** Full id `/subscriptions/…/providers/Microsoft.Authorization/roleDefinitions/<guid>`. */
  readonly roleDefinitionId: string;
  readonly principalId: string;
  /** `User`, `Group`, `ServicePrincipal`, `ForeignGroup`, `Device`. */
  readonly principalType: string | undefined;
  readonly condition: string | undefined;
}

export interface RoleDefinition {
  readonly id: string;
  /** The role's GUID (the last segment of its id). */
  readonly name: string;
  readonly roleName: string;
  /** `BuiltInRole` | `CustomRole`. */
  readonly roleType: string;
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly dataActions: readonly string[];
  readonly assignableScopes: readonly string[];
}

export interface DefenderPlan {
  /** `CloudPosture`, `AI`, `StorageAccounts`, `KeyVaults`, `Containers`, `Arm`, `VirtualMachines`, … */
  readonly name: string;
  /** `Free` | `Standard`. */
  readonly pricingTier: string;
  readonly subPlan: string | undefined;
  readonly extensions: readonly { readonly name: string; readonly isEnabled: boolean }[];
  readonly deprecated: boolean | undefined;
}

export interface SecurityConnector {
  readonly id: string;
  readonly name: string;
  /** `AzureDevOps`, `Github`, `GitLab`, `AWS`, `GCP`. */
  readonly environmentName: string;
}

export interface SecurityAssessment {
  /** `{resourceId}/providers/Microsoft.Security/assessments/{assessment key}`: the key survives display-name changes. */
  readonly id: string;
  /** The resource the recommendation is about. */
  readonly resourceId: string;
  readonly displayName: string;
  /** `Healthy` | `Unhealthy` | `NotApplicable`. */
  readonly statusCode: string;
  readonly severity: string | undefined;
}

export interface PolicyAssignment {
  readonly id: string;
  readonly name: string;
  readonly displayName: string | undefined;
  readonly policyDefinitionId: string;
  readonly scope: string;
  /** Scopes below `scope` the assignment excludes (ARM `notScopes`; empty when absent). */
  readonly notScopes: readonly string[];
  /** `Default` | `DoNotEnforce`. */
  readonly enforcementMode: string | undefined;
  /** Parameter values, flattened to JSON-compatible values. */
  readonly parameters: Readonly<Record<string, unknown>>;
}

export interface PolicyState {
  readonly resourceId: string;
  readonly policyAssignmentId: string;
  readonly policyDefinitionId: string;
  /** `Compliant` | `NonCompliant` | `Unknown` | `Exempt`. */
  readonly complianceState: string;
}

/** Role assignments that apply at a scope (inherited ones included), read per scope. */
export interface RoleAssignmentsByScope {
  readonly workspace: Collected<readonly RoleAssignment[]>;
  readonly storageAccount: Linked<readonly RoleAssignment[]>;
  readonly keyVault: Linked<readonly RoleAssignment[]>;
  readonly containerRegistry: Linked<readonly RoleAssignment[]>;
}

export interface WorkspaceSnapshot {
  /** When the collection started (ISO-8601). */
  readonly collectedAt: string;
  readonly workspaceId: string;
  readonly workspace: Collected<Workspace>;
  /**
   * What only a preview api-version of the workspace defines (API_VERSIONS.workspacePreview in reads.ts): the
   * inbound IP rules and the soft-delete retention. Its own read, so that only the checks that need it pay for
   * it, and its failure costs only them.
   */
  readonly workspacePreview: Collected<WorkspacePreviewSettings>;
  readonly computes: Collected<readonly Compute[]>;
  readonly onlineEndpoints: Collected<readonly OnlineEndpoint[]>;
  readonly onlineDeployments: Collected<readonly OnlineDeployment[]>;
  readonly datastores: Collected<readonly Datastore[]>;
  readonly connections: Collected<readonly WorkspaceConnection[]>;
  readonly outboundRules: Collected<readonly OutboundRule[]>;
  /** AML registries in the workspace's subscription; registries in other subscriptions are not read. */
  readonly mlRegistries: Collected<readonly MlRegistry[]>;
  readonly storageAccount: Linked<StorageAccount>;
  readonly blobService: Linked<BlobServiceProperties>;
  readonly keyVault: Linked<KeyVault>;
  /** The CMK key when the workspace uses one; `value: null` when it does not. */
  readonly cmkKey: Linked<CmkKey>;
  readonly containerRegistry: Linked<ContainerRegistry>;
  readonly applicationInsights: Linked<ApplicationInsights>;
  readonly diagnostics: {
    readonly workspace: Collected<readonly DiagnosticSetting[]>;
    readonly keyVault: Linked<readonly DiagnosticSetting[]>;
    /** Per online endpoint id. */
    readonly onlineEndpoints: Collected<Readonly<Record<string, readonly DiagnosticSetting[]>>>;
    /** The subscription's activity log export. */
    readonly subscription: Collected<readonly DiagnosticSetting[]>;
  };
  readonly roleAssignments: RoleAssignmentsByScope;
  /** Built-in and custom role definitions visible at the subscription. */
  readonly roleDefinitions: Collected<readonly RoleDefinition[]>;
  readonly defenderPlans: Collected<readonly DefenderPlan[]>;
  readonly securityConnectors: Collected<readonly SecurityConnector[]>;
  /** Defender for Cloud recommendations on the resources of the workspace's resource group and on its linked resources. */
  readonly assessments: Collected<readonly SecurityAssessment[]>;
  /** Policy assignments that apply at the workspace (inherited ones included). */
  readonly policyAssignments: Collected<readonly PolicyAssignment[]>;
  /** Latest policy compliance states for the resource group's resources. */
  readonly policyStates: Collected<readonly PolicyState[]>;
}
