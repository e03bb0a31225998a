import rule from '../../../../src/engine/rules/secrets/ibm-cloud-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, B64URL, LOWER_ALNUM } from '../../../helpers/tokens.js';

const k1 = rand(44, B64URL, 'ibm-1');
const k2 = rand(44, B64URL, 'ibm-2');

ruleTester(rule, {
  valid: [
    `token = '${k1}'`, // no IBM / IAM name
    `ibm_iam_key:= "${k1}extra"`, // longer than a key
    'ibm-cloud-pwd = shorter-version',
    `iam_api_key="%s" % IBM_IAM_API_KEY_ENV`,
    'CLOUD_APIKEY: "insert_key_here"',
    `cloudflare_api_key = "${k1}"`, // another provider
    `ibmcloud_region = "${rand(44, LOWER_ALNUM, 'words').replace(/[0-9]/g, 'x')}"`, // letters only
    'IBMCLOUD_API_KEY=${IBMCLOUD_API_KEY}',
  ],
  invalid: [
    { code: `IBMCLOUD_API_KEY=${k1}`, path: '.env', secret: k1, count: 1 },
    {
      code: `{\n  "apikey": "${k2}",\n  "iam_apikey_description": "Auto-generated",\n  "iam_role_crn": "crn:v1:bluemix:public:iam::::serviceRole:Manager"\n}`,
      path: 'credentials.json',
      secret: k2,
      line: 2,
    },
    { code: `ibm_cloud_iam-key : ${k1}`, secret: k1 },
    { code: `"iam_api_key" : "${k2}"`, secret: k2 },
    { code: `CLOUD_IAM_API_KEY:"${k1}"`, secret: k1 },
    { code: `ibmclouduserkey token = '${k2}'`, secret: k2 },
    { code: `provider "ibm" {\n  ibmcloud_api_key = "${k1}"\n}`, path: 'main.tf', secret: k1, line: 2 },
  ],
});
