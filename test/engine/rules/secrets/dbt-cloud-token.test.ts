import rule from '../../../../src/engine/rules/secrets/dbt-cloud-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, B64URL } from '../../../helpers/tokens.js';

const U = cat('dbt', 'u_');
const C = cat('dbt', 'c_');
const pat = U + rand(50, ALNUM, 'dbt-pat');
const svc = C + rand(50, B64URL.replace('-', ''), 'dbt-svc');

ruleTester(rule, {
  valid: [
    `DBT_TOKEN="${U}..."`,
    `token-value: "${U}YOUR_API_TOKEN_HERE"`,
    `{"api_token": "${C}test_token", "account_id": "12345"}`,
    `persist: { key: '__${U}connection' }`,
    `api_token = "${U}${rand(30, ALNUM, 'short')}"`, // too short for the format
    `api_token = "${U}${'x'.repeat(50)}"`,
    `api_token = "${U}${rand(50, ALNUM, 'dbt-pat').toLowerCase()}"`, // one case only: not a token
    `x = "lnd${C.slice(3)}ok"`,
  ],
  invalid: [
    { code: `DBT_CLOUD_API_TOKEN = "${pat}"\nACCOUNT_ID = "259115"`, path: 'trigger_job.py', secret: pat, count: 1, severity: 'high' },
    { code: `String API_TOKEN = "${svc}";`, path: 'src/main/java/Runner.java', secret: svc },
    { code: `# DBT_CLOUD_API_TOKEN=${pat}\n`, path: 'run.sh', secret: pat, line: 1 },
    { code: `dbt_cloud:\n  token: ${svc}\n`, path: 'config/dbt.yml', secret: svc, line: 2 },
  ],
});
