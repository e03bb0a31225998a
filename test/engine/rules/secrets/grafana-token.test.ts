import rule from '../../../../src/engine/rules/secrets/grafana-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, HEX, b64url } from '../../../helpers/tokens.js';

const cloud = cat('gl', 'c_', Buffer.from(JSON.stringify({ o: '744587', n: 'stack-write', k: rand(24, ALNUM, 'gk'), m: { r: 'us' } })).toString('base64'));
const sa = cat('gl', 'sa_', rand(32, ALNUM, 'gsa'), '_', rand(8, HEX, 'gsa2'));
const legacy = cat('eyJrIjoi', rand(74, ALNUM, 'glk'));

ruleTester(rule, {
  valid: [
    `key = "${cat('gl', 'c_')}${'x'.repeat(64)}"`,
    `   API_KEY="${cat('gl', 'c_')}${'1'.repeat(42)}="`,
    'static void GLC_CreateLightmapTexturesIndividual(void);',
    `key = "${cat('gl', 'sa_')}${'X'.repeat(32)}_AAAAAAAA"`,
    `key = "${cat('gl', 'sa_')}${rand(20, ALNUM, 'a')}"`,
    `jwt = "${b64url({ k: 'x' })}"`, // too short
    'GRAFANA_TOKEN=${GRAFANA_TOKEN}',
  ],
  invalid: [
    { code: `loki_key: ${cloud}`, path: 'c.yml', secret: cloud, count: 1 },
    { code: `'Authorization': 'Bearer ${sa}'`, secret: sa },
    { code: `GRAFANA_API_KEY=${legacy}`, path: '.env', secret: legacy },
    { code: `provider "grafana" {\n  auth = "${sa}"\n}`, path: 'main.tf', secret: sa, line: 2 },
  ],
});
