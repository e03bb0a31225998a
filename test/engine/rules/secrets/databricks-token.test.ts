import rule from '../../../../src/engine/rules/secrets/databricks-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX } from '../../../helpers/tokens.js';

const token = cat('da', 'pi', rand(32, HEX, 'db'));
const suffixed = cat('da', 'pi', rand(32, HEX, 'db2'), '-2');

ruleTester(rule, {
  valid: [
    `DATABRICKS_TOKEN=${cat('da', 'pi')}123456789012345678a9bc01234defg5`, // not hex
    `token = "${cat('da', 'pi')}1234"`,
    `token = "${cat('da', 'pi')}${rand(34, HEX, 'a')}"`, // too long
    `name = "my${token}"`,
    'https://docs.databricks.com/aws/en/dev-tools/auth/pat',
    'DATABRICKS_TOKEN=${DATABRICKS_TOKEN}',
  ],
  invalid: [
    { code: `DATABRICKS_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `token = ${suffixed}`, path: '.databrickscfg', secret: suffixed },
    { code: `provider "databricks" {\n  token = "${token.toUpperCase().replace('DAPI', 'dapi')}"\n}`, path: 'main.tf', line: 2 },
    { code: `curl -H "Authorization: Bearer ${token}" https://adb-1.azuredatabricks.net/api/2.0/clusters/list`, path: 'a.sh', secret: token },
  ],
});
