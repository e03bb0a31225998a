import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/rotation/azure-local-auth.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';

const TF = 'infra/main.tf';
const ARM = 'arm/azuredeploy.json';
const res = (type: string, name: string, body = ''): string =>
  `resource "${type}" "${name}" {\n  name                = "${name}1"\n  resource_group_name = "rg"\n  location            = "westeurope"\n${body}}\n`;
const acr = (body = ''): string => res('azurerm_container_registry', 'acr', `  sku = "Standard"\n${body}`);
const aks = (body = ''): string =>
  res(
    'azurerm_kubernetes_cluster',
    'aks',
    `  dns_prefix = "aks1"\n\n  default_node_pool {\n    name       = "default"\n    node_count = 1\n    vm_size    = "Standard_D2_v2"\n  }\n\n  identity {\n    type = "SystemAssigned"\n  }\n${body}`,
  );
const cosmos = (body = ''): string =>
  res(
    'azurerm_cosmosdb_account',
    'db',
    `  offer_type = "Standard"\n${body}\n  consistency_policy {\n    consistency_level = "Session"\n  }\n\n  geo_location {\n    location          = "westeurope"\n    failover_priority = 0\n  }\n`,
  );
const sb = (body = ''): string => res('azurerm_servicebus_namespace', 'bus', `  sku = "Standard"\n${body}`);
const eh = (body = ''): string => res('azurerm_eventhub_namespace', 'hub', `  sku = "Standard"\n${body}`);
const search = (body = ''): string => res('azurerm_search_service', 'search', `  sku = "standard"\n${body}`);
const cog = (body = ''): string => res('azurerm_cognitive_account', 'openai', `  kind     = "OpenAI"\n  sku_name = "S0"\n${body}`);
const appconf = (body = ''): string => res('azurerm_app_configuration', 'conf', body);
const arm = (type: string, properties: string, extra = ''): string =>
  `{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "parameters": {\n    "disableLocal": { "type": "bool", "defaultValue": true },\n    "keepLocal": { "type": "bool", "defaultValue": false },\n    "choice": { "type": "bool" }\n  },\n  "resources": [\n    {\n      "type": "${type}",\n      "apiVersion": "2024-01-01",\n      "name": "res1",\n      "location": "westeurope",${extra}\n      "properties": ${properties}\n    }\n  ]\n}\n`;

ruleTester(rule, {
  valid: [
    { code: acr(), path: TF, name: 'ACR admin user off by default' },
    { code: acr('  admin_enabled = false\n'), path: TF },
    { code: `variable "admin" {\n  default = false\n}\n${acr('  admin_enabled = var.admin\n')}`, path: TF, name: 'ACR admin from a variable defaulting to false' },
    { code: aks('  local_account_disabled = true\n'), path: TF },
    { code: `locals {\n  no_local = true\n}\n${aks('  local_account_disabled = local.no_local\n')}`, path: TF, name: 'AKS local accounts off through a local' },
    { code: cosmos('  local_authentication_enabled = false\n'), path: TF },
    { code: cosmos('  local_authentication_disabled = true\n'), path: TF, name: 'the deprecated 4.x Cosmos DB spelling' },
    { code: cosmos('  kind = "MongoDB"\n'), path: TF, name: 'Cosmos DB for MongoDB: the setting is SQL API only' },
    { code: cosmos('  capabilities {\n    name = "EnableCassandra"\n  }\n'), path: TF, name: 'Cosmos DB for Apache Cassandra' },
    {
      code: cosmos('  dynamic "capabilities" {\n    for_each = var.cassandra ? [1] : []\n    content {\n      name = "EnableCassandra"\n    }\n  }\n'),
      path: TF,
      name: 'Cosmos DB with a dynamic Cassandra capability',
    },
    { code: sb('  local_auth_enabled = false\n'), path: TF },
    { code: sb('  local_auth_enabled = "false"\n'), path: TF, name: 'a string false' },
    { code: `variable "sas" {\n  type    = bool\n  default = false\n}\n${sb('  local_auth_enabled = var.sas\n')}`, path: TF, name: 'Service Bus from a variable defaulting to false' },
    { code: eh('  local_authentication_enabled = false\n'), path: TF },
    { code: search('  local_authentication_enabled = false\n'), path: TF },
    { code: cog('  local_auth_enabled = false\n'), path: TF },
    { code: res('azurerm_ai_services', 'ai', '  sku_name = "S0"\n  local_authentication_enabled = false\n'), path: TF },
    { code: appconf('  local_auth_enabled = false\n'), path: TF },
    { code: res('azurerm_signalr_service', 'sig', '  local_auth_enabled = false\n'), path: TF },
    { code: res('azurerm_web_pubsub', 'wps', '  local_auth_enabled = false\n'), path: TF },
    { code: res('azurerm_web_pubsub_socketio', 'sio', '  local_auth_enabled = false\n'), path: TF },
    { code: res('azurerm_storage_account', 'st', '  account_tier = "Standard"\n'), path: TF, name: 'storage accounts belong to azure-storage-sas-expiry' },
    { code: res('azurerm_kubernetes_cluster_node_pool', 'pool', '  vm_size = "Standard_D2_v2"\n'), path: TF, name: 'a node pool is not a cluster' },
    { code: res('azurerm_servicebus_queue', 'q', '  namespace_id = azurerm_servicebus_namespace.bus.id\n'), path: TF, name: 'an unrelated Service Bus resource' },
    { code: 'data "azurerm_container_registry" "acr" {\n  name                = "acr1"\n  resource_group_name = "rg"\n}\n', path: TF, name: 'a data source' },
    { code: '# azurerm_servicebus_namespace keeps SAS keys on by default\n', path: 'README.md' },
    {
      code: '{\n  "name": "azurerm_servicebus_namespace",\n  "resources": [{ "type": "Microsoft.ServiceBus/namespaces", "note": "docs" }],\n  "version": "1.0.0"\n}\n',
      path: 'package.json',
      name: 'a JSON file that is not an ARM template',
    },
    { code: arm('Microsoft.ContainerRegistry/registries', '{ "adminUserEnabled": false }'), path: ARM },
    { code: arm('Microsoft.ContainerRegistry/registries', '{}'), path: ARM, name: 'ARM registry: admin user off by default' },
    { code: arm('Microsoft.ContainerService/managedClusters', '{ "disableLocalAccounts": true, "aadProfile": { "managed": true, "enableAzureRBAC": true } }'), path: ARM },
    { code: arm('Microsoft.ServiceBus/namespaces', '{ "disableLocalAuth": true }'), path: ARM },
    { code: arm('Microsoft.EventHub/namespaces', '{ "DisableLocalAuth": "true" }'), path: ARM, name: 'property name in another case, string true' },
    { code: arm('Microsoft.Search/searchServices', `{ "disableLocalAuth": "[parameters('disableLocal')]" }`), path: ARM, name: 'a parameter defaulting to true' },
    { code: arm('Microsoft.DocumentDB/databaseAccounts', '{ "databaseAccountOfferType": "Standard" }', '\n      "kind": "MongoDB",'), path: ARM, name: 'ARM Cosmos DB for MongoDB' },
    { code: arm('Microsoft.Storage/storageAccounts', '{ "allowSharedKeyAccess": true }'), path: ARM, name: 'ARM storage account without a SAS policy (azure-storage-sas-expiry reports it)' },
    {
      code: arm('Microsoft.Storage/storageAccounts', '{ "allowSharedKeyAccess": false, "sasPolicy": { "sasExpirationPeriod": "1.00:00:00" } }'),
      path: ARM,
      name: 'ARM storage account, Shared Key off',
    },
    {
      code: res('azurerm_storage_account', 'st', '  shared_access_key_enabled = false\n  sas_policy {\n    expiration_period = "1.00:00:00"\n  }\n'),
      path: TF,
      name: 'storage account with Shared Key off',
    },
    { code: res('azurerm_eventgrid_topic', 'topic', '  local_auth_enabled = false\n'), path: TF },
    { code: res('azurerm_eventgrid_domain', 'domain', '  local_auth_enabled = false\n'), path: TF },
    { code: res('azurerm_eventgrid_system_topic', 'sys', '  topic_type = "Microsoft.Storage.StorageAccounts"\n'), path: TF, name: 'a system topic has no keys' },
    { code: res('azurerm_machine_learning_compute_cluster', 'cc', '  vm_size = "STANDARD_DS2_V2"\n  local_auth_enabled = false\n'), path: TF },
    { code: res('azurerm_machine_learning_compute_instance', 'ci', '  virtual_machine_size = "STANDARD_DS2_V2"\n  local_auth_enabled = false\n'), path: TF },
    { code: arm('Microsoft.EventGrid/topics', '{ "disableLocalAuth": true }'), path: ARM },
    {
      code: "param disableLocal bool = true\n\nresource sb 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {\n  name: 'sb1'\n  location: resourceGroup().location\n  properties: {\n    disableLocalAuth: disableLocal\n  }\n}\n\nresource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n  name: 'acr1'\n  properties: {\n    adminUserEnabled: false\n  }\n}\n",
      path: 'infra/main.bicep',
      name: 'Bicep: local auth off, admin user off',
    },
    {
      code: "resource compute 'Microsoft.MachineLearningServices/workspaces/computes@2024-10-01' = {\n  name: name\n  properties: union({\n    computeType: computeType\n    disableLocalAuth: disableLocalAuth\n  }, extra)\n}\n\nresource db 'Microsoft.DocumentDB/databaseAccounts@2025-04-15' = {\n  name: 'db'\n  kind: 'GlobalDocumentDB'\n  properties: {\n    databaseAccountOfferType: 'Standard'\n    ...(mongo ? { disableLocalAuth: false } : { disableLocalAuth: true })\n  }\n}\n",
      path: 'infra/main.bicep',
      name: 'Bicep: properties built by union() or with a spread are not known here',
    },
    {
      code: arm('Microsoft.ServiceBus/namespaces', `"[union(variables('base'), parameters('extra'))]"`),
      path: ARM,
      name: 'ARM properties computed as a whole',
    },
    { code: arm('Microsoft.MachineLearningServices/workspaces/computes', '{ "computeType": "AmlCompute", "disableLocalAuth": true }'), path: ARM },
    { code: arm('Microsoft.KeyVault/vaults', '{ "enableRbacAuthorization": true }'), path: ARM, name: 'an unrelated ARM resource' },
    {
      code: '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "resources": [\n    {\n      "type": "Microsoft.ServiceBus/namespaces",\n      "name": "bus",\n      "properties": { "disableLocalAuth": true },\n      "resources": [{ "type": "queues", "name": "q1", "properties": {} }]\n    }\n  ]\n}\n',
      path: ARM,
      name: 'a nested child resource of another type',
    },
  ],
  invalid: [
    { code: acr('  admin_enabled = true\n'), path: TF, count: 1, line: 6 },
    { code: `variable "admin" {\n  default = true\n}\n${acr('  admin_enabled = var.admin\n')}`, path: TF, count: 1, name: 'ACR admin from a variable defaulting to true' },
    { code: acr('  admin_enabled = var.admin\n'), path: TF, count: 1, name: 'ACR admin from a variable without a default' },
    { code: aks(), path: TF, count: 1, line: 1, name: 'AKS local accounts on by default' },
    { code: aks('  local_account_disabled = false\n'), path: TF, count: 1 },
    { code: cosmos(''), path: TF, count: 1, name: 'Cosmos DB keys on by default' },
    { code: cosmos('  kind = "GlobalDocumentDB"\n  local_authentication_enabled = true\n'), path: TF, count: 1 },
    { code: cosmos('  local_authentication_disabled = false\n'), path: TF, count: 1, name: 'the deprecated spelling, false' },
    { code: cosmos('  capabilities {\n    name = "EnableServerless"\n  }\n'), path: TF, count: 1, name: 'NoSQL with other capabilities' },
    {
      code: cosmos('  dynamic "capabilities" {\n    for_each = var.capabilities\n    content {\n      name = capabilities.value\n    }\n  }\n'),
      path: TF,
      count: 1,
      name: 'Cosmos DB with dynamic capabilities of unknown names',
    },
    { code: sb(), path: TF, count: 1 },
    { code: sb('  local_auth_enabled = true\n'), path: TF, count: 1, line: 6 },
    { code: eh('  local_authentication_enabled = true\n'), path: TF, count: 1 },
    { code: eh(), path: TF, count: 1 },
    { code: search(), path: TF, count: 1 },
    { code: cog(), path: TF, count: 1 },
    { code: cog('  local_auth_enabled = null\n'), path: TF, count: 1, name: 'null is the default' },
    { code: res('azurerm_ai_services', 'ai', '  sku_name = "S0"\n'), path: TF, count: 1 },
    { code: appconf('  local_auth_enabled = true\n'), path: TF, count: 1 },
    { code: res('azurerm_signalr_service', 'sig'), path: TF, count: 1 },
    { code: res('azurerm_web_pubsub', 'wps'), path: TF, count: 1 },
    { code: res('azurerm_web_pubsub_socketio', 'sio'), path: TF, count: 1 },
    { code: res('azurerm_eventgrid_topic', 'topic'), path: TF, count: 1, name: 'Event Grid topic keys on by default' },
    { code: res('azurerm_eventgrid_domain', 'domain', '  local_auth_enabled = true\n'), path: TF, count: 1 },
    { code: res('azurerm_machine_learning_compute_cluster', 'cc', '  vm_size = "STANDARD_DS2_V2"\n'), path: TF, count: 1 },
    { code: res('azurerm_machine_learning_compute_instance', 'ci', '  local_auth_enabled = true\n'), path: TF, count: 1 },
    {
      code: res('azurerm_storage_account', 'st', '  shared_access_key_enabled = true\n  sas_policy {\n    expiration_period = "1.00:00:00"\n  }\n'),
      path: TF,
      count: 1,
      name: 'storage account with Shared Key on and a SAS policy',
    },
    { code: res('azurerm_storage_account', 'st', '  sas_policy {\n    expiration_period = "1.00:00:00"\n  }\n'), path: TF, count: 1, name: 'storage account: Shared Key on by default' },
    {
      code: arm('Microsoft.Storage/storageAccounts', '{ "sasPolicy": { "sasExpirationPeriod": "1.00:00:00", "expirationAction": "Log" } }'),
      path: ARM,
      count: 1,
      name: 'ARM storage account with a SAS policy',
    },
    { code: arm('Microsoft.EventGrid/domains', '{}'), path: ARM, count: 1 },
    {
      code: "resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n  name: 'acr1'\n  sku: {\n    name: 'Basic'\n  }\n  properties: {\n    adminUserEnabled: true\n  }\n}\n\nresource topic 'Microsoft.EventGrid/topics@2022-06-15' = {\n  name: 't1'\n  properties: {}\n}\n",
      path: 'infra/main.bicep',
      count: 2,
      name: 'Bicep: registry admin user on, Event Grid keys on by default',
    },
    { code: arm('Microsoft.MachineLearningServices/workspaces/computes', '{ "computeType": "ComputeInstance", "disableLocalAuth": false }'), path: ARM, count: 1 },
    { code: sb() + sb('  local_auth_enabled = false\n').replace('"bus"', '"private"') + eh(), path: TF, count: 2, name: 'one finding per resource' },
    {
      code: `resource "azurerm_servicebus_namespace" "bus" {\n  for_each            = var.namespaces\n  name                = each.key\n  resource_group_name = "rg"\n  location            = "westeurope"\n  sku                 = "Standard"\n  local_auth_enabled  = each.value.sas\n}\n`,
      path: TF,
      count: 1,
      name: 'for_each with a per-instance value',
    },
    { code: arm('Microsoft.ContainerRegistry/registries', '{ "adminUserEnabled": true }'), path: ARM, count: 1 },
    { code: arm('Microsoft.ContainerService/managedClusters', '{ "dnsPrefix": "aks1" }'), path: ARM, count: 1, line: 11 },
    { code: arm('Microsoft.ContainerService/managedClusters', '{ "disableLocalAccounts": false }'), path: ARM, count: 1 },
    { code: arm('Microsoft.DocumentDB/databaseAccounts', '{ "databaseAccountOfferType": "Standard" }', '\n      "kind": "GlobalDocumentDB",'), path: ARM, count: 1 },
    { code: arm('Microsoft.ServiceBus/namespaces', '{ "disableLocalAuth": false }'), path: ARM, count: 1 },
    { code: arm('Microsoft.EventHub/namespaces', '{}'), path: ARM, count: 1 },
    { code: arm('Microsoft.Search/searchServices', `{ "disableLocalAuth": "[parameters('keepLocal')]" }`), path: ARM, count: 1, name: 'a parameter defaulting to false' },
    { code: arm('Microsoft.CognitiveServices/accounts', `{ "disableLocalAuth": "[parameters('choice')]" }`), path: ARM, count: 1, name: 'a parameter without a default' },
    { code: arm('Microsoft.AppConfiguration/configurationStores', '{ "disableLocalAuth": null }'), path: ARM, count: 1 },
    { code: arm('Microsoft.SignalRService/signalR', '{}'), path: ARM, count: 1 },
    { code: arm('Microsoft.SignalRService/webPubSub', '{ "disableLocalAuth": false }'), path: ARM, count: 1 },
  ],
});

describe('rotation/azure-local-auth', () => {
  it('names the resource, the service and the attribute to set for an explicit value', () => {
    const [f] = runRule(rule, { code: acr('  admin_enabled = true\n'), path: TF });
    expect(f!.message).toBe(
      'Container Registry `azurerm_container_registry.acr` keeps its admin user (the registry name and two passwords with push and pull on every repository) enabled (`admin_enabled = true`); static keys that never expire, are shared by everyone who holds them and must be rotated by hand. Set `admin_enabled = false` and use a managed identity with the AcrPull role (AcrPush to push; for AKS, the kubelet identity), or a repository-scoped token where a password is unavoidable.',
    );
    expect([f!.severity, f!.confidence]).toEqual(['medium', 'high']);
  });

  it('says when the default is what leaves the credential on, at low severity', () => {
    const [f] = runRule(rule, { code: sb(), path: TF });
    expect(f!.message).toContain('Service Bus namespace `azurerm_servicebus_namespace.bus` keeps SAS authentication');
    expect(f!.message).toContain('`local_auth_enabled` is not set and the default leaves it on');
    expect(f!.message).toContain('Set `local_auth_enabled = false`');
    expect(f!.message).toContain('Azure Service Bus Data Sender');
    expect([f!.severity, f!.confidence]).toEqual(['low', 'medium']);
    const [k] = runRule(rule, { code: aks(), path: TF });
    expect(k!.message).toContain('`local_account_disabled` is not set and the default leaves it on');
    expect(k!.message).toContain('Set `local_account_disabled = true`');
    expect(k!.message).toContain('az aks get-credentials --admin');
    expect(k!.message).toContain('revoked only by rotating the cluster certificates');
  });

  it('reports what cannot be verified with low confidence', () => {
    const [f] = runRule(rule, { code: cog('  local_auth_enabled = var.keys\n'), path: TF });
    expect(f!.message).toContain('may keep API key authentication (two account keys) enabled: `local_auth_enabled = var.keys` could not be verified here');
    expect(f!.message).toContain('Cognitive Services User');
    expect([f!.severity, f!.confidence]).toEqual(['low', 'low']);
    const [a] = runRule(rule, { code: arm('Microsoft.CognitiveServices/accounts', `{ "disableLocalAuth": "[parameters('choice')]" }`), path: ARM });
    expect([a!.severity, a!.confidence]).toEqual(['low', 'low']);
    expect(a!.message).toContain("`disableLocalAuth: [parameters('choice')]` could not be verified here");
  });

  it('treats a value resolved from a variable or parameter default as set', () => {
    const [f] = runRule(rule, { code: `variable "admin" {\n  default = true\n}\n${acr('  admin_enabled = var.admin\n')}`, path: TF });
    expect(f!.message).toContain('(`admin_enabled = var.admin` (true))');
    expect(f!.severity).toBe('medium');
    const [a] = runRule(rule, { code: arm('Microsoft.Search/searchServices', `{ "disableLocalAuth": "[parameters('keepLocal')]" }`), path: ARM });
    expect(a!.message).toContain('AI Search service `res1` keeps API keys (admin and query keys) enabled (`disableLocalAuth: false`)');
    expect(a!.message).toContain('Set `disableLocalAuth: true`');
    expect(a!.severity).toBe('medium');
  });

  it('recommends the current Cosmos DB attribute', () => {
    const [f] = runRule(rule, { code: cosmos('  local_authentication_disabled = false\n'), path: TF });
    expect(f!.message).toContain('(`local_authentication_disabled = false`)');
    expect(f!.message).toContain('Set `local_authentication_enabled = false`');
  });

  it('names the storage setting, and leaves accounts without a SAS policy to azure-storage-sas-expiry', () => {
    const [f] = runRule(rule, { code: res('azurerm_storage_account', 'st', '  sas_policy {\n    expiration_period = "1.00:00:00"\n  }\n'), path: TF });
    expect(f!.message).toContain('Storage account `azurerm_storage_account.st` keeps Shared Key authorization');
    expect(f!.message).toContain('Set `shared_access_key_enabled = false`');
    expect([f!.severity, f!.confidence]).toEqual(['low', 'medium']);
    expect(runRule(rule, { code: res('azurerm_storage_account', 'st', '  shared_access_key_enabled = true\n'), path: TF })).toHaveLength(0);
  });

  it('names the data-plane roles in the remediation', () => {
    for (const role of ['AcrPull', 'Azure Service Bus Data Sender', 'Cognitive Services User', 'managed identity']) expect(rule.meta.remediation).toContain(role);
  });
});
