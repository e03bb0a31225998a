import rule from '../../../../src/engine/rules/secrets/wandb-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const key = rand(40, HEX, 'wandb');

ruleTester(rule, {
  valid: [`api_key = "${key}"`, `WANDB_API_KEY=${rand(39, HEX, 'a')}`, `WANDB_API_KEY=\${WANDB_API_KEY}`, `wandb_run_id = "${key}"`, `wandb.login(key=os.environ["WANDB_API_KEY"])`],
  invalid: [
    { code: `WANDB_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `!wandb login ${key}`, path: 'train.ipynb', secret: key },
    { code: `wandb.login(key="${key}")`, path: 'train.py', secret: key },
    { code: `machine api.wandb.ai login user password ${key}`, path: '.netrc', secret: key },
    { code: `env:\n  WANDB_API_KEY: ${key}`, path: 'job.yaml', secret: key },
  ],
});
