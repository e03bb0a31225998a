import { shannonEntropy } from '../../entropy.js';
import { defineSecretRuleSet } from './lib/rule-set.js';

const NAMES = 'AUTH_KEY|SECURE_AUTH_KEY|LOGGED_IN_KEY|NONCE_KEY|AUTH_SALT|SECURE_AUTH_SALT|LOGGED_IN_SALT|NONCE_SALT';

/**
 * Generated: WordPress draws its keys and salts from 92 printable characters, spaces included
 * (wp_generate_password(64, true, true), the api.wordpress.org/secret-key service), so 64 of them carry
 * far more entropy than a phrase. The sample's `put your unique phrase here` and words are not reported.
 */
function isGeneratedSalt(v: string): boolean {
  if (v.length < 32 || /unique phrase|generateme|changeme/i.test(v)) return false;
  const words = v.split(/\s+/).filter((w) => /^[A-Za-z]{3,}$/.test(w)).length;
  return words < 3 && shannonEntropy(v) >= 4.5;
}

/**
 * WordPress's authentication keys and salts in wp-config.php (`define( 'AUTH_KEY', '…' );`) or a Bedrock
 * .env (`AUTH_KEY='…'`). They key the HMACs of the login cookies and nonces (wp_hash): whoever holds them
 * can forge a logged-in cookie given the user's password-hash fragment from the database, and forge
 * nonces. Rotating them signs everyone out, which is what a committed set calls for.
 */
export default defineSecretRuleSet({
  id: 'secrets/wordpress-auth-key',
  description: 'WordPress authentication key or salt (wp-config.php)',
  severity: 'medium',
  confidence: 'high',
  variants: [
    {
      keywords: ['_key', '_salt'],
      pattern: new RegExp(String.raw`\bdefine\([ \t]*(?<q0>['"])(?:${NAMES})\k<q0>[ \t]*,[ \t]*(?<q>['"])(?<secret>(?:(?!\k<q>)[^\\\r\n]|\\.){32,200})\k<q>[ \t]*\)`, 'g'),
      placeholders: 'off',
      validate: isGeneratedSalt,
      message: 'WordPress authentication key or salt committed: it signs login cookies and nonces; generate a new set (which signs everyone out).',
    },
    {
      // Bedrock's .env.
      keywords: ['_key=', '_salt='],
      pattern: new RegExp(String.raw`^[ \t]*(?:${NAMES})=(?<q>['"])(?<secret>(?:(?!\k<q>)[^\\\r\n]|\\.){32,200})\k<q>[ \t]*$`, 'gm'),
      placeholders: 'off',
      validate: isGeneratedSalt,
      message: 'WordPress authentication key or salt committed: it signs login cookies and nonces; generate a new set (which signs everyone out).',
    },
  ],
  revoke: {
    provider: 'The WordPress sites that use the configuration',
    url: 'https://developer.wordpress.org/apis/wp-config-php/#security-keys',
    steps: [
      'Generate a new set of keys and salts (https://api.wordpress.org/secret-key/1.1/salt/ or `wp config shuffle-salts`) on every site that used them; this signs all users out.',
      'Keep wp-config.php (or .env) out of the repository: commit wp-config-sample.php and inject the values at deployment.',
      'If the database may also have leaked, reset user passwords as well: the keys and a password-hash fragment together forge logins.',
    ],
  },
});
