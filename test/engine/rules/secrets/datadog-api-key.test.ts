import rule from '../../../../src/engine/rules/secrets/datadog-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX, LOWER_ALNUM } from '../../../helpers/tokens.js';

const apiKey = rand(32, HEX, 'dda');
const appKey = rand(40, HEX, 'ddp');
const alnum = rand(40, LOWER_ALNUM, 'ddx');

ruleTester(rule, {
  valid: [
    `datadog.trace_id = "${apiKey}"`, // no credential word
    `DATADOG_SITE=datadoghq.eu`,
    `api_key = "${apiKey}"`, // no provider name
    `datadog_api_key = "${'0'.repeat(32)}"`,
    `datadog_api_key_id = "${apiKey}"`, // names an id
    'DD_API_KEY=${DD_API_KEY}',
    'datadog_api_key: {{ .Values.datadog.apiKey }}',
    `uses: DataDog/datadog-ci-action@${rand(40, HEX, 'sha')}`,
    `datadog:\n  site: datadoghq.eu`, // nested, not a credential key
    `datadog:\n  app_key_id: ${apiKey}`, // nested, an identifier
    `datadog:\n  api_key: ${'x'.repeat(32)}`, // nested placeholder
  ],
  invalid: [
    { code: `DD_API_KEY=${apiKey}`, path: '.env', secret: apiKey, count: 1 },
    { code: `datadogApiKey := "${apiKey}"`, path: 'main.go', secret: apiKey },
    { code: `datadog:\n  x: 1\ndatadog_app_key: '${appKey}'`, path: 'values.yaml', secret: appKey, line: 3 },
    { code: `curl -H "DD-API-KEY: ${apiKey}" -H "DD-APPLICATION-KEY: ${appKey}" https://api.datadoghq.com/api/v1/validate`, path: 'a.sh', count: 2 },
    { code: `resource "x" {\n  datadog_api_key = "${alnum}"\n}`, path: 'main.tf', secret: alnum, line: 2 },
    { code: `<datadogToken>\n    ${alnum}\n</datadogToken>`, path: 'a.xml', secret: alnum, line: 2 },
    { code: `System.setProperty("DATADOG_TOKEN", "${apiKey}")`, path: 'A.java', secret: apiKey },
    { code: `datadog:\n  apiKey: ${apiKey}\n  site: datadoghq.eu\n`, path: 'values.yaml', secret: apiKey, count: 1 },
    { code: `[datadog]\napp_key = "${appKey}"\n`, path: 'settings.toml', secret: appKey },
    { code: `monitors:\n  - datadog:\n      api_key: ${alnum}\n`, path: 'config.yml', secret: alnum },
    { code: `datadog:\n  - api_key: ${apiKey}\n`, path: 'config.yml', secret: apiKey },
  ],
});
