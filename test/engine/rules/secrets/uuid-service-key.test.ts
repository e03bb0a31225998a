import rule from '../../../../src/engine/rules/secrets/uuid-service-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { HEX, cat, rand } from '../../../helpers/tokens.js';

const uuid = (seed: string): string =>
  [rand(8, HEX, `${seed}1`), rand(4, HEX, `${seed}2`), cat('4', rand(3, HEX, `${seed}3`)), cat('a', rand(3, HEX, `${seed}4`)), rand(12, HEX, `${seed}5`)].join('-');
const a = uuid('usk-a');
const b = uuid('usk-b');

ruleTester(rule, {
  valid: [
    // A UUID under a generic name is an id far more often than a key.
    `api_token = "${a}"`,
    `request_id = "${a}"`,
    // The provider's id fields, not its secrets.
    `VAULT_ROLE_ID=${a}`,
    `CONSUL_SERVICE_ID=${a}`,
    `SPLUNK_INDEX=${a}`,
    // Another word that starts like a provider.
    `checkToken = "${a}"`,
    `ATLASSIAN_API_KEY="${a}"`,
    // Ids in those blocks, and a token outside an acl block.
    { code: `acl {\n  tokens {\n    agent = "\${CONSUL_AGENT_TOKEN}"\n  }\n}\n`, path: 'consul.hcl' },
    { code: `service {\n  id = "${a}"\n  tokens {\n    agent = "${b}"\n  }\n}\n`, path: 'svc.hcl' },
    { code: `consul {\n  datacenter_id = "${a}"\n}\n`, path: 'nomad.hcl' },
    // References and documentation UUIDs.
    'CONSUL_HTTP_TOKEN=${CONSUL_HTTP_TOKEN}',
    `SPLUNK_HEC_TOKEN=${cat('123e4567', '-e89b-12d3-a456-426614174000')}`,
    `NOMAD_TOKEN=${cat('00000000', '-0000-0000-0000-000000000000')}`,
  ],
  invalid: [
    { code: `SPLUNK_HEC_TOKEN=${a}\n`, path: '.env', secret: a },
    { code: `splunk:\n  hec_token: "${b}"\n`, path: 'values.yaml', secret: b, line: 2 },
    // HEC alone names the collector, in each way an identifier is written (the prefilter's literals).
    { code: `HEC_TOKEN=${a}\n`, path: '.env', secret: a },
    { code: `const hecToken = "${b}";\n`, path: 'log.js', secret: b },
    { code: `hecKey: ${a}\n`, path: 'values.yaml', secret: a },
    { code: `hec:\n  token: ${b}\n`, path: 'values.yaml', secret: b, line: 2 },
    { code: `[hec]\ntoken = ${a}\n`, path: 'outputs.conf', secret: a, line: 2 },
    { code: `export CONSUL_HTTP_TOKEN="${a}"\n`, path: 'deploy.sh', secret: a },
    { code: `NOMAD_TOKEN: ${b}\n`, path: '.gitlab-ci.yml', secret: b },
    { code: `VAULT_SECRET_ID=${a}\n`, path: '.env.production', secret: a },
    { code: `SAUCE_ACCESS_KEY: "${b}"\n`, path: '.circleci/config.yml', secret: b },
    { code: `provider "mongodbatlas" {\n  public_key  = "abcdefgh"\n  private_key = "${a}"\n}\n`, path: 'main.tf', secret: a, line: 3 },
    { code: `MONGODB_ATLAS_PRIVATE_KEY=${b}\n`, path: '.env', secret: b },
    { code: `const logglyToken = '${a}';\n`, path: 'logger.js', secret: a },
    { code: `RAPID7_API_KEY=${b}\n`, path: '.env', secret: b },
    { code: `coralogix:\n  private_key: ${a}\n`, path: 'config.yml', secret: a },
    { code: `HUMIO_INGEST_TOKEN=${b}\n`, path: '.env', secret: b },
    // Consul's agent ACL tokens block, in HCL and JSON (every member), and an agent's consul block.
    { code: `acl {\n  enabled = true\n  tokens {\n    initial_management = "${a}"\n    agent = "${b}"\n  }\n}\n`, path: 'consul.d/consul.hcl', count: 2, line: 4 },
    { code: `{\n  "acl": {\n    "tokens": {\n      "agent": "${a}"\n    }\n  }\n}\n`, path: 'consul.json', secret: a, line: 4 },
    { code: `consul {\n  address = "127.0.0.1:8500"\n  token   = "${b}"\n}\n`, path: 'nomad.d/nomad.hcl', secret: b, line: 3 },
  ],
});
