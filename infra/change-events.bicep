// Change alerts, push path: an Event Grid system topic on this subscription, an event subscription that sends the
// resource changes under the watched workspaces' scopes to a Storage queue, the queue and its poison queue, and the
// roles each identity needs. Deploy it into a resource group of the watched subscription (one deployment per
// watched subscription); `guardian events <workspace id>` prints the exact parameters and checks the result.
//
//   az deployment group create -g <rg> -f infra/change-events.bicep \
//     -p subjectPrefixes='["/subscriptions/<s>/resourceGroups/<rg-ml>", ...]' botPrincipalId=<object id>
//
// Identities:
//   - the system topic's own identity: Storage Queue Data Message Sender on the queue (it delivers the events);
//   - the bot's managed identity: Storage Queue Data Message Processor on the queue (receive, delete) and
//     Storage Queue Data Message Sender on the poison queue. Scanning and the Activity Log need Reader, as before.
// The storage account takes no shared keys: both identities use Entra ID.

@description('Subject prefixes to deliver: the watched workspaces\' resource groups (and those of their linked resources) and the subscription-level providers above them. At most 25.')
@minLength(1)
@maxLength(25)
param subjectPrefixes array

@description('Object (principal) id of the bot\'s managed identity, which consumes the queue.')
param botPrincipalId string

@description('Name of the queue the bot reads (GUARDIAN_EVENTS_QUEUE); the poison queue is <name>-poison.')
@maxLength(56)
param queueName string = 'guardian-changes'

@description('Storage account holding the queues (new). 3 to 24 lower-case letters and digits.')
@maxLength(24)
param storageAccountName string = 'stgchg${uniqueString(resourceGroup().id)}'

@description('Location of the storage account (the system topic of a subscription is global).')
param location string = resourceGroup().location

@description('Name of the system topic on this subscription. A subscription has at most one system topic of this type: reuse its name if one exists.')
param systemTopicName string = 'guardian-subscription-changes'

var queueMessageProcessor = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '8a0f0c08-91a1-4084-bc3d-661d67233fed')
var queueMessageSender = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a')

resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-01-01' = {
  parent: storage
  name: 'default'
}

resource queue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-01-01' = {
  parent: queueService
  name: queueName
}

resource poisonQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-01-01' = {
  parent: queueService
  name: '${queueName}-poison'
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: systemTopicName
  location: 'global'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: subscription().id
    topicType: 'Microsoft.Resources.Subscriptions'
  }
}

resource topicSendsToQueue 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(queue.id, systemTopic.id, queueMessageSender)
  scope: queue
  properties: {
    roleDefinitionId: queueMessageSender
    principalId: systemTopic.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource botReadsQueue 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(queue.id, botPrincipalId, queueMessageProcessor)
  scope: queue
  properties: {
    roleDefinitionId: queueMessageProcessor
    principalId: botPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource botWritesPoisonQueue 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(poisonQueue.id, botPrincipalId, queueMessageSender)
  scope: poisonQueue
  properties: {
    roleDefinitionId: queueMessageSender
    principalId: botPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource changesToQueue 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = {
  parent: systemTopic
  name: 'guardian-changes-to-queue'
  dependsOn: [
    queue
    topicSendsToQueue
  ]
  properties: {
    deliveryWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      destination: {
        endpointType: 'StorageQueue'
        properties: {
          resourceId: storage.id
          queueName: queueName
          // A day: the scheduled scans cover anything older.
          queueMessageTimeToLiveInSeconds: 86400
        }
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Resources.ResourceWriteSuccess'
        'Microsoft.Resources.ResourceDeleteSuccess'
        'Microsoft.Resources.ResourceActionSuccess'
      ]
      advancedFilters: [
        {
          operatorType: 'StringBeginsWith'
          key: 'subject'
          values: subjectPrefixes
        }
      ]
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

@description('GUARDIAN_EVENTS_QUEUE_URL for the bot.')
output queueServiceUrl string = storage.properties.primaryEndpoints.queue
@description('GUARDIAN_EVENTS_QUEUE for the bot.')
output queueName string = queueName
output systemTopicId string = systemTopic.id
