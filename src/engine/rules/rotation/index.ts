/** Every rotation rule. */
import type { Rule } from '../../rule.js';
import inventoryMissing from './inventory-missing.js';
import inventoryInvalid from './inventory-invalid.js';
import inventoryIncomplete from './inventory-incomplete.js';
import rotationPeriodTooLong from './rotation-period-too-long.js';
import credentialOverdue from './credential-overdue.js';
import credentialExpiring from './credential-expiring.js';
import staleCredential from './stale-credential.js';
import awsKmsKeyRotation from './aws-kms-key-rotation.js';
import awsSecretsManagerRotation from './aws-secrets-manager-rotation.js';
import awsIamAccessKey from './aws-iam-access-key.js';
import awsIamUser from './aws-iam-user.js';
import gcpKmsKeyRotation from './gcp-kms-key-rotation.js';
import gcpServiceAccountKey from './gcp-service-account-key.js';
import azureKeyVaultExpiry from './azure-key-vault-expiry.js';
import azureStorageSasExpiry from './azure-storage-sas-expiry.js';
import aksSecretRotation from './aks-secret-rotation.js';
import azureLocalAuth from './azure-local-auth.js';
import alicloudKmsKeyRotation from './alicloud-kms-key-rotation.js';
import yandexKmsKeyRotation from './yandex-kms-key-rotation.js';
import passwordPolicyMaxAge from './password-policy-max-age.js';
import gitlabTokenExpiry from './gitlab-token-expiry.js';
import k8sServiceAccountToken from './k8s-service-account-token.js';
import kubeletCertificateRotation from './kubelet-certificate-rotation.js';
import workflowLongLivedCloudKeys from './workflow-long-lived-cloud-keys.js';
import workflowPublishToken from './workflow-publish-token.js';

export const rotationRules: Rule[] = [
  inventoryMissing,
  inventoryInvalid,
  inventoryIncomplete,
  rotationPeriodTooLong,
  credentialOverdue,
  credentialExpiring,
  staleCredential,
  awsKmsKeyRotation,
  awsSecretsManagerRotation,
  awsIamAccessKey,
  awsIamUser,
  gcpKmsKeyRotation,
  gcpServiceAccountKey,
  azureKeyVaultExpiry,
  azureStorageSasExpiry,
  aksSecretRotation,
  azureLocalAuth,
  alicloudKmsKeyRotation,
  yandexKmsKeyRotation,
  passwordPolicyMaxAge,
  gitlabTokenExpiry,
  k8sServiceAccountToken,
  kubeletCertificateRotation,
  workflowLongLivedCloudKeys,
  workflowPublishToken,
];
