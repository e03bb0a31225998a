import rule from '../../../../src/engine/rules/secrets/langfuse-secret-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX } from '../../../helpers/tokens.js';

const uuid = [rand(8, HEX, 'l1'), rand(4, HEX, 'l2'), rand(4, HEX, 'l3'), rand(4, HEX, 'l4'), rand(12, HEX, 'l5')].join('-');
const key = cat('sk-', 'lf-', uuid);

ruleTester(rule, {
  valid: [`LANGFUSE_PUBLIC_KEY=pk-lf-${uuid}`, `LANGFUSE_SECRET_KEY=sk-lf-...`, `LANGFUSE_SECRET_KEY=\${LANGFUSE_SECRET_KEY}`, `LANGFUSE_SECRET_KEY=sk-lf-${rand(8, HEX, 'x')}-${rand(4, HEX, 'y')}`],
  invalid: [
    { code: `LANGFUSE_SECRET_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `langfuse = Langfuse(public_key="pk-lf-x", secret_key="${key}", host="https://cloud.langfuse.com")`, path: 'trace.py', secret: key },
    { code: `secretKey: "${key}",`, path: 'langfuse.ts', secret: key },
    { code: `env:\n  - name: LANGFUSE_SECRET_KEY\n    value: ${key}`, path: 'deploy.yaml', secret: key },
  ],
});
