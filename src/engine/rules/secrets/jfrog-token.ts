import { defineSecretRuleSet } from './lib/rule-set.js';
import { nestedSecret } from './lib/keyed-secret.js';
import { assignment, names } from './lib/assignment.js';

const notHexDigest = (s: string): boolean => !/^[0-9a-f]+$/i.test(s) && /[0-9]/.test(s) && /[A-Za-z]/.test(s);

export default defineSecretRuleSet({
  id: 'secrets/jfrog-token',
  description: 'JFrog Artifactory API key, reference token or identity token',
  severity: 'critical',
  variants: [
    {
      // API keys: AKCp + 69 alphanumerics.
      keywords: ['akcp'],
      pattern: /(?<![A-Za-z0-9_])(?<secret>AKCp[A-Za-z0-9]{69})(?![A-Za-z0-9_])/g,
      minEntropy: 4.5,
    },
    {
      // Reference tokens: base64 of "reftkn:…", hence `cmVmd` + 59.
      keywords: ['cmvmd'],
      pattern: /(?<![A-Za-z0-9_+/])(?<secret>cmVmd[A-Za-z0-9]{59})(?![A-Za-z0-9_+/])/g,
      minEntropy: 4.5,
      message: 'JFrog Artifactory reference token committed to the repository.',
    },
    {
      // Identity tokens (64) and API keys (73) next to a JFrog name; not a sha256 of an artifact.
      keywords: ['jfrog', 'artifactory', 'bintray', 'xray'],
      pattern: assignment(names('jfrog', 'artifactory', 'bintray', 'xray'), '(?:[A-Za-z0-9]{64}|[A-Za-z0-9]{73})'),
      nextLine: true,
      minEntropy: 3.5,
      validate: notHexDigest,
      confidence: 'medium',
    },
    {
      // An Artifactory encrypted password (`AP` and a hex digit, then letters and digits) next to a JFrog
      // name: `X-JFrog-Art-Api: AP6…`, `artifactory_password=AP…`, what Artifactory's profile page hands out.
      keywords: ['jfrog', 'artifactory'],
      pattern: assignment(names('jfrog', 'artifactory'), 'AP[0-9A-F][A-Za-z0-9]{20,80}'),
      minEntropy: 3.5,
      validate: notHexDigest,
      confidence: 'medium',
      message: 'JFrog Artifactory encrypted password committed to the repository.',
    },
    {
      // Under a parent key named after the provider (`artifactory:\n  api_key: …`, `[artifactory]\ntoken = …`).
      keywords: ['jfrog', 'artifactory', 'bintray', 'xray'],
      pattern: nestedSecret(['jfrog', 'artifactory', 'bintray', 'xray'], '(?:[A-Za-z0-9]{64}|[A-Za-z0-9]{73})'),
      nextLine: true,
      minEntropy: 3.5,
      validate: notHexDigest,
      confidence: 'medium',
    },
  ],
  revoke: {
    provider: 'JFrog Platform / Artifactory',
    url: 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens',
    steps: [
      'Revoke it: API keys under Edit Profile → API Key (revoke/regenerate; API keys are deprecated), reference and identity tokens under Administration → User Management → Access Tokens (or `jf rt access-token-revoke`).',
      'Review the Artifactory access log for downloads and deployments made with it since it was committed; check deployed artifacts for tampering.',
      'Replace it with a scoped access token with an expiry (or OIDC from CI), stored as a CI secret.',
    ],
  },
});
