import rule from '../../../../src/engine/rules/secrets/dependency-track-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { ALNUM, LOWER_ALNUM, cat, rand } from '../../../helpers/tokens.js';

const legacy = cat('odt', '_', rand(32, ALNUM, 'dt-old'));
const current = cat('odt', '_', rand(8, ALNUM, 'dt-id'), '_', rand(32, ALNUM, 'dt-new'));

ruleTester(rule, {
  valid: [
    'curl -H "X-Api-Key: odt_xxxxxxxxxxxxxxxx" http://localhost:8081/api/v1/project',
    `DT_API_KEY=${cat('odt', '_', 'x'.repeat(32))}`,
    `DT_API_KEY=${cat('odt', '_', rand(32, LOWER_ALNUM, 'lower'))}`,
    `DT_API_KEY=${cat('odt', '_', rand(20, ALNUM, 'short'))}`,
    "protected $primaryKey = 'odt_id';",
    `u32 ${cat('odt', '_', 'additional')} = 1;`,
  ],
  invalid: [
    { code: `curl -X POST "$DT/api/v1/bom" -H 'X-Api-Key: ${legacy}' -F "autoCreate=true"`, secret: legacy, path: 'upload.sh' },
    { code: `DTRACK_API_KEY=${current}`, secret: current, path: '.env' },
    { code: `dependencyTrack {\n  apiKey = "${legacy}"\n}`, secret: legacy, path: 'build.gradle' },
  ],
});
