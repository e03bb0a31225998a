import rule from '../../../../src/engine/rules/secrets/huggingface-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const token = cat('h', 'f_', rand(34, LETTERS, 'hf'));
const withDigits = cat('h', 'f_', rand(34, ALNUM, 'hfd'));
const org = cat('api', '_org_', rand(34, LETTERS, 'hfo'));

ruleTester(rule, {
  valid: [
    '- (id)hf_requiredCharacteristicTypesForDisplayMetadata;',
    '                            _kHMSymptomhf_generatedByHomeAppForDebuggingPurposesKey,',
    `  M_UINT (ServingCellPriorityParametersDescription_t, H_PRIO, 2, &hf_servingcellpriorityparametersdescription_h_prio),`,
    `"${cat('h', 'f_')}${'x'.repeat(34)}"`,
    `token = "${cat('h', 'f_')}FakeFakeFake1FakeFakeFakeFakeFakeFa"`, // low entropy
    `x = ${cat('h', 'f_')}generatedByHomeAppForDebuggingPurp`, // camelCase identifier, 34 letters
    'const api_org_controller = require("../controllers").organizations;',
    'HF_TOKEN=${HF_TOKEN}',
  ],
  invalid: [
    { code: `huggingface-cli login --token ${token}`, path: 'a.sh', secret: token, count: 1 },
    { code: `DEV=1 HF_TOKEN=${withDigits} poetry run python app.py`, path: 'run.sh', secret: withDigits },
    { code: `-H "Authorization: Bearer ${token}"`, secret: token },
    { code: `os.environ['HUGGINGFACEHUB_API_TOKEN'] = '${org}'`, path: 'a.py', secret: org },
    { code: `hf:\n  token: ${token}\n`, path: 'c.yml', secret: token, line: 2 },
  ],
});
