/**
 * Azure services that keep static keys or a built-in admin credential enabled where Microsoft Entra ID
 * identities (managed identities, AKS workload identity) would do. Such keys never expire, are shared by
 * everyone who holds them and must be rotated by hand for as long as they exist.
 *
 * - Container Registry: `azurerm_container_registry` `admin_enabled = true` (default false); ARM
 *   `Microsoft.ContainerRegistry/registries` `adminUserEnabled: true`. Off by default, so only an
 *   explicit (or unverifiable) value is reported.
 * - AKS: `azurerm_kubernetes_cluster` without `local_account_disabled = true`; ARM
 *   `Microsoft.ContainerService/managedClusters` without `disableLocalAccounts: true`.
 * - Local (key / SAS) authentication, on by default: Cosmos DB `azurerm_cosmosdb_account`
 *   `local_authentication_enabled` (provider 4.x: also the deprecated `local_authentication_disabled`),
 *   Service Bus `azurerm_servicebus_namespace` `local_auth_enabled`, Event Hubs
 *   `azurerm_eventhub_namespace` `local_authentication_enabled`, AI Search `azurerm_search_service`
 *   `local_authentication_enabled`, Cognitive Services / Azure OpenAI `azurerm_cognitive_account`
 *   `local_auth_enabled` (and the 4.x `azurerm_ai_services` `local_authentication_enabled`), App
 *   Configuration `azurerm_app_configuration` `local_auth_enabled`, SignalR `azurerm_signalr_service`,
 *   Web PubSub `azurerm_web_pubsub` / `azurerm_web_pubsub_socketio`, Event Grid topics and domains
 *   (`azurerm_eventgrid_topic` / `azurerm_eventgrid_domain`) and Machine Learning compute clusters and
 *   instances `local_auth_enabled`; in ARM the `properties.disableLocalAuth` of the matching resource types.
 * - Storage accounts: Shared Key authorization (`shared_access_key_enabled`, ARM `allowSharedKeyAccess`),
 *   on by default — reported here only for accounts that have a SAS expiration policy; those without
 *   one are reported by rotation/azure-storage-sas-expiry, so each account is reported once.
 *
 * An explicit value that leaves the credential on is medium severity; the default left as is, low
 * (the message says it is the default); a value that cannot be resolved here (a variable without a
 * default, an ARM expression), low with low confidence. Cosmos DB accounts of another API than NoSQL
 * (`kind = "MongoDB"`, Cassandra / Table / Gremlin capabilities) are not reported: the provider documents
 * the setting for the SQL API only.
 */
import type { RawFinding, Rule } from '../../rule.js';
import type { YamlDoc, YamlNode } from '../../parse/yaml.js';
import { attr, type HclBlock, type HclFile, type HclValue } from '../../parse/hcl.js';
import { LONG_LIVED } from './lib/controls.js';
import {
  armEntry,
  armExpression,
  armResources,
  isArmPath,
  atBlock,
  atTemplate,
  blockJudgeable,
  boolOf,
  isTerraformPath,
  nestedBlocks,
  resolve,
  shown,
  stringOf,
  templateBool,
  templateJudgeable,
  terraform,
  tfResources,
  type TemplateResource,
} from './lib/cloud.js';

interface Setting {
  name: string;
  /** The value that leaves the static credential on. */
  on: boolean;
}

interface Service {
  label: string;
  tf: readonly string[];
  /** Terraform attributes, the one to recommend first. */
  attrs: readonly Setting[];
  /** The ARM resource type (lower case) and its property, where there is one. */
  arm?: string;
  armProp?: Setting;
  /** Whether the credential exists when nothing is set. */
  defaultOn: boolean;
  /** What stays on, as a noun phrase. */
  credential: string;
  /** What to use instead. */
  instead: string;
  /** Why it matters, where the generic reason (keys that never expire) does not fit. */
  why?: string;
  /** A Cosmos DB account of an API where local auth cannot be turned off: not reported. */
  skipTf?: (tf: HclFile, b: HclBlock) => boolean;
  skipArm?: (r: TemplateResource) => boolean;
}

const LOCAL_AUTH: Setting = { name: 'disableLocalAuth', on: false };

/** Cosmos DB APIs other than NoSQL, for which the provider does not document `local_authentication_*`. */
const NON_SQL_CAPABILITY = /^Enable(?:Cassandra|Table|Gremlin|Mongo)/i;

const SERVICES: readonly Service[] = [
  {
    label: 'Container Registry',
    tf: ['azurerm_container_registry'],
    attrs: [{ name: 'admin_enabled', on: true }],
    arm: 'microsoft.containerregistry/registries',
    armProp: { name: 'adminUserEnabled', on: true },
    defaultOn: false,
    credential: 'its admin user (the registry name and two passwords with push and pull on every repository)',
    instead: 'a managed identity with the AcrPull role (AcrPush to push; for AKS, the kubelet identity), or a repository-scoped token where a password is unavoidable',
  },
  {
    label: 'AKS cluster',
    tf: ['azurerm_kubernetes_cluster'],
    attrs: [{ name: 'local_account_disabled', on: false }],
    arm: 'microsoft.containerservice/managedclusters',
    armProp: { name: 'disableLocalAccounts', on: false },
    defaultOn: true,
    credential: 'its local cluster-admin account (`az aks get-credentials --admin`)',
    why: 'a static kubeconfig shared by everyone who fetches it, which bypasses Entra ID (no per-user identity, Conditional Access or revocation) and is revoked only by rotating the cluster certificates.',
    instead:
      'AKS-managed Entra ID integration (`azure_active_directory_role_based_access_control`, `aadProfile`) with Azure RBAC roles such as Azure Kubernetes Service RBAC Cluster Admin, and workload identity for pods',
  },
  {
    label: 'Cosmos DB account',
    tf: ['azurerm_cosmosdb_account'],
    attrs: [
      { name: 'local_authentication_enabled', on: true },
      { name: 'local_authentication_disabled', on: false },
    ],
    arm: 'microsoft.documentdb/databaseaccounts',
    armProp: LOCAL_AUTH,
    defaultOn: true,
    credential: 'its account keys (primary and secondary, read-write and read-only)',
    instead: 'a managed identity with a Cosmos DB data-plane role (Cosmos DB Built-in Data Reader / Contributor through `azurerm_cosmosdb_sql_role_assignment`)',
    skipTf: (tf, b) => {
      const kind = stringOf(resolve(tf, attr(b, 'kind')?.value));
      if (kind !== undefined && kind.toLowerCase() !== 'globaldocumentdb') return true;
      return nestedBlocks(b, 'capabilities').some((c) => NON_SQL_CAPABILITY.test(stringOf(resolve(tf, attr(c.block, 'name')?.value)) ?? ''));
    },
    skipArm: (r) => {
      const kind = r.doc.str(armEntry(r.doc, r.node, 'kind')?.value);
      if (kind !== undefined && !armExpression(kind) && kind.toLowerCase() !== 'globaldocumentdb') return true;
      return r.doc.items(armEntry(r.doc, r.properties, 'capabilities')?.value).some((c) => NON_SQL_CAPABILITY.test(r.doc.str(armEntry(r.doc, c, 'name')?.value) ?? ''));
    },
  },
  {
    label: 'Service Bus namespace',
    tf: ['azurerm_servicebus_namespace'],
    attrs: [{ name: 'local_auth_enabled', on: true }],
    arm: 'microsoft.servicebus/namespaces',
    armProp: LOCAL_AUTH,
    defaultOn: true,
    credential: 'SAS authentication (shared access keys such as RootManageSharedAccessKey)',
    instead: 'a managed identity with the Azure Service Bus Data Sender / Data Receiver role',
  },
  {
    label: 'Event Hubs namespace',
    tf: ['azurerm_eventhub_namespace'],
    attrs: [{ name: 'local_authentication_enabled', on: true }],
    arm: 'microsoft.eventhub/namespaces',
    armProp: LOCAL_AUTH,
    defaultOn: true,
    credential: 'SAS authentication (shared access keys such as RootManageSharedAccessKey)',
    instead: 'a managed identity with the Azure Event Hubs Data Sender / Data Receiver role',
  },
  {
    label: 'AI Search service',
    tf: ['azurerm_search_service'],
    attrs: [{ name: 'local_authentication_enabled', on: true }],
    arm: 'microsoft.search/searchservices',
    armProp: LOCAL_AUTH,
    defaultOn: true,
    credential: 'API keys (admin and query keys)',
    instead: 'a managed identity with the Search Index Data Reader / Contributor role (Search Service Contributor to manage indexes)',
  },
  {
    label: 'Cognitive Services account',
    tf: ['azurerm_cognitive_account'],
    attrs: [{ name: 'local_auth_enabled', on: true }],
    arm: 'microsoft.cognitiveservices/accounts',
    armProp: LOCAL_AUTH,
    defaultOn: true,
    credential: 'API key authentication (two account keys)',
    instead: 'a managed identity with the Cognitive Services User role (Cognitive Services OpenAI User for Azure OpenAI)',
  },
  {
    // azurerm 4.x; removed in 5.0 in favour of azurerm_cognitive_account (the same ARM type).
    label: 'AI Services account',
    tf: ['azurerm_ai_services'],
    attrs: [{ name: 'local_authentication_enabled', on: true }],
    defaultOn: true,
    credential: 'API key authentication (two account keys)',
    instead: 'a managed identity with the Cognitive Services User role (Cognitive Services OpenAI User for Azure OpenAI)',
  },
  {
    label: 'App Configuration store',
    tf: ['azurerm_app_configuration'],
    attrs: [{ name: 'local_auth_enabled', on: true }],
    arm: 'microsoft.appconfiguration/configurationstores',
    armProp: LOCAL_AUTH,
    defaultOn: true,
    credential: 'access keys (the connection strings of its read-write and read-only keys)',
    instead: 'a managed identity with the App Configuration Data Reader (or Data Owner) role',
  },
  {
    label: 'SignalR service',
    tf: ['azurerm_signalr_service'],
    attrs: [{ name: 'local_auth_enabled', on: true }],
    arm: 'microsoft.signalrservice/signalr',
    armProp: LOCAL_AUTH,
    defaultOn: true,
    credential: 'access keys',
    instead: 'a managed identity with the SignalR App Server role',
  },
  {
    label: 'Event Grid topic',
    tf: ['azurerm_eventgrid_topic'],
    attrs: [{ name: 'local_auth_enabled', on: true }],
    arm: 'microsoft.eventgrid/topics',
    armProp: LOCAL_AUTH,
    defaultOn: true,
    credential: 'access keys and SAS tokens for publishing events',
    instead: 'a managed identity with the EventGrid Data Sender role',
  },
  {
    label: 'Event Grid domain',
    tf: ['azurerm_eventgrid_domain'],
    attrs: [{ name: 'local_auth_enabled', on: true }],
    arm: 'microsoft.eventgrid/domains',
    armProp: LOCAL_AUTH,
    defaultOn: true,
    credential: 'access keys and SAS tokens for publishing events',
    instead: 'a managed identity with the EventGrid Data Sender role',
  },
  {
    label: 'Machine Learning compute',
    tf: ['azurerm_machine_learning_compute_cluster', 'azurerm_machine_learning_compute_instance'],
    attrs: [{ name: 'local_auth_enabled', on: true }],
    arm: 'microsoft.machinelearningservices/workspaces/computes',
    armProp: LOCAL_AUTH,
    defaultOn: true,
    credential: 'local authentication (keys of the compute, such as its SSH admin credentials)',
    instead: 'Microsoft Entra ID sign-in through the workspace, with a managed identity for the compute',
  },
  {
    // Accounts without a SAS expiration policy are reported by rotation/azure-storage-sas-expiry; this
    // reports the Shared Key (account keys) left on where that rule is satisfied, so each account is reported once.
    label: 'Storage account',
    tf: ['azurerm_storage_account'],
    attrs: [{ name: 'shared_access_key_enabled', on: true }],
    arm: 'microsoft.storage/storageaccounts',
    armProp: { name: 'allowSharedKeyAccess', on: true },
    defaultOn: true,
    credential: 'Shared Key authorization (two account keys with full access to all its data, and every SAS signed with them)',
    instead: 'Microsoft Entra ID authorization: a managed identity with the Storage Blob / Queue / Table / File Data roles, and user delegation SAS where a SAS is needed',
    skipTf: (_tf, b) => !nestedBlocks(b, 'sas_policy').some((p) => !p.dynamic && attr(p.block, 'expiration_period')),
    skipArm: (r) => {
      const period = armEntry(r.doc, armEntry(r.doc, r.properties, 'sasPolicy')?.value, 'sasExpirationPeriod');
      return !period || r.doc.isNull(period.value) || (r.doc.str(period.value) ?? '').trim() === '';
    },
  },
  {
    label: 'Web PubSub service',
    tf: ['azurerm_web_pubsub', 'azurerm_web_pubsub_socketio'],
    attrs: [{ name: 'local_auth_enabled', on: true }],
    arm: 'microsoft.signalrservice/webpubsub',
    armProp: LOCAL_AUTH,
    defaultOn: true,
    credential: 'access keys',
    instead: 'a managed identity with the Web PubSub Service Owner role',
  },
];

const WHY = 'static keys that never expire, are shared by everyone who holds them and must be rotated by hand.';

type State = 'set' | 'default' | 'unknown';

/** The attribute to set, as `name = value`. */
const off = (s: Setting): string => `${s.name} = ${String(!s.on)}`;
const armOff = (s: Setting): string => `${s.name}: ${String(!s.on)}`;

function message(svc: Service, address: string, state: State, shownSetting: string, fix: string): string {
  const what =
    state === 'set'
      ? `keeps ${svc.credential} enabled (${shownSetting})`
      : state === 'default'
        ? `keeps ${svc.credential} enabled: ${shownSetting} is not set and the default leaves it on`
        : `may keep ${svc.credential} enabled: ${shownSetting} could not be verified here`;
  return `${svc.label} \`${address}\` ${what}; ${svc.why ?? WHY} Set \`${fix}\` and use ${svc.instead}.`;
}

const LEVELS: Record<State, Pick<RawFinding, 'severity' | 'confidence'>> = {
  set: { severity: 'medium', confidence: 'high' },
  default: { severity: 'low', confidence: 'medium' },
  unknown: { severity: 'low', confidence: 'low' },
};

function checkTerraform(tf: HclFile, file: Parameters<Rule['check']>[0], out: RawFinding[]): void {
  for (const svc of SERVICES) {
    for (const r of tfResources(tf, ...svc.tf)) {
      if (!blockJudgeable(file, r.block) || svc.skipTf?.(tf, r.block)) continue;
      const names = svc.attrs;
      const present = names.flatMap((s) => {
        const a = attr(r.block, s.name);
        if (!a) return [];
        const v: HclValue | undefined = resolve(tf, a.value);
        return v?.kind === 'null' ? [] : [{ s, a, v, b: boolOf(v) }];
      });
      // Any setting that turns the credential off wins (the two Cosmos DB spellings conflict in the provider anyway).
      if (present.some((p) => p.b === !p.s.on)) continue;
      const fix = off(names[0]!);
      const known = present.find((p) => p.b === p.s.on);
      const unknown = present.find((p) => p.b === undefined);
      let state: State;
      let setting: string;
      let at: { line: number; column: number } | undefined;
      if (known) {
        state = 'set';
        setting = `\`${known.s.name} = ${shown(known.a.value)}\`${known.a.value !== known.v ? ` (${shown(known.v)})` : ''}`;
        at = known.a.pos;
      } else if (unknown) {
        state = 'unknown';
        setting = `\`${unknown.s.name} = ${shown(unknown.v)}\``;
        at = unknown.a.pos;
      } else {
        if (!svc.defaultOn) continue;
        state = 'default';
        setting = `\`${names[0]!.name}\``;
        at = undefined;
      }
      out.push(atBlock(r.block, at, { message: message(svc, r.address, state, setting, fix), construct: `${r.address} local-auth`, ...LEVELS[state] }));
    }
  }
}

/** A template value, following `[parameters('x')]` / `[variables('x')]` to a default in the same template. */
function armResolve(doc: YamlDoc, node: YamlNode | undefined, depth = 0): YamlNode | undefined {
  const s = doc.str(node);
  if (depth > 4 || s === undefined) return node;
  const m = /^\s*\[\s*(parameters|variables)\(\s*'([^']+)'\s*\)\s*\]\s*$/.exec(s);
  if (!m) return node;
  const section = armEntry(doc, doc.root, m[1]!)?.value;
  const entry = armEntry(doc, section, m[2]!)?.value;
  const target = m[1] === 'parameters' ? armEntry(doc, entry, 'defaultValue')?.value : entry;
  return target !== undefined ? armResolve(doc, target, depth + 1) : node;
}

/** A deployment template (`$schema` ending in deploymentTemplate.json#, or a `contentVersion`), not any JSON with a `resources` list. */
function isDeploymentTemplate(doc: YamlDoc): boolean {
  return /deploymentTemplate\.json/i.test(doc.str(doc.get(doc.root, '$schema')) ?? '') || doc.str(doc.get(doc.root, 'contentVersion')) !== undefined;
}

function checkArm(file: Parameters<Rule['check']>[0], out: RawFinding[]): void {
  for (const r of armResources(file)) {
    if (!isDeploymentTemplate(r.doc)) return;
    const type = r.type.toLowerCase();
    const svc = SERVICES.find((s) => s.arm === type);
    if (!svc?.armProp || !templateJudgeable(file, r) || svc.skipArm?.(r)) continue;
    const { doc } = r;
    const p = svc.armProp;
    const e = armEntry(doc, r.properties, p.name);
    const v = e && !doc.isNull(e.value) ? armResolve(doc, e.value) : undefined;
    const present = e !== undefined && v !== undefined && !doc.isNull(v);
    const b = present ? templateBool(doc, v) : undefined;
    if (b === !p.on) continue;
    let state: State;
    let setting: string;
    if (present && b === p.on) {
      state = 'set';
      setting = `\`${p.name}: ${String(b)}\``;
    } else if (present) {
      state = 'unknown';
      setting = `\`${p.name}: ${doc.str(v) ?? '(not a boolean)'}\``;
    } else {
      if (!svc.defaultOn) continue;
      state = 'default';
      setting = `\`${p.name}\``;
    }
    const fix = armOff(p);
    out.push(atTemplate(r, present ? e.keyNode : undefined, { message: message(svc, r.id, state, setting, fix), construct: `${r.id} local-auth`, ...LEVELS[state] }));
  }
}

const rule: Rule = {
  meta: {
    id: 'rotation/azure-local-auth',
    family: 'rotation',
    severity: 'medium',
    confidence: 'high',
    description: 'Azure service with static keys or a built-in admin credential enabled where Microsoft Entra ID identities would do',
    controls: [...LONG_LIVED],
    remediation:
      'Turn the static credential off and authenticate with Microsoft Entra ID: `admin_enabled = false` on a container registry (ARM `adminUserEnabled: false`); `local_account_disabled = true` on an AKS cluster with AKS-managed Entra ID integration (`disableLocalAccounts: true`); ' +
      '`local_auth_enabled = false` (Service Bus, Cognitive Services / Azure OpenAI, App Configuration, SignalR, Web PubSub, Event Grid, Machine Learning compute) or `local_authentication_enabled = false` (Cosmos DB, Event Hubs, AI Search) elsewhere, `disableLocalAuth: true` in ARM; `shared_access_key_enabled = false` on a storage account (`allowSharedKeyAccess: false`). ' +
      'Give each workload a managed identity (workload identity for AKS pods) and a data-plane RBAC role on the resource: AcrPull / AcrPush, Azure Service Bus Data Sender / Receiver, Azure Event Hubs Data Sender / Receiver, Cosmos DB Built-in Data Contributor, Search Index Data Reader, Cognitive Services User (Cognitive Services OpenAI User), App Configuration Data Reader, SignalR App Server, Web PubSub Service Owner, EventGrid Data Sender, Storage Blob Data Reader / Contributor. ' +
      'Existing keys stop working when local authentication is turned off, so move every client to Entra ID first.',
  },
  keywords: [...new Set(SERVICES.flatMap((s) => [...s.tf, ...(s.arm ? [s.arm] : [])]))],
  scope: 'file',
  appliesTo: (p) => isTerraformPath(p) || isArmPath(p),
  check(file) {
    const out: RawFinding[] = [];
    if (isTerraformPath(file.path)) {
      const tf = terraform(file);
      if (tf) checkTerraform(tf, file, out);
      return out;
    }
    checkArm(file, out);
    return out;
  },
};

export default rule;
