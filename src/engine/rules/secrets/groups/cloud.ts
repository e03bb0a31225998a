/** Cloud and PaaS providers: AWS, Google Cloud, Azure, DigitalOcean, Heroku, Cloudflare, Alibaba, Tencent, IBM, and hosting platforms. */
import type { Rule } from '../../../rule.js';
import awsAccessKeyId from '../aws-access-key-id.js';
import awsSecretAccessKey from '../aws-secret-access-key.js';
import awsKeyPair from '../aws-key-pair.js';
import awsSessionToken from '../aws-session-token.js';
import awsBedrockApiKey from '../aws-bedrock-api-key.js';
import awsAppsyncApiKey from '../aws-appsync-api-key.js';
import gcpApiKey from '../gcp-api-key.js';
import gcpServiceAccountKey from '../gcp-service-account-key.js';
import googleOauthClientSecret from '../google-oauth-client-secret.js';
import firebaseCloudMessagingServerKey from '../firebase-cloud-messaging-server-key.js';
import azureStorageAccountKey from '../azure-storage-account-key.js';
import azureIdentifiableKey from '../azure-identifiable-key.js';
import azureSasToken from '../azure-sas-token.js';
import azureEntraClientSecret from '../azure-entra-client-secret.js';
import azureNamedCredential from '../azure-named-credential.js';
import azureDevopsPat from '../azure-devops-pat.js';
import azureDevopsPatLegacy from '../azure-devops-pat-legacy.js';
import azureSharedAccessKey from '../azure-shared-access-key.js';
import azureEntraRefreshToken from '../azure-entra-refresh-token.js';
import azureAiServiceKey from '../azure-ai-service-key.js';
import azureAppConfigurationConnectionString from '../azure-app-configuration-connection-string.js';
import digitaloceanToken from '../digitalocean-token.js';
import digitaloceanLegacyToken from '../digitalocean-legacy-token.js';
import herokuApiKey from '../heroku-api-key.js';
import herokuLegacyApiKey from '../heroku-legacy-api-key.js';
import cloudflareApiToken from '../cloudflare-api-token.js';
import cloudflareLegacyApiToken from '../cloudflare-legacy-api-token.js';
import cloudflareGlobalApiKey from '../cloudflare-global-api-key.js';
import cloudflareOriginCaKey from '../cloudflare-origin-ca-key.js';
import alibabaAccessKeyId from '../alibaba-access-key-id.js';
import alibabaAccessKeySecret from '../alibaba-access-key-secret.js';
import tencentCloudSecretId from '../tencent-cloud-secret-id.js';
import tencentCloudSecretKey from '../tencent-cloud-secret-key.js';
import ibmCloudApiKey from '../ibm-cloud-api-key.js';
import ibmCosHmacSecret from '../ibm-cos-hmac-secret.js';
import ibmCloudantCredentials from '../ibm-cloudant-credentials.js';
import softlayerApiKey from '../softlayer-api-key.js';
import scalewaySecretKey from '../scaleway-secret-key.js';
import linodeToken from '../linode-token.js';
import vultrApiKey from '../vultr-api-key.js';
import hetznerCloudToken from '../hetzner-cloud-token.js';
import flyioToken from '../flyio-token.js';
import supabaseToken from '../supabase-token.js';
import vercelToken from '../vercel-token.js';
import vercelLegacyToken from '../vercel-legacy-token.js';
import netlifyToken from '../netlify-token.js';
import netlifyLegacyToken from '../netlify-legacy-token.js';
import renderApiKey from '../render-api-key.js';
import railwayToken from '../railway-token.js';
import scalingoApiToken from '../scalingo-api-token.js';
import openshiftUserToken from '../openshift-user-token.js';
import yandexCloudCredential from '../yandex-cloud-credential.js';
import saladcloudApiKey from '../saladcloud-api-key.js';

import clickhouseCloudApiKey from '../clickhouse-cloud-api-key.js';
import planetscaleToken from '../planetscale-token.js';
import definedNetworkingApiToken from '../defined-networking-api-token.js';
import tailscaleKey from '../tailscale-key.js';
import ciscoMerakiApiKey from '../cisco-meraki-api-key.js';
import confluentApiKey from '../confluent-api-key.js';
import fastlyApiToken from '../fastly-api-token.js';
import portainerAccessToken from '../portainer-access-token.js';
import mongodbAtlasServiceAccountSecret from '../mongodb-atlas-service-account-secret.js';
export const rules: Rule[] = [
  awsAccessKeyId,
  awsSecretAccessKey,
  awsKeyPair,
  awsSessionToken,
  awsBedrockApiKey,
  awsAppsyncApiKey,
  gcpApiKey,
  gcpServiceAccountKey,
  googleOauthClientSecret,
  firebaseCloudMessagingServerKey,
  azureStorageAccountKey,
  azureIdentifiableKey,
  azureSasToken,
  azureEntraClientSecret,
  azureNamedCredential,
  azureDevopsPat,
  azureDevopsPatLegacy,
  azureSharedAccessKey,
  azureEntraRefreshToken,
  azureAiServiceKey,
  azureAppConfigurationConnectionString,
  digitaloceanToken,
  digitaloceanLegacyToken,
  herokuApiKey,
  herokuLegacyApiKey,
  cloudflareApiToken,
  cloudflareLegacyApiToken,
  cloudflareGlobalApiKey,
  cloudflareOriginCaKey,
  alibabaAccessKeyId,
  alibabaAccessKeySecret,
  tencentCloudSecretId,
  tencentCloudSecretKey,
  ibmCloudApiKey,
  ibmCosHmacSecret,
  ibmCloudantCredentials,
  softlayerApiKey,
  scalewaySecretKey,
  linodeToken,
  vultrApiKey,
  hetznerCloudToken,
  flyioToken,
  supabaseToken,
  vercelToken,
  vercelLegacyToken,
  netlifyToken,
  netlifyLegacyToken,
  renderApiKey,
  railwayToken,
  scalingoApiToken,
  openshiftUserToken,
  yandexCloudCredential,
  saladcloudApiKey,
  clickhouseCloudApiKey,
  planetscaleToken,
  definedNetworkingApiToken,
  tailscaleKey,
  ciscoMerakiApiKey,
  confluentApiKey,
  fastlyApiToken,
  portainerAccessToken,
  mongodbAtlasServiceAccountSecret,
];
