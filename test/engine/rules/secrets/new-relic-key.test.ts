import rule from '../../../../src/engine/rules/secrets/new-relic-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX, UPPER_ALNUM, B64URL, ALNUM } from '../../../helpers/tokens.js';

const user = cat('NR', 'AK-', rand(27, UPPER_ALNUM, 'nru'));
const browser = cat('NR', 'JS-', rand(19, HEX, 'nrj'));
const insert = cat('NR', 'II-', rand(32, B64URL, 'nri'));
const license = cat(rand(36, HEX, 'nrl'), 'NR', 'AL');
const mobile = cat('AA', rand(40, HEX, 'nrm'), '-NR', 'MA');
const legacy = rand(40, HEX, 'nrx');

ruleTester(rule, {
  valid: [
    `key = "${cat('NR', 'AK-')}${rand(26, UPPER_ALNUM, 'a')}"`, // one short
    `key = "${cat('NR', 'AK-')}${'X'.repeat(27)}"`,
    `key = "${rand(30, HEX, 'b')}${cat('NR', 'AL')}"`, // too short
    `commit = "${legacy}"`, // no provider name
    `newrelic_app_name = "${rand(40, ALNUM, 'c')}"`, // no credential word
    'NEW_RELIC_LICENSE_KEY=${NEW_RELIC_LICENSE_KEY}',
    `newrelic:\n  app_name: ${legacy}`, // nested, not a credential key
    `newrelic:\n  license_key: ${'0'.repeat(40)}`, // nested placeholder
  ],
  invalid: [
    { code: `NEW_RELIC_API_KEY=${user}`, path: '.env', secret: user, count: 1 },
    { code: `new relic browser key = '${browser}'`, secret: browser },
    { code: `insert_key: ${insert}`, path: 'c.yml', secret: insert },
    { code: `NEW_RELIC_LICENSE_KEY=${license}`, path: '.env', secret: license },
    { code: `NewRelic.start("${mobile}")`, path: 'App.kt', secret: mobile },
    { code: `newrelic.license_key = ${legacy}`, path: 'newrelic.ini', secret: legacy },
    { code: `newrelic:\n  license_key: ${legacy}\n`, path: 'config.yml', secret: legacy, count: 1 },
    { code: `[newrelic]\nlicense_key = ${legacy}\napp_name = shop\n`, path: 'newrelic.ini', secret: legacy },
    { code: `apm:\n  - new_relic:\n      license_key: ${legacy}\n`, path: 'config.yml', secret: legacy },
  ],
});
