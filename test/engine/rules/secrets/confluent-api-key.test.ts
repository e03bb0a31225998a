import rule from '../../../../src/engine/rules/secrets/confluent-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, B64, UPPER_ALNUM } from '../../../helpers/tokens.js';

const secret = rand(64, B64, 'cfl-secret');
const key = cat('X7', rand(14, UPPER_ALNUM, 'cfl-key'));

ruleTester(rule, {
  valid: [
    `api_secret = "${secret}"`,
    `CONFLUENT_CLOUD_API_SECRET=${rand(63, ALNUM, 'c')}`,
    `CONFLUENT_CLOUD_API_SECRET=\${CONFLUENT_CLOUD_API_SECRET}`,
    `confluent_cluster_id = "lkc-${rand(5, ALNUM, 'x')}"`,
    `CONFLUENT_CLOUD_API_KEY=PRODUCTIONSERVER`,
    `confluent_topic = "${secret}"`,
  ],
  invalid: [
    { code: `CONFLUENT_CLOUD_API_SECRET=${secret}`, path: '.env', secret: secret, count: 1 },
    { code: `CONFLUENT_CLOUD_API_KEY=${key}`, path: '.env', secret: key },
    { code: `provider "confluent" {\n  cloud_api_key    = "${key}"\n  cloud_api_secret = "${secret}"\n}\nconfluent_secret = "${secret}"`, path: 'main.tf', secret: secret },
    { code: `confluent:\n  api_secret: "${secret}"`, path: 'app.yml', secret: secret },
    { code: `{"confluentApiSecret": "${secret}"}`, path: 'kafka.json', secret: secret },
  ],
});
