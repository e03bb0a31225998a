import rule from '../../../../src/engine/rules/secrets/freemius-secret-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

const key = cat('sk', '_', rand(14, ALNUM, 'fm1'), '#$', rand(13, ALNUM, 'fm2'));

ruleTester(rule, {
  valid: [
    { code: `secret_key = '${key}'`, path: 'config.py' }, // not the SDK's array entry
    { code: `'public_key' => 'pk_${rand(29, ALNUM, 'p')}',`, path: 'plugin.php' },
    { code: `'secret_key' => 'sk_${rand(28, ALNUM, 'q')}',`, path: 'plugin.php' }, // too short
    { code: `'secret_key' => getenv('FS_SECRET_KEY'),`, path: 'plugin.php' },
    { code: `'secret_key' => 'sk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxx',`, path: 'plugin.php' },
  ],
  invalid: [
    { code: `\$my_fs = fs_dynamic_init( array(\n  'id' => '1234',\n  'public_key' => 'pk_x',\n  'secret_key' => '${key}',\n) );`, path: 'plugin.php', secret: key, count: 1 },
    { code: `"secret_key" => "${key}"`, path: 'freemius.php', secret: key },
    { code: `'secret_key'=>'${key}'`, path: 'init.inc', secret: key },
  ],
});
