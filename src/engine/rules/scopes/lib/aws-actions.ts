/**
 * What AWS IAM actions do, as far as least privilege needs to know without the full service
 * authorization reference: IAM wildcard matching, the access level of an action (from its verb),
 * actions that cannot be scoped to a resource (wildcard-only), actions that hand out credentials or
 * data, permission-management actions, the privilege-escalation combinations published by Rhino
 * Security Labs (as cloudsplaining and checkov use them), and, for remediation, the actions and ARN
 * shapes to grant instead of a wildcard.
 */
import { wildcardMatch } from '../../../glob.js';

/**
 * IAM's glob (`*`, `?`), case-insensitive, on whole action names. Patterns come from the repository's
 * policies: matched in linear time, never compiled to a backtracking regular expression.
 */
export function actionMatches(pattern: string, action: string): boolean {
  const p = pattern.toLowerCase();
  const a = action.toLowerCase();
  if (!p.includes('*') && !p.includes('?')) return p === a;
  return wildcardMatch(p, a);
}

export const isWildcard = (a: string): boolean => a.includes('*') || a.includes('?');

/** `s3` of `s3:GetObject` (lower case); `*` for the bare wildcard. */
export function serviceOf(action: string): string {
  const i = action.indexOf(':');
  return i < 0 ? action.toLowerCase() : action.slice(0, i).toLowerCase();
}

/** `GetObject` of `s3:GetObject`. */
export function nameOf(action: string): string {
  const i = action.indexOf(':');
  return i < 0 ? '' : action.slice(i + 1);
}

/**
 * Verbs of read-only actions (Read and List access levels). With the analysis calls that change nothing and
 * take no resource (`rekognition:CompareFaces`, `RecognizeCelebrities`, `textract:AnalyzeDocument`,
 * `comprehend:ClassifyDocument`: Read in the service authorization reference).
 */
const READ_VERB =
  /^(?:get|list|describe|head|search|query|scan|lookup|view|check|batchget|select|validate|estimate|preview|detect|download|read|retrieve|discover|filter|count|verify|simulate|evaluate|test|compare|recognize|analyze|classify)/i;

export type AccessLevel = 'read' | 'write';

/**
 * Actions the service authorization reference lists as Read or List whose verb does not say so (lower
 * case): pulling an image layer's availability, calling the Kubernetes API through an EKS access entry,
 * downloading a Client VPN configuration, running a Logs Insights query.
 */
const READ_ACTIONS = new Set(
  [
    'ecr:BatchCheckLayerAvailability',
    'ecr-public:BatchCheckLayerAvailability',
    'eks:AccessKubernetesApi',
    'ec2:ExportClientVpnClientConfiguration',
    'logs:StartQuery',
    'logs:StopQuery',
    'logs:StartLiveTail',
    'logs:StopLiveTail',
    'logs:Unmask',
    'cloudwatch:GenerateQuery',
    'dynamodb:ConditionCheckItem',
    'dynamodb:PartiQLSelect',
    'es:ESHttpGet',
    'es:ESHttpHead',
    'kinesis:SubscribeToShard',
  ].map((a) => a.toLowerCase()),
);

/** Verbs of read-only actions when the action ends in a wildcard (`eks:Access*` can only be `AccessKubernetesApi`). */
const READ_PREFIX = /^(?:get|list|describe|head|search|query|scan|lookup|view|batchget|batchcheck|select|download|read|retrieve|access)/i;

/**
 * Read or write, from the verb. A wildcard counts as the widest thing it can match: `s3:Get*` is read,
 * `s3:*` and `s3:Put*` are write.
 */
export function accessLevel(action: string): AccessLevel {
  const name = nameOf(action);
  if (!name) return 'write';
  if (!isWildcard(name)) return READ_VERB.test(name) || READ_ACTIONS.has(action.toLowerCase()) ? 'read' : 'write';
  const literal = name.split(/[*?]/, 1)[0] ?? '';
  return READ_PREFIX.test(literal) ? 'read' : 'write';
}

/** AWS service prefixes (IAM's service authorization reference); actions of other prefixes are unknown. */
const KNOWN_SERVICES = new Set(
  `a4b access-analyzer account acm acm-pca aiops airflow amplify amplifybackend amplifyuibuilder aoss apigateway app-integrations appconfig appfabric appflow application-autoscaling application-signals applicationinsights appmesh apprunner appstream appsync aps arc-zonal-shift artifact athena auditmanager autoscaling autoscaling-plans aws-marketplace aws-portal backup backup-gateway backup-storage batch bcm-data-exports bedrock bedrock-agentcore billing billingconductor braket budgets cassandra ce chatbot chime cleanrooms cloud9 cloudcontrolapi clouddirectory cloudformation cloudfront cloudhsm cloudsearch cloudshell cloudtrail cloudtrail-data cloudwatch codeartifact codebuild codecatalyst codecommit codeconnections codedeploy codeguru codeguru-profiler codeguru-reviewer codepipeline codestar codestar-connections codestar-notifications codewhisperer cognito-identity cognito-idp cognito-sync comprehend comprehendmedical compute-optimizer config connect consolidatedbilling controltower cost-optimization-hub cur customer-verification-service databrew dataexchange datapipeline datasync datazone dax deadline detective devicefarm devops-guru directconnect discovery dlm dms docdb-elastic drs ds dynamodb ebs ec2 ec2-instance-connect ec2messages ecr ecr-public ecs eks elastic-inference elasticache elasticbeanstalk elasticfilesystem elasticloadbalancing elasticmapreduce elastictranscoder emr-containers emr-serverless entityresolution es events evidently execute-api finspace finspace-api firehose fis fms forecast frauddetector freertos freetier fsx gamelift geo glacier globalaccelerator glue grafana greengrass groundstation guardduty health healthlake iam identitystore imagebuilder inspector inspector2 internetmonitor invoicing iot iotanalytics iotevents iotfleetwise iotsitewise iottwinmaker iq ivs ivschat kafka kafka-cluster kafkaconnect kendra kinesis kinesisanalytics kinesisvideo kms lakeformation lambda launchwizard lex license-manager lightsail logs lookoutequipment lookoutmetrics lookoutvision m2 machinelearning macie2 managedblockchain mediaconnect mediaconvert medialive mediapackage mediapackagev2 mediastore mediatailor memorydb mgh mgn migrationhub-strategy mobiletargeting mq neptune-db neptune-graph network-firewall networkmanager nimble notifications oam omics opensearch opsworks opsworks-cm organizations osis outposts panorama payments pca-connector-ad personalize pi pipes polly pricing private-networks proton purchase-orders q qbusiness qldb quicksight ram rbin rds rds-data rds-db redshift redshift-data redshift-serverless rekognition repostspace resiliencehub resource-explorer resource-explorer-2 resource-groups robomaker rolesanywhere route53 route53-recovery-cluster route53-recovery-control-config route53-recovery-readiness route53domains route53resolver rum s3 s3-object-lambda s3-outposts s3express sagemaker sagemaker-geospatial savingsplans scheduler schemas sdb secretsmanager securityhub securitylake serverlessrepo servicecatalog servicediscovery servicequotas ses shield signer simspaceweaver sms sms-voice snow-device-management snowball sns sqs ssm ssm-contacts ssm-guiconnect ssm-incidents ssm-sap ssmmessages sso sso-directory sso-oauth states storagegateway sts support supportplans swf synthetics tag tax textract timestream tnb transcribe transfer translate trustedadvisor verifiedpermissions voiceid vpc-lattice waf waf-regional wafv2 wellarchitected wisdom workdocs worklink workmail workspaces workspaces-web xray`.split(
    /\s+/,
  ),
);

/** Whether the action's service prefix is a known AWS service (`some:action` in a sample is not). */
export const knownService = (action: string): boolean => KNOWN_SERVICES.has(serviceOf(action));

/** Services whose actions have no resource-level permissions at all (account-wide APIs, agent channels). */
const UNRESTRICTABLE_SERVICES = new Set([
  'health',
  'ce',
  'cur',
  'pricing',
  'support',
  'trustedadvisor',
  'aws-portal',
  'tag',
  'resource-explorer',
  'compute-optimizer',
  'savingsplans',
  'account',
  'freetier',
  'billing',
  'consolidatedbilling',
  'invoicing',
  'payments',
  'tax',
  'purchase-orders',
  'sso-directory',
  'iq',
  'iq-permission',
  'support-console',
  // The Systems Manager agent's message channels: no action of either takes a resource (Service
  // Authorization Reference: Amazon Message Gateway / Message Delivery Service), so `ssmmessages:*` on
  // "*" is what AmazonSSMManagedInstanceCore grants action by action.
  'ssmmessages',
  'ec2messages',
]);

/** Common wildcard-only actions (no resource-level permissions), lower case. */
const UNRESTRICTABLE = new Set(
  [
    's3:ListAllMyBuckets',
    's3:GetAccountPublicAccessBlock',
    's3:PutAccountPublicAccessBlock',
    's3:ListAccessPoints',
    's3:ListJobs',
    's3:CreateJob',
    's3:ListStorageLensConfigurations',
    's3:ListMultiRegionAccessPoints',
    'sts:GetCallerIdentity',
    'sts:GetSessionToken',
    'sts:DecodeAuthorizationMessage',
    'sts:GetAccessKeyInfo',
    'sts:GetServiceBearerToken',
    'iam:ListRoles',
    'iam:ListUsers',
    'iam:ListGroups',
    'iam:ListPolicies',
    'iam:GetAccountSummary',
    'iam:GetAccountPasswordPolicy',
    'iam:ListAccountAliases',
    'iam:GetCredentialReport',
    'iam:GenerateCredentialReport',
    'iam:CreateAccountAlias',
    'iam:DeleteAccountAlias',
    'iam:ListOpenIDConnectProviders',
    'iam:ListSAMLProviders',
    'iam:ListServerCertificates',
    'iam:ListVirtualMFADevices',
    'iam:GetAccountAuthorizationDetails',
    'iam:UpdateAccountPasswordPolicy',
    'iam:DeleteAccountPasswordPolicy',
    'iam:SetSecurityTokenServicePreferences',
    'iam:GetServiceLastAccessedDetails',
    'iam:GetServiceLastAccessedDetailsWithEntities',
    'iam:GetOrganizationsAccessReport',
    'iam:ListPoliciesGrantingServiceAccess',
    'iam:GetContextKeysForCustomPolicy',
    'iam:SimulateCustomPolicy',
    'iam:GetAccountEmailAddress',
    'iam:ListInstanceProfiles',
    'ec2:DescribeInstances',
    'ec2:DescribeImages',
    'ec2:DescribeSnapshots',
    'ec2:DescribeVolumes',
    'ec2:DescribeVpcs',
    'ec2:DescribeSubnets',
    'ec2:DescribeSecurityGroups',
    'ec2:DescribeSecurityGroupRules',
    'ec2:DescribeNetworkInterfaces',
    'ec2:DescribeRegions',
    'ec2:DescribeAvailabilityZones',
    'ec2:DescribeTags',
    'ec2:DescribeKeyPairs',
    'ec2:DescribeAddresses',
    'ec2:DescribeRouteTables',
    'ec2:DescribeInternetGateways',
    'ec2:DescribeNatGateways',
    'ec2:DescribeVpcEndpoints',
    'ec2:DescribeLaunchTemplates',
    'ec2:DescribeLaunchTemplateVersions',
    'ec2:DescribeInstanceStatus',
    'ec2:DescribeInstanceTypes',
    'ec2:DescribeAccountAttributes',
    'ec2:DescribeDhcpOptions',
    'ec2:DescribeNetworkAcls',
    'ec2:DescribePrefixLists',
    'ec2:DescribeSpotPriceHistory',
    'ec2:DescribeVolumeStatus',
    'ec2:DescribeIamInstanceProfileAssociations',
    'ec2:CreateNetworkInterface',
    'ec2:DeleteNetworkInterface',
    'ec2:AssignPrivateIpAddresses',
    'ec2:UnassignPrivateIpAddresses',
    'ec2:CreateLaunchTemplate',
    'ec2:DescribeVpcAttribute',
    'xray:PutTraceSegments',
    'xray:PutTelemetryRecords',
    'xray:GetSamplingRules',
    'xray:GetSamplingTargets',
    'xray:GetSamplingStatisticSummaries',
    'xray:GetServiceGraph',
    'xray:GetTraceSummaries',
    'xray:BatchGetTraces',
    'xray:GetTraceGraph',
    'cloudwatch:PutMetricData',
    'cloudwatch:GetMetricData',
    'cloudwatch:GetMetricStatistics',
    'cloudwatch:ListMetrics',
    'cloudwatch:DescribeAlarmsForMetric',
    'cloudwatch:ListDashboards',
    'cloudwatch:GetMetricWidgetImage',
    'logs:DescribeLogGroups',
    'logs:DescribeDestinations',
    'logs:DescribeExportTasks',
    'logs:DescribeQueries',
    'logs:DescribeResourcePolicies',
    'logs:CreateLogDelivery',
    'logs:GetLogDelivery',
    'logs:UpdateLogDelivery',
    'logs:DeleteLogDelivery',
    'logs:ListLogDeliveries',
    'logs:PutResourcePolicy',
    'logs:DeleteResourcePolicy',
    'logs:StopQuery',
    'logs:GetQueryResults',
    'logs:TestMetricFilter',
    'ecr:GetAuthorizationToken',
    'ecr-public:GetAuthorizationToken',
    'sts:GetServiceBearerToken',
    'kms:CreateKey',
    'kms:ListKeys',
    'kms:ListAliases',
    'kms:GenerateRandom',
    'kms:DescribeCustomKeyStores',
    'kms:CreateCustomKeyStore',
    'kms:ConnectCustomKeyStore',
    'kms:DisconnectCustomKeyStore',
    'kms:DeleteCustomKeyStore',
    'kms:UpdateCustomKeyStore',
    'kms:ListRetirableGrants',
    'lambda:ListFunctions',
    'lambda:CreateEventSourceMapping',
    'lambda:ListEventSourceMappings',
    'lambda:GetAccountSettings',
    'lambda:ListLayers',
    'lambda:ListLayerVersions',
    'lambda:ListCodeSigningConfigs',
    'lambda:CreateCodeSigningConfig',
    'dynamodb:ListTables',
    'dynamodb:DescribeLimits',
    'dynamodb:DescribeEndpoints',
    'dynamodb:ListBackups',
    'dynamodb:ListStreams',
    'dynamodb:ListGlobalTables',
    'dynamodb:DescribeReservedCapacity',
    'dynamodb:DescribeReservedCapacityOfferings',
    'dynamodb:ListContributorInsights',
    'dynamodb:ListExports',
    'dynamodb:ListImports',
    'sqs:ListQueues',
    'sns:ListTopics',
    'sns:ListSubscriptions',
    'sns:CreatePlatformApplication',
    'sns:ListPlatformApplications',
    'sns:GetSMSAttributes',
    'sns:SetSMSAttributes',
    'sns:CheckIfPhoneNumberIsOptedOut',
    'sns:OptInPhoneNumber',
    'sns:ListPhoneNumbersOptedOut',
    'sns:ListOriginationNumbers',
    'sns:GetSMSSandboxAccountStatus',
    'secretsmanager:GetRandomPassword',
    'secretsmanager:ListSecrets',
    'secretsmanager:BatchGetSecretValue',
    'ssm:DescribeParameters',
    'ssm:ListCommands',
    'ssm:ListCommandInvocations',
    'ssm:DescribeInstanceInformation',
    'ssm:GetCommandInvocation',
    'ssm:DescribeSessions',
    'ssm:ListDocuments',
    'ssm:ListAssociations',
    'ssm:DescribeAssociationExecutions',
    'ssm:UpdateInstanceInformation',
    'ssm:ListInventoryEntries',
    'ssm:GetInventory',
    'ssm:DescribePatchBaselines',
    'ssmmessages:CreateControlChannel',
    'ssmmessages:CreateDataChannel',
    'ssmmessages:OpenControlChannel',
    'ssmmessages:OpenDataChannel',
    'ec2messages:AcknowledgeMessage',
    'ec2messages:DeleteMessage',
    'ec2messages:FailMessage',
    'ec2messages:GetEndpoint',
    'ec2messages:GetMessages',
    'ec2messages:SendReply',
    'cloudformation:ListStacks',
    'cloudformation:ValidateTemplate',
    'cloudformation:CreateUploadBucket',
    'cloudformation:EstimateTemplateCost',
    'cloudformation:ListExports',
    'cloudformation:ListImports',
    'cloudformation:DescribeAccountLimits',
    'cloudformation:GetTemplateSummary',
    'cloudformation:DescribeStackDriftDetectionStatus',
    'cloudformation:ListTypes',
    'cloudformation:DescribeType',
    'cloudformation:ListStackSets',
    'cloudtrail:LookupEvents',
    'cloudtrail:ListTrails',
    'cloudtrail:DescribeTrails',
    'cloudtrail:GetEventDataStoreData',
    'route53:ListHostedZones',
    'route53:CreateHostedZone',
    'route53:GetHostedZoneCount',
    'route53:ListHostedZonesByName',
    'route53:GetChange',
    'route53:ListHealthChecks',
    'route53:TestDNSAnswer',
    'route53:GetCheckerIpRanges',
    'route53:GetGeoLocation',
    'route53:ListGeoLocations',
    'acm:ListCertificates',
    'acm:RequestCertificate',
    'acm:ImportCertificate',
    'autoscaling:DescribeAutoScalingGroups',
    'autoscaling:DescribeAutoScalingInstances',
    'autoscaling:DescribeLaunchConfigurations',
    'autoscaling:DescribeScalingActivities',
    'autoscaling:DescribePolicies',
    'autoscaling:DescribeTags',
    'autoscaling:DescribeLifecycleHooks',
    'autoscaling:DescribeScheduledActions',
    'elasticloadbalancing:DescribeLoadBalancers',
    'elasticloadbalancing:DescribeTargetGroups',
    'elasticloadbalancing:DescribeTargetHealth',
    'elasticloadbalancing:DescribeListeners',
    'elasticloadbalancing:DescribeRules',
    'elasticloadbalancing:DescribeTags',
    'elasticloadbalancing:DescribeLoadBalancerAttributes',
    'elasticloadbalancing:DescribeTargetGroupAttributes',
    'elasticloadbalancing:DescribeListenerCertificates',
    'elasticloadbalancing:DescribeSSLPolicies',
    'ecs:ListClusters',
    'ecs:CreateCluster',
    'ecs:DescribeTaskDefinition',
    'ecs:RegisterTaskDefinition',
    'ecs:ListTaskDefinitions',
    'ecs:DeregisterTaskDefinition',
    'ecs:DiscoverPollEndpoint',
    'ecs:ListTaskDefinitionFamilies',
    'ecs:ListAccountSettings',
    'ecs:PutAccountSetting',
    'ecs:CreateCapacityProvider',
    'eks:ListClusters',
    'eks:CreateCluster',
    'eks:DescribeAddonVersions',
    'eks:RegisterCluster',
    'cloudfront:ListDistributions',
    'cloudfront:ListCachePolicies',
    'cloudfront:ListOriginRequestPolicies',
    'cloudfront:CreateCloudFrontOriginAccessIdentity',
    'cloudfront:ListCloudFrontOriginAccessIdentities',
    'codebuild:ListProjects',
    'codebuild:ListBuilds',
    'codebuild:ImportSourceCredentials',
    'codebuild:ListSourceCredentials',
    'codebuild:ListCuratedEnvironmentImages',
    'codebuild:ListConnectedOAuthAccounts',
    'codebuild:ListRepositories',
    'codepipeline:ListPipelines',
    'codepipeline:PollForJobs',
    'codepipeline:AcknowledgeJob',
    'codepipeline:PutJobSuccessResult',
    'codepipeline:PutJobFailureResult',
    'codepipeline:GetJobDetails',
    'codepipeline:ListActionTypes',
    'codecommit:ListRepositories',
    'codedeploy:ListApplications',
    'states:ListStateMachines',
    'states:ListActivities',
    'states:CreateActivity',
    'states:SendTaskSuccess',
    'states:SendTaskFailure',
    'states:SendTaskHeartbeat',
    'rds:DescribeDBEngineVersions',
    'rds:DescribeOrderableDBInstanceOptions',
    'rds:DescribeAccountAttributes',
    'rds:DescribeCertificates',
    'rds:DescribeEngineDefaultParameters',
    'rds:DescribeEventCategories',
    'rds:DescribeEvents',
    'rds:DescribeReservedDBInstancesOfferings',
    'organizations:DescribeOrganization',
    'organizations:ListAccounts',
    'organizations:ListRoots',
    'organizations:ListPolicies',
    'organizations:CreateOrganization',
    'organizations:ListHandshakesForAccount',
    'organizations:ListCreateAccountStatus',
    'organizations:ListDelegatedAdministrators',
    'organizations:ListAWSServiceAccessForOrganization',
    'organizations:EnableAllFeatures',
    'elasticache:DescribeCacheEngineVersions',
    'es:ListDomainNames',
    'es:CreateServiceRole',
    'firehose:ListDeliveryStreams',
    'kinesis:ListStreams',
    'kinesis:DescribeLimits',
    'glue:GetDatabases?',
    'athena:ListWorkGroups',
    'athena:ListDataCatalogs',
    'sagemaker:ListModels',
    'sagemaker:ListEndpoints',
    'sagemaker:ListTrainingJobs',
    'sagemaker:ListNotebookInstances',
    'events:ListRules',
    'events:PutPermission',
    'events:RemovePermission',
    'events:ListEventBuses',
    'events:TestEventPattern',
    'scheduler:ListSchedules',
    'apigateway:GET?',
    'appsync:ListGraphqlApis',
    'cognito-idp:ListUserPools',
    'cognito-identity:ListIdentityPools',
    'cognito-identity:GetId',
    'cognito-identity:GetOpenIdToken',
    'cognito-identity:GetCredentialsForIdentity',
    'cognito-sync:ListIdentityPoolUsage',
    'waf:ListWebACLs',
    'wafv2:ListWebACLs',
    'guardduty:ListDetectors',
    'guardduty:CreateDetector',
    'securityhub:DescribeHub',
    'config:PutEvaluations',
    'config:DescribeConfigRules',
    'config:DescribeConfigurationRecorders',
    'config:PutConfigurationRecorder',
    'config:PutDeliveryChannel',
    'config:DescribeDeliveryChannels',
    'access-analyzer:ValidatePolicy',
    'servicequotas:ListServices',
    'servicequotas:GetServiceQuota',
    'servicequotas:ListServiceQuotas',
    'ssm:GetServiceSetting?',
    'backup:ListBackupPlans',
    'backup:ListBackupVaults',
    'ram:GetResourceShares',
    'ram:ListResources',
    'application-autoscaling:DescribeScalableTargets',
    'application-autoscaling:DescribeScalingPolicies',
    'application-autoscaling:DescribeScalingActivities',
    'application-autoscaling:DescribeScheduledActions',
    'application-autoscaling:RegisterScalableTarget',
    'application-autoscaling:PutScalingPolicy',
    'sso:ListInstances',
    'sso:DescribeRegisteredRegions',
    'identitystore:ListUsers',
    'ses:SendEmail?',
    'mq:ListBrokers',
    'elasticmapreduce:ListClusters',
    'elasticbeanstalk:CheckDNSAvailability',
    'batch:DescribeComputeEnvironments',
    'batch:DescribeJobDefinitions',
    'batch:DescribeJobQueues',
    'batch:DescribeJobs',
    'batch:ListJobs',
    'ds:DescribeDirectories',
  ]
    .filter((a) => !a.endsWith('?'))
    .map((a) => a.toLowerCase()),
);

/**
 * Whether an action (or action pattern) can be limited to resources. A pattern counts as restrictable
 * when it may match anything that can: `ec2:Describe*` includes resource-scoped describes.
 */
export function isRestrictable(action: string): boolean {
  const a = action.toLowerCase();
  if (a === '*') return true;
  if (UNRESTRICTABLE_SERVICES.has(serviceOf(a))) return false;
  if (isWildcard(a)) return true;
  return !UNRESTRICTABLE.has(a);
}

/** Read-only actions that expose stored data or secrets when allowed on every resource (cloudsplaining's list). */
export const DATA_EXFILTRATION: readonly string[] = [
  's3:GetObject',
  'ssm:GetParameter',
  'ssm:GetParameters',
  'ssm:GetParametersByPath',
  'secretsmanager:GetSecretValue',
  'secretsmanager:BatchGetSecretValue',
  'rds:CopyDBSnapshot',
  'rds:CreateDBSnapshot',
];

/**
 * What an action on every resource exposes beyond its own resource type, for the message: `decrypt`
 * (`kms:Decrypt`: whatever was encrypted under any key that lets IAM policies grant it), `export` (an
 * `Export…` verb copies a resource's data out), or nothing.
 */
export function dataExposure(action: string): 'decrypt' | 'export' | undefined {
  const a = action.toLowerCase();
  if (READ_ACTIONS.has(a)) return undefined;
  if (actionMatches(a, 'kms:decrypt') || (isWildcard(a) && serviceOf(a) === 'kms' && /^decrypt/i.test(nameOf(a)))) return 'decrypt';
  if (/^export/i.test(nameOf(a))) return 'export';
  return undefined;
}

/** API calls that return credentials (kmcquade's list, as cloudsplaining uses it). */
export const CREDENTIALS_EXPOSURE: readonly string[] = [
  'airflow:CreateCliToken',
  'airflow:CreateWebLoginToken',
  'appsync:CreateApiKey',
  'chime:CreateApiKey',
  'cloud9:CreateEnvironmentToken',
  'codeartifact:GetAuthorizationToken',
  'codepipeline:PollForJobs',
  'cognito-identity:GetOpenIdToken',
  'cognito-identity:GetOpenIdTokenForDeveloperIdentity',
  'cognito-identity:GetCredentialsForIdentity',
  'cognito-idp:GetSigningCertificate',
  'connect:GetFederationToken',
  'connect:GetFederationTokens',
  'ec2:GetPasswordData',
  'ecr-public:GetAuthorizationToken',
  'emr-containers:GetManagedEndpointSessionCredentials',
  'finspace-api:GetProgrammaticAccessCredentials',
  'gamelift:RequestUploadCredentials',
  'gamelift:GetInstanceAccess',
  'gamelift:GetComputeAccess',
  'gamelift:GetComputeAuthToken',
  'grafana:CreateWorkspaceApiKey',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:CreateServiceSpecificCredential',
  'iam:ResetServiceSpecificCredential',
  'iam:UpdateAccessKey',
  'license-manager:GetAccessToken',
  'lightsail:GetInstanceAccessDetails',
  'lightsail:DownloadDefaultKeyPair',
  'lightsail:CreateBucketAccessKey',
  'lightsail:GetRelationalDatabaseMasterUserPassword',
  'mediapackage:RotateChannelCredentials',
  'mediapackage:RotateIngestEndpointCredentials',
  'rds-db:Connect',
  'redshift:GetClusterCredentials',
  'redshift:GetClusterCredentialsWithIAM',
  'redshift-serverless:GetCredentials',
  'sso:GetRoleCredentials',
  'sts:AssumeRole',
  'sts:AssumeRoleWithSAML',
  'sts:AssumeRoleWithWebIdentity',
  'sts:GetFederationToken',
  'sts:GetSessionToken',
];
/**
 * Left out by default: `ecr:GetAuthorizationToken`, as checkov does (needed by every container pipeline and
 * scoped by the registry policy), and `sts:GetSessionToken`, which returns temporary credentials for the
 * caller itself with its own permissions (the MFA sign-in step of a CLI user) and takes no resource.
 */
export const CREDENTIALS_EXPOSURE_EXEMPT: readonly string[] = ['ecr:GetAuthorizationToken', 'sts:GetSessionToken'];

/**
 * Actions that change who may do what (IAM's "Permissions management" level, common services).
 * `iam:CreateServiceLinkedRole` is not one: the linked service defines the role's trust and permissions
 * policies, only that service can assume it and no one can attach a policy to it (IAM User Guide,
 * "Using service-linked roles"; its access level is Write) — on `*` it is an ordinary write.
 */
export const PERMISSIONS_MANAGEMENT: readonly string[] = [
  'iam:AddUserToGroup',
  'iam:AttachGroupPolicy',
  'iam:AttachRolePolicy',
  'iam:AttachUserPolicy',
  'iam:CreatePolicy',
  'iam:CreatePolicyVersion',
  'iam:DeleteGroupPolicy',
  'iam:DeletePolicy',
  'iam:DeletePolicyVersion',
  'iam:DeleteRolePolicy',
  'iam:DeleteRolePermissionsBoundary',
  'iam:DeleteUserPolicy',
  'iam:DeleteUserPermissionsBoundary',
  'iam:DetachGroupPolicy',
  'iam:DetachRolePolicy',
  'iam:DetachUserPolicy',
  'iam:PutGroupPolicy',
  'iam:PutRolePermissionsBoundary',
  'iam:PutRolePolicy',
  'iam:PutUserPermissionsBoundary',
  'iam:PutUserPolicy',
  'iam:RemoveUserFromGroup',
  'iam:SetDefaultPolicyVersion',
  'iam:UpdateAssumeRolePolicy',
  'iam:CreateRole',
  'iam:CreateUser',
  'iam:CreateLoginProfile',
  'iam:UpdateLoginProfile',
  'iam:CreateAccessKey',
  'iam:UpdateAccessKey',
  'iam:PassRole',
  'iam:ChangePassword',
  'iam:CreateOpenIDConnectProvider',
  'iam:CreateSAMLProvider',
  'iam:UpdateOpenIDConnectProviderThumbprint',
  'iam:AddClientIDToOpenIDConnectProvider',
  's3:PutBucketPolicy',
  's3:DeleteBucketPolicy',
  's3:PutBucketAcl',
  's3:PutObjectAcl',
  's3:PutObjectVersionAcl',
  's3:PutAccessPointPolicy',
  's3:PutBucketPublicAccessBlock',
  's3:PutBucketOwnershipControls',
  's3:PutMultiRegionAccessPointPolicy',
  'kms:PutKeyPolicy',
  'kms:CreateGrant',
  'kms:RetireGrant',
  'kms:RevokeGrant',
  'lambda:AddPermission',
  'lambda:RemovePermission',
  'lambda:AddLayerVersionPermission',
  'lambda:RemoveLayerVersionPermission',
  'lambda:CreateFunctionUrlConfig',
  'lambda:UpdateFunctionUrlConfig',
  'sns:AddPermission',
  'sns:RemovePermission',
  'sns:SetTopicAttributes',
  'sqs:AddPermission',
  'sqs:RemovePermission',
  'sqs:SetQueueAttributes',
  'ecr:SetRepositoryPolicy',
  'ecr:DeleteRepositoryPolicy',
  'ecr:PutRegistryPolicy',
  'ecr-public:SetRepositoryPolicy',
  'secretsmanager:PutResourcePolicy',
  'secretsmanager:DeleteResourcePolicy',
  'glacier:SetVaultAccessPolicy',
  'glue:PutResourcePolicy',
  'ec2:ModifySnapshotAttribute',
  'ec2:ModifyImageAttribute',
  'ec2:CreateNetworkInterfacePermission',
  'ec2:ModifyInstanceAttribute',
  'events:PutPermission',
  'events:RemovePermission',
  'ses:PutIdentityPolicy',
  'backup:PutBackupVaultAccessPolicy',
  'cloudformation:SetStackPolicy',
  'codeartifact:PutDomainPermissionsPolicy',
  'codeartifact:PutRepositoryPermissionsPolicy',
  'elasticfilesystem:PutFileSystemPolicy',
  'es:UpdateElasticsearchDomainConfig',
  'es:UpdateDomainConfig',
  'ram:CreateResourceShare',
  'ram:AssociateResourceShare',
  'ram:UpdateResourceShare',
  'organizations:AttachPolicy',
  'organizations:DetachPolicy',
  'organizations:CreatePolicy',
  'organizations:UpdatePolicy',
  'organizations:DeletePolicy',
  'organizations:EnablePolicyType',
  'organizations:DisablePolicyType',
  'organizations:InviteAccountToOrganization',
  'organizations:CreateAccount',
  'sso:AttachManagedPolicyToPermissionSet',
  'sso:PutInlinePolicyToPermissionSet',
  'sso:CreateAccountAssignment',
  'sso:CreatePermissionSet',
  'sso:AttachCustomerManagedPolicyReferenceToPermissionSet',
  'sso:PutPermissionsBoundaryToPermissionSet',
  'sso:ProvisionPermissionSet',
  'dynamodb:PutResourcePolicy',
  'kinesis:PutResourcePolicy',
  'logs:PutResourcePolicy',
  'apigateway:UpdateRestApiPolicy',
  'serverlessrepo:PutApplicationPolicy',
];

/** Privilege-escalation methods: every action of a method together lets the holder raise its own rights. */
export const PRIVILEGE_ESCALATION: Readonly<Record<string, readonly string[]>> = {
  CreateAccessKey: ['iam:CreateAccessKey'],
  CreateLoginProfile: ['iam:CreateLoginProfile'],
  UpdateLoginProfile: ['iam:UpdateLoginProfile'],
  AddUserToGroup: ['iam:AddUserToGroup'],
  CreateNewPolicyVersion: ['iam:CreatePolicyVersion'],
  SetExistingDefaultPolicyVersion: ['iam:SetDefaultPolicyVersion'],
  AttachUserPolicy: ['iam:AttachUserPolicy'],
  AttachGroupPolicy: ['iam:AttachGroupPolicy'],
  AttachRolePolicy: ['iam:AttachRolePolicy'],
  PutUserPolicy: ['iam:PutUserPolicy'],
  PutGroupPolicy: ['iam:PutGroupPolicy'],
  PutRolePolicy: ['iam:PutRolePolicy'],
  UpdateRolePolicyToAssumeIt: ['iam:UpdateAssumeRolePolicy'],
  PassRoleToNewEC2: ['iam:PassRole', 'ec2:RunInstances'],
  PassRoleToNewLambdaThenInvoke: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'],
  PassRoleToNewLambdaWithTrigger: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:CreateEventSourceMapping'],
  PassRoleToNewLambdaThenAddPermission: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:AddPermission'],
  PassRoleToNewGlueDevEndpoint: ['iam:PassRole', 'glue:CreateDevEndpoint'],
  PassRoleToNewGlueJob: ['iam:PassRole', 'glue:CreateJob', 'glue:StartJobRun'],
  PassRoleToCloudFormation: ['iam:PassRole', 'cloudformation:CreateStack'],
  PassRoleToNewDataPipeline: ['iam:PassRole', 'datapipeline:CreatePipeline'],
  PassRoleToNewCodeBuildProject: ['iam:PassRole', 'codebuild:CreateProject', 'codebuild:StartBuild'],
  PassRoleToNewECSTask: ['iam:PassRole', 'ecs:RegisterTaskDefinition', 'ecs:RunTask'],
  PassRoleToNewECSService: ['iam:PassRole', 'ecs:RegisterTaskDefinition', 'ecs:CreateService'],
  PassRoleToNewSageMakerNotebook: ['iam:PassRole', 'sagemaker:CreateNotebookInstance'],
  PassRoleToNewSageMakerJob: ['iam:PassRole', 'sagemaker:CreateTrainingJob'],
  PassRoleToNewAppRunnerService: ['iam:PassRole', 'apprunner:CreateService'],
  PassRoleToNewEC2SpotInstance: ['iam:PassRole', 'ec2:RequestSpotInstances'],
  UpdateExistingGlueDevEndpoint: ['glue:UpdateDevEndpoint'],
  EditExistingLambdaFunctionWithRole: ['lambda:UpdateFunctionCode'],
  ExecuteCloudFormationChangeSet: ['cloudformation:CreateChangeSet', 'cloudformation:ExecuteChangeSet'],
  ModifyEC2LaunchTemplate: ['ec2:CreateLaunchTemplateVersion', 'ec2:ModifyLaunchTemplate'],
  EC2InstanceConnect: ['ec2-instance-connect:SendSSHPublicKey'],
  SSMSendCommand: ['ssm:SendCommand'],
  SSMStartSession: ['ssm:StartSession'],
  ECSExecuteCommand: ['ecs:ExecuteCommand'],
  CreatePresignedSageMakerNotebookUrl: ['sagemaker:CreatePresignedNotebookInstanceUrl'],
};

/** Methods that only need the one action are the worst: any principal holding it can escalate at once. */
export const CRITICAL_ESCALATIONS = new Set([
  'CreateNewPolicyVersion',
  'SetExistingDefaultPolicyVersion',
  'AttachUserPolicy',
  'AttachGroupPolicy',
  'AttachRolePolicy',
  'PutUserPolicy',
  'PutGroupPolicy',
  'PutRolePolicy',
  'UpdateRolePolicyToAssumeIt',
  'CreateAccessKey',
  'CreateLoginProfile',
  'UpdateLoginProfile',
  'AddUserToGroup',
]);

// ---------------------------------------------------------------------------------------------------
// Remediation: what to grant instead

/** Least-privilege action sets by service and resource type, for "grant these instead of `s3:*`". */
const TYPICAL: Record<string, Record<string, string[]>> = {
  s3: {
    object: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
    bucket: ['s3:ListBucket', 's3:GetBucketLocation'],
    '': ['s3:ListBucket', 's3:GetObject', 's3:PutObject'],
  },
  dynamodb: { '': ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:BatchWriteItem'] },
  sqs: { '': ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'] },
  sns: { '': ['sns:Publish'] },
  kms: { '': ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'] },
  secretsmanager: { '': ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'] },
  ssm: { parameter: ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath'], '': ['ssm:GetParameter', 'ssm:GetParameters'] },
  logs: { '': ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:CreateLogGroup'] },
  lambda: { '': ['lambda:InvokeFunction', 'lambda:GetFunction'] },
  ecr: { '': ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability', 'ecr:PutImage', 'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload'] },
  ec2: { instance: ['ec2:StartInstances', 'ec2:StopInstances', 'ec2:DescribeInstances'], '': ['ec2:DescribeInstances'] },
  kinesis: { '': ['kinesis:PutRecord', 'kinesis:PutRecords', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStream'] },
  firehose: { '': ['firehose:PutRecord', 'firehose:PutRecordBatch'] },
  states: { '': ['states:StartExecution', 'states:DescribeExecution'] },
  events: { '': ['events:PutEvents'] },
  cloudwatch: { '': ['cloudwatch:PutMetricData'] },
  xray: { '': ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'] },
  sts: { '': ['sts:AssumeRole'] },
  iam: { '': ['iam:GetRole', 'iam:PassRole'] },
  ecs: { '': ['ecs:RunTask', 'ecs:DescribeTasks', 'ecs:UpdateService'] },
  rds: { '': ['rds-db:connect', 'rds:DescribeDBInstances'] },
};

/** ARN shapes by service, for "scope `Resource: *` to …". */
const ARN_SHAPE: Record<string, string> = {
  s3: 'arn:aws:s3:::<bucket> and arn:aws:s3:::<bucket>/<prefix>/*',
  dynamodb: 'arn:aws:dynamodb:<region>:<account>:table/<table>',
  sqs: 'arn:aws:sqs:<region>:<account>:<queue>',
  sns: 'arn:aws:sns:<region>:<account>:<topic>',
  kms: 'arn:aws:kms:<region>:<account>:key/<key-id>',
  secretsmanager: 'arn:aws:secretsmanager:<region>:<account>:secret:<name>-*',
  ssm: 'arn:aws:ssm:<region>:<account>:parameter/<path>/*',
  logs: 'arn:aws:logs:<region>:<account>:log-group:<group>:*',
  lambda: 'arn:aws:lambda:<region>:<account>:function:<name>',
  ecr: 'arn:aws:ecr:<region>:<account>:repository/<repo>',
  ec2: 'arn:aws:ec2:<region>:<account>:instance/<id> (or a tag condition such as aws:ResourceTag/<key>)',
  iam: 'arn:aws:iam::<account>:role/<name>',
  sts: 'arn:aws:iam::<account>:role/<role-to-assume>',
  kinesis: 'arn:aws:kinesis:<region>:<account>:stream/<stream>',
  firehose: 'arn:aws:firehose:<region>:<account>:deliverystream/<stream>',
  states: 'arn:aws:states:<region>:<account>:stateMachine:<name>',
  events: 'arn:aws:events:<region>:<account>:event-bus/<bus>',
  ecs: 'arn:aws:ecs:<region>:<account>:service/<cluster>/<service>',
  rds: 'arn:aws:rds:<region>:<account>:db:<instance>',
  glue: 'arn:aws:glue:<region>:<account>:job/<name>',
  cloudformation: 'arn:aws:cloudformation:<region>:<account>:stack/<name>/*',
  codebuild: 'arn:aws:codebuild:<region>:<account>:project/<name>',
};

/** `s3` (and resource type `object` / `bucket`) of an ARN; `undefined` for `*` and non-ARNs. */
export function arnService(arn: string): { service: string; type: string } | undefined {
  const m = /^arn:aws[\w-]*:([\w-]+):[^:]*:[^:]*:(.*)$/.exec(arn);
  if (!m) return undefined;
  const service = m[1]!.toLowerCase();
  const rest = m[2]!;
  if (service === 's3') return { service, type: rest.includes('/') ? 'object' : 'bucket' };
  if (service === 'ssm' && rest.startsWith('parameter')) return { service, type: 'parameter' };
  if (service === 'ec2' && rest.startsWith('instance')) return { service, type: 'instance' };
  return { service, type: '' };
}

/**
 * The specific actions to grant instead of a wildcard, inferred from the wildcard's service prefix or the
 * statement's resource ARNs; `undefined` when nothing sensible can be inferred.
 */
export function suggestActions(action: string, resources: readonly string[]): string[] | undefined {
  const svc = action === '*' ? undefined : serviceOf(action);
  const out = new Set<string>();
  const typesFor = (service: string): Set<string> => {
    const types = new Set<string>();
    for (const r of resources) {
      const a = arnService(r);
      if (a && a.service === service) types.add(a.type);
    }
    return types;
  };
  const services = svc ? [svc] : [...new Set(resources.map((r) => arnService(r)?.service).filter((s): s is string => !!s))];
  for (const s of services) {
    const table = TYPICAL[s];
    if (!table) continue;
    const types = typesFor(s);
    const keys = types.size ? [...types] : [''];
    for (const t of keys) for (const a of table[t] ?? table['']!) out.add(a);
  }
  return out.size ? [...out] : undefined;
}

/** The ARN shape to scope `Resource: "*"` to, for the services of some actions. */
export function suggestResources(actions: readonly string[]): string[] {
  const out = new Set<string>();
  for (const a of actions) {
    const shape = ARN_SHAPE[serviceOf(a)];
    if (shape) out.add(shape);
  }
  return [...out];
}

/** Backticked, comma-separated, at most `max` items. */
export function codeList(xs: readonly string[], max = 6): string {
  const shown = xs.slice(0, max).map((x) => `\`${x}\``);
  return xs.length > max ? `${shown.join(', ')} …` : shown.join(', ');
}
