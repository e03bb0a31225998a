import { shannonEntropy } from '../../entropy.js';
import { defineSecretRuleSet } from './lib/rule-set.js';

/**
 * The Jenkins controller's master key, JENKINS_HOME/secrets/master.key: 128 random bytes in hex (256
 * digits, Jenkins's DefaultConfidentialStore). It decrypts secrets/hudson.util.Secret and the other
 * confidential keys, and so every `{AQAAAB…}` secret in credentials.xml and the jobs' config.xml.
 */
export default defineSecretRuleSet({
  id: 'secrets/jenkins-master-key',
  description: 'Jenkins controller master key (secrets/master.key)',
  severity: 'critical',
  confidence: 'high',
  appliesTo: (path) => /(?:^|\/)secrets\/master\.key$/i.test(path),
  variants: [
    {
      // Decided by the file's name: a hex file has no keyword to look for.
      keywords: [],
      pattern: /^[ \t]*(?<secret>[0-9a-f]{256})[ \t]*(?:\r?\n)?$/g,
      placeholders: 'off',
      validate: (s) => shannonEntropy(s) >= 3.7,
      message: 'Jenkins master key committed (secrets/master.key): with the secrets/ folder it decrypts every stored Jenkins credential ({AQAAAB…} values in credentials.xml and job configurations).',
    },
  ],
  revoke: {
    provider: 'The Jenkins controller (every credential it stores)',
    url: 'https://www.jenkins.io/doc/book/security/',
    steps: [
      'Treat every credential the controller stores as exposed: rotate each at the system it is for.',
      'Re-key the controller: stop it, move secrets/master.key and secrets/hudson.util.Secret aside, start it, and enter the rotated credentials again (the old encrypted values no longer decrypt).',
      'Remove the secrets/ folder from the repository and its history; exclude it from JENKINS_HOME backups kept in source control.',
    ],
  },
});
