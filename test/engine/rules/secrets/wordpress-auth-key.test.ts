import rule from '../../../../src/engine/rules/secrets/wordpress-auth-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand } from '../../../helpers/tokens.js';

// WordPress's alphabet for keys and salts (printable ASCII with the space), less the quote and backslash.
const WP = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))
  .filter((c) => c !== "'" && c !== '\\')
  .join('');
const k1 = rand(64, WP, 'wpk1');
const k2 = rand(64, WP, 'wpk2');

ruleTester(rule, {
  valid: [
    // wp-config-sample.php, and Bedrock's stub.
    { code: "define( 'AUTH_KEY',         'put your unique phrase here' );\n", path: 'wp-config-sample.php' },
    { code: "AUTH_KEY='generateme'\n", path: '.env.example' },
    { code: "define( 'NONCE_SALT', getenv('NONCE_SALT') );\n", path: 'wp-config.php' },
    // A phrase someone typed is words, not a generated key.
    { code: "define('AUTH_KEY', 'the quick brown fox jumps over the lazy dog again');\n", path: 'wp-config.php' },
  ],
  invalid: [
    { name: 'wp-config.php key', code: `<?php\ndefine( 'AUTH_KEY',         '${k1}' );\n`, path: 'wp-config.php', secret: k1, line: 2 },
    { name: 'wp-config.php salt, double quotes', code: `define("LOGGED_IN_SALT", "${k2.replace(/"/g, 'q')}");\n`, path: 'public/wp-config.php' },
    { name: 'Bedrock .env', code: `DB_NAME=wp\nNONCE_KEY='${k2}'\n`, path: '.env', secret: k2, line: 2 },
  ],
});
