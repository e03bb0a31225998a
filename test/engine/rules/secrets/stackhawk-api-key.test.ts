import rule from '../../../../src/engine/rules/secrets/stackhawk-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { ALNUM, LOWER_ALNUM, cat, rand } from '../../../helpers/tokens.js';

const key = cat('hawk', '.', rand(20, ALNUM, 'sh1'), '.', rand(20, ALNUM, 'sh2'));

ruleTester(rule, {
  valid: [
    'docker run --rm -v $(pwd):/hawk:rw -e API_KEY=hawk.xxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxx -t stackhawk/hawkscan:latest', // the docs' example
    'hawk init prompts for your API key (hawk.xxxxxxxxxx.xxxxxxxxxx)',
    'HAWK_API_KEY: hawk.ab12cd34.SECRETvalue99',
    `HAWK_API_KEY=${cat('hawk', '.', rand(20, LOWER_ALNUM, 'l1'), '.', rand(20, LOWER_ALNUM, 'l2'))}`, // one case
    `import ${cat('com', '.hawk.', 'securityscanner', 'configuration', '.', 'applicationsettings', 'loader')};`,
    `HAWK_API_KEY=${cat('hawk', '.', rand(12, ALNUM, 's1'), '.', rand(12, ALNUM, 's2'))}`,
    'app:\n  env: Development\n  host: ${APP_HOST:http://localhost:8080}',
  ],
  invalid: [
    { code: `HAWK_API_KEY=${key}`, secret: key, path: '.env' },
    { code: `docker run --rm -v $(pwd):/hawk:rw -e API_KEY=${key} -t stackhawk/hawkscan:latest`, secret: key, path: 'scan.sh' },
    { code: `      - uses: stackhawk/hawkscan-action@v2\n        with:\n          apiKey: ${key}`, secret: key, path: '.github/workflows/dast.yml' },
  ],
});
