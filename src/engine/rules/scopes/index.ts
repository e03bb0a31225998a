/** Every scope (least-privilege) rule. */
import type { Rule } from '../../rule.js';
import workflowWriteAll from './workflow-write-all.js';
import workflowMissingPermissions from './workflow-missing-permissions.js';
import workflowLevelWrite from './workflow-level-write.js';
import workflowReadAll from './workflow-read-all.js';
import workflowUnknownPermission from './workflow-unknown-permission.js';
import workflowDisallowedWrite from './workflow-disallowed-write.js';
import workflowSecretsInherit from './workflow-secrets-inherit.js';
import workflowDynamicSecrets from './workflow-dynamic-secrets.js';
import workflowUnredactedSecrets from './workflow-unredacted-secrets.js';
import workflowSecretsWithoutEnvironment from './workflow-secrets-without-environment.js';
import appTokenUnscoped from './app-token-unscoped.js';
import privilegedCheckout from './privileged-checkout.js';
import checkoutPersistCredentials from './checkout-persist-credentials.js';
import appManifestPermissions from './app-manifest-permissions.js';
import tokenScopes from './token-scopes.js';
import classicPat from './classic-pat.js';
import githubProviderPlaintextSecret from './github-provider-plaintext-secret.js';
import githubProviderWriteAccess from './github-provider-write-access.js';
import awsIamWildcard from './aws-iam-wildcard.js';
import awsIamAdminPolicy from './aws-iam-admin-policy.js';
import awsIamUserPolicy from './aws-iam-user-policy.js';
import awsIamPrivilegeEscalation from './aws-iam-privilege-escalation.js';
import awsOidcTrustUnscoped from './aws-oidc-trust-unscoped.js';
import awsIamTrustPublic from './aws-iam-trust-public.js';
import awsIamTrustAccount from './aws-iam-trust-account.js';
import awsResourcePolicyWildcard from './aws-resource-policy-wildcard.js';
import gcpBasicRole from './gcp-basic-role.js';
import gcpUserGrant from './gcp-user-grant.js';
import gcpSaImpersonation from './gcp-sa-impersonation.js';
import gcpSaPrivileged from './gcp-sa-privileged.js';
import gcpWorkloadIdentityUnscoped from './gcp-workload-identity-unscoped.js';
import gcpDefaultComputeSa from './gcp-default-compute-sa.js';
import gcpApiKeyUnrestricted from './gcp-api-key-unrestricted.js';
import gcpPublicGrant from './gcp-public-grant.js';
import yandexElevatedRole from './yandex-elevated-role.js';
import azureRoleWildcard from './azure-role-wildcard.js';
import azureOwnerAssignment from './azure-owner-assignment.js';
import k8sRbacWildcard from './k8s-rbac-wildcard.js';
import k8sClusterAdminBinding from './k8s-cluster-admin-binding.js';
import k8sSecretsRead from './k8s-secrets-read.js';
import k8sRbacEscalation from './k8s-rbac-escalation.js';
import k8sBindingPrivilegedRole from './k8s-binding-privileged-role.js';
import k8sSystemMasters from './k8s-system-masters.js';
import eksAccessPolicyAdmin from './eks-access-policy-admin.js';
import gkeLegacyAbac from './gke-legacy-abac.js';
import aksRbacDisabled from './aks-rbac-disabled.js';
import cognitoUnauthenticatedIdentities from './cognito-unauthenticated-identities.js';

export const scopeRules: Rule[] = [
  workflowWriteAll,
  workflowMissingPermissions,
  workflowLevelWrite,
  workflowReadAll,
  workflowUnknownPermission,
  workflowDisallowedWrite,
  workflowSecretsInherit,
  workflowDynamicSecrets,
  workflowUnredactedSecrets,
  workflowSecretsWithoutEnvironment,
  appTokenUnscoped,
  privilegedCheckout,
  checkoutPersistCredentials,
  appManifestPermissions,
  tokenScopes,
  classicPat,
  githubProviderPlaintextSecret,
  githubProviderWriteAccess,
  awsIamWildcard,
  awsIamAdminPolicy,
  awsIamUserPolicy,
  awsIamPrivilegeEscalation,
  awsOidcTrustUnscoped,
  awsIamTrustPublic,
  awsIamTrustAccount,
  awsResourcePolicyWildcard,
  gcpBasicRole,
  gcpUserGrant,
  gcpSaImpersonation,
  gcpSaPrivileged,
  gcpWorkloadIdentityUnscoped,
  gcpDefaultComputeSa,
  gcpApiKeyUnrestricted,
  gcpPublicGrant,
  yandexElevatedRole,
  azureRoleWildcard,
  azureOwnerAssignment,
  k8sRbacWildcard,
  k8sClusterAdminBinding,
  k8sSecretsRead,
  k8sRbacEscalation,
  k8sBindingPrivilegedRole,
  k8sSystemMasters,
  eksAccessPolicyAdmin,
  gkeLegacyAbac,
  aksRbacDisabled,
  cognitoUnauthenticatedIdentities,
];
