import rule from '../../../../src/engine/rules/secrets/honeycomb-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, HEX, LOWER_ALNUM } from '../../../helpers/tokens.js';

const ingest = cat('hcx', 'ik_', rand(58, LOWER_ALNUM, 'honeycomb'));
const key = rand(22, ALNUM, 'honeycomb-config');
const classic = rand(32, HEX, 'honeycomb-classic');

ruleTester(rule, {
  valid: [
    `api_key = "${key}"`,
    `HONEYCOMB_API_KEY=${rand(21, ALNUM, 'a')}`,
    `HONEYCOMB_API_KEY=\${HONEYCOMB_API_KEY}`,
    `honeycomb_dataset = "${key}"`,
    `key_id = "hcxik_${rand(26, LOWER_ALNUM, 'b')}"`,
  ],
  invalid: [
    { code: `HONEYCOMB_API_KEY=${ingest}`, path: '.env', secret: ingest, count: 1 },
    { code: `OTEL_EXPORTER_OTLP_HEADERS="x-honeycomb-team=${ingest}"`, path: '.env', secret: ingest },
    { code: `HONEYCOMB_API_KEY=${key}`, path: '.env', secret: key },
    { code: `honeycomb:\n  api_key: "${classic}"`, path: 'config.yml', secret: classic },
    { code: `exporters:\n  otlp:\n    headers:\n      x-honeycomb-team: ${key}`, path: 'otel-collector.yaml', secret: key },
  ],
});
