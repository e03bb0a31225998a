import { defineSecretRule } from './define.js';

/** OpenShift 4 OAuth access tokens (`oc whoami -t`): `sha256~` + 43 URL-safe characters. */
export default defineSecretRule({
  id: 'secrets/openshift-user-token',
  description: 'OpenShift user (OAuth access) token',
  severity: 'high',
  confidence: 'high',
  keywords: ['sha256~'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>sha256~[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Red Hat OpenShift',
    url: 'https://docs.redhat.com/en/documentation/openshift_container_platform/latest/html/authentication_and_authorization/managing-oauth-access-tokens',
    steps: [
      'Delete the token: `oc delete useroauthaccesstoken <sha256~name>` (find it with `oc get useroauthaccesstokens`), or log that session out.',
      'Use a service account with a bound, short-lived token for automation instead of a user token.',
      'Review the cluster audit log for requests made with the token since the commit.',
    ],
  },
});
