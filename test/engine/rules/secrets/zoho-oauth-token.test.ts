import rule from '../../../../src/engine/rules/secrets/zoho-oauth-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { ALNUM, HEX, UPPER_ALNUM, cat, rand } from '../../../helpers/tokens.js';

const refresh = cat('1000', '.', rand(32, HEX, 'zr1'), '.', rand(32, HEX, 'zr2'));
const access = cat('1000', '.', rand(32, HEX, 'za1'), '.', rand(32, HEX, 'za2'));

ruleTester(rule, {
  valid: [
    // the docs' example refresh token, and their masked one
    `&refresh_token=${cat('1000', '.', '86a03ca5dbfccb74', '45b1889b8215efb0', '.', 'cad9e1ae4989a119', '6fe05aa729fcb4e1')}`,
    'https://accounts.zoho.com/oauth/v2/token?refresh_token=1000.8ecdxxxxxxxxxxxxxxxxxxxxx5cb7.4638xxxxxxxxxxxxxxxxxxxxxxebdc',
    `client_id=${cat('1000', '.', rand(30, UPPER_ALNUM, 'zcid'))}`, // a client id is public
    `ZOHO_REFRESH_TOKEN=${cat('1000', '.', rand(32, ALNUM, 'za'), '.', rand(32, ALNUM, 'zb'))}`, // hex only
    `ZOHO_REFRESH_TOKEN=${cat('1000', '.', '0'.repeat(32), '.', '0'.repeat(32))}`,
    `ZOHO_REFRESH_TOKEN=${cat('1000', '.', rand(24, HEX, 's1'), '.', rand(24, HEX, 's2'))}`,
    `version = "${cat('21000', '.', rand(32, HEX, 'v1'), '.', rand(32, HEX, 'v2'))}"`,
  ],
  invalid: [
    { code: `ZOHO_REFRESH_TOKEN=${refresh}`, secret: refresh, path: '.env' },
    { code: `headers = {"Authorization": "Zoho-oauthtoken ${access}"}`, secret: access, path: 'crm.py' },
    { code: `zoho:\n  crm:\n    refresh_token: "${refresh}"`, secret: refresh, path: 'config/settings.yml' },
    { code: `$params = ['refresh_token' => '${refresh}', 'grant_type' => 'refresh_token'];`, secret: refresh, path: 'zoho.php' },
  ],
});
