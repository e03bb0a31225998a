import rule from '../../../../src/engine/rules/secrets/convex-deploy-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { HEX, cat, rand } from '../../../helpers/tokens.js';

// `01`, a 24-byte nonce and a sealed protobuf, hex-encoded (as Convex's key broker writes it).
const sealed = cat('0', '1', rand(160, HEX, 'convex-a'));
const prod = cat('prod:happy-animal-123', '|', sealed);
const preview = cat('preview:my-team:my-project', '|', '01', rand(120, HEX, 'convex-b'));
const selfHosted = cat('convex-self-hosted', '|', '01', rand(140, HEX, 'convex-c'));

ruleTester(rule, {
  valid: [
    // The deployment's name alone, and references.
    'CONVEX_DEPLOYMENT=prod:happy-animal-123',
    'CONVEX_DEPLOY_KEY=${CONVEX_DEPLOY_KEY}',
    'CONVEX_DEPLOY_KEY=prod:happy-animal-123|...',
    // Too short to hold a nonce and a tag, another version byte, a placeholder run, upper-case hex.
    `CONVEX_DEPLOY_KEY=prod:happy-animal-123|01${rand(60, HEX, 'short')}`,
    `CONVEX_DEPLOY_KEY=prod:happy-animal-123|07${rand(160, HEX, 'v7')}`,
    `CONVEX_DEPLOY_KEY=prod:happy-animal-123|01${'0'.repeat(160)}`,
    `CONVEX_DEPLOY_KEY=prod:happy-animal-123|01${'ab'.repeat(80)}`,
  ],
  invalid: [
    { code: `CONVEX_DEPLOY_KEY=${prod}\n`, path: '.env.production', secret: prod },
    { code: `CONVEX_DEPLOY_KEY="${preview}" npx convex deploy\n`, path: 'scripts/deploy.sh', secret: preview },
    { code: `env:\n  CONVEX_SELF_HOSTED_ADMIN_KEY: '${selfHosted}'\n`, path: '.github/workflows/deploy.yml', secret: selfHosted, line: 2 },
    { code: `{"convexDeployKey": "${prod}"}\n`, path: 'config.json', secret: prod },
  ],
});
