import rule from '../../../../src/engine/rules/secrets/terraform-cloud-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, B64URL } from '../../../helpers/tokens.js';

const MID = cat('.atlas', 'v1.');
const token = rand(14, ALNUM, 'tfc-id') + MID + rand(67, ALNUM, 'tfc');
const extended = rand(14, ALNUM, 'tfc-id2') + MID + rand(64, B64URL + '=', 'tfc2');

ruleTester(rule, {
  valid: [
    `token = "${'x'.repeat(14)}${MID}${'x'.repeat(67)}"`,
    `token = "${rand(14, ALNUM, 'tfc-id')}${MID}${rand(40, ALNUM, 'short')}"`, // too short
    `token = "${rand(10, ALNUM, 'short-id')}${MID}${rand(67, ALNUM, 'tfc')}"`, // id too short
    'TF_TOKEN_app_terraform_io=${TFC_TOKEN}',
    `see ${MID.slice(1, -1)} in the HCP Terraform docs`,
  ],
  invalid: [
    { code: `credentials "app.terraform.io" {\n  token = "${token}"\n}`, path: '.terraformrc', secret: token, line: 2, count: 1 },
    { code: `TF_TOKEN_app_terraform_io=${token}`, path: '.env', secret: token },
    { code: `#token = "${extended}"`, path: 'main.tf', secret: extended },
    { code: `{"credentials": {"app.terraform.io": {"token": "${token}"}}}`, path: 'credentials.tfrc.json', secret: token },
    { code: `curl -H "Authorization: Bearer ${token}" https://app.terraform.io/api/v2/account/details`, path: 'ci.sh', secret: token },
  ],
});
