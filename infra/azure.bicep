// The bot's own Azure resources: a user-assigned managed identity (the bot's identity towards the Bot Service
// AND towards Azure Resource Manager for scans), a Linux App Service that runs the bot over HTTPS only, and the
// Azure Bot registration with the Teams channel. No secret is created or stored anywhere: the bot authenticates
// to the Bot Framework with the managed identity (msaAppType UserAssignedMSI).
@maxLength(20)
@minLength(4)
@description('Used to generate names for all resources in this file')
param resourceBaseName string

@description('Location of the App Service and the identity (the Azure Bot itself is global).')
param location string = resourceGroup().location

@description('App Service plan SKU. B1 is the smallest with Always On (needed for scheduled scans).')
param webAppSku string = 'B1'

@maxLength(42)
param botDisplayName string

@description('Subscriptions or resource groups the bot may scan (comma separated resource ids). Empty: only the sample.')
param allowedScopes string = ''

param serverfarmsName string = resourceBaseName
param webAppName string = resourceBaseName
param identityName string = resourceBaseName

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
}

resource serverfarm 'Microsoft.Web/serverfarms@2022-09-01' = {
  name: serverfarmsName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2022-09-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'node dist/index.js'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: [
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'RUNNING_ON_AZURE', value: '1' }
        // Bot Framework identity: the managed identity, so there is no BOT_PASSWORD at all.
        { name: 'BOT_ID', value: identity.properties.clientId }
        { name: 'BOT_TYPE', value: 'UserAssignedMsi' }
        { name: 'BOT_TENANT_ID', value: identity.properties.tenantId }
        // Azure Resource Manager identity for scans (DefaultAzureCredential picks this client id).
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'GUARDIAN_ALLOWED_SCOPES', value: allowedScopes }
        // /home is the App Service's persistent share: the embedded SQLite state survives restarts.
        { name: 'GUARDIAN_STORE', value: 'sqlite' }
        { name: 'GUARDIAN_STATE_DIR', value: '/home/data/guardian' }
      ]
    }
  }
}

// Deployments use Entra ID (the Toolkit's zipDeploy), never the basic-auth publishing credentials.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2022-09-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2022-09-01' = {
  parent: webApp
  name: 'scm'
  properties: {
    allow: false
  }
}

module azureBotRegistration './botRegistration/azurebot.bicep' = {
  name: 'Azure-Bot-registration'
  params: {
    resourceBaseName: resourceBaseName
    identityClientId: identity.properties.clientId
    identityResourceId: identity.id
    identityTenantId: identity.properties.tenantId
    botAppDomain: webApp.properties.defaultHostName
    botDisplayName: botDisplayName
  }
}

// The Toolkit writes these outputs to env/.env.<env> (upper-case names).
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
