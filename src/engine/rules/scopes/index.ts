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
import appTokenUnscoped from './app-token-unscoped.js';
import privilegedCheckout from './privileged-checkout.js';
import checkoutPersistCredentials from './checkout-persist-credentials.js';
import appManifestPermissions from './app-manifest-permissions.js';
import tokenScopes from './token-scopes.js';
import classicPat from './classic-pat.js';

export const scopeRules: Rule[] = [
  workflowWriteAll,
  workflowMissingPermissions,
  workflowLevelWrite,
  workflowReadAll,
  workflowUnknownPermission,
  workflowDisallowedWrite,
  workflowSecretsInherit,
  workflowDynamicSecrets,
  appTokenUnscoped,
  privilegedCheckout,
  checkoutPersistCredentials,
  appManifestPermissions,
  tokenScopes,
  classicPat,
];
