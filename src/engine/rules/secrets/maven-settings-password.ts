import { defineSecretRule } from './define.js';
import { isPlaceholder, isReference } from '../../placeholder.js';

/**
 * Repository credentials (Maven Central / Sonatype, Nexus, Artifactory, GitHub Packages) in a Maven
 * `settings.xml`: `<server>…<password>…</password>`. Encrypted values (`{…}`) and property references
 * (`${env.X}`) are fine; a literal is a committed credential.
 */
export default defineSecretRule({
  id: 'secrets/maven-settings-password',
  description: 'Repository password or token in a Maven settings.xml',
  severity: 'high',
  confidence: 'medium',
  keywords: ['<password>', '<passphrase>'],
  appliesTo: (path) => /(?:^|\/)settings(?:-[\w.-]+)?\.xml$/i.test(path),
  placeholders: 'off',
  pattern: /<(?:password|passphrase)>\s{0,8}(?<secret>[^<\s][^<\n]{3,511}?)\s{0,8}<\/(?:password|passphrase)>/g,
  validate: (s) =>
    !/^\{[A-Za-z0-9+/=]+\}$/.test(s) && // mvn --encrypt-password output
    !/\$\{[^}]*\}/.test(s) &&
    !isReference(s) &&
    !isPlaceholder(s, false) &&
    !/^(?:password|passwd|secret|token|changeit|admin|\*+)$/i.test(s),
  revoke: {
    provider: 'The repository manager the <server> entry is for (Sonatype Central / OSSRH, Nexus, Artifactory, GitHub Packages, …)',
    url: 'https://maven.apache.org/guides/mini/guide-encryption.html',
    steps: [
      'Match the <server><id> to the repository in the POM, then revoke that user token (Sonatype Central: regenerate the user token) or change that account’s password.',
      'Replace the literal with `${env.REPO_PASSWORD}` and supply it from a CI secret, or encrypt it with `mvn --encrypt-password` and keep settings-security.xml out of the repository.',
      'Check the repository for artifacts deployed with the credential since it was committed.',
    ],
  },
});
