import rule from '../../../../src/engine/rules/secrets/uuid-service-key.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { HEX, cat, rand } from '../../../helpers/tokens.js';

const uuid = (seed: string): string =>
  [rand(8, HEX, `${seed}1`), rand(4, HEX, `${seed}2`), cat('4', rand(3, HEX, `${seed}3`)), cat('a', rand(3, HEX, `${seed}4`)), rand(12, HEX, `${seed}5`)].join('-');
const a = uuid('usk-a');
const b = uuid('usk-b');

// The output of Consul's and Nomad's ACL commands, pasted into a guide: the SecretID under its AccessorID.
const consulOut = `$ consul acl token create -policy-name prometheus\nAccessorID:       ${a}\nSecretID:         ${b}\nDescription:\nLocal:            false\n`;
const nomadOut = `$ nomad acl bootstrap\nAccessor ID  = ${a}\nSecret ID    = ${b}\nName         = Bootstrap Token\nType         = management\n`;

ruleTester(rule, {
  valid: [
    // The accessor alone is public: it names the token.
    `$ consul acl token read -id ${a}\nAccessorID:       ${a}\nDescription:      prometheus\n`,
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
    // Names that are ordinary words count only right before a strong credential word.
    `keyboard_shortcut_key = "${a}"`,
    `privacy_policy_key: ${a}`,
    `coda_doc_id = "${a}"`,
    `SHORTCUT_TOKEN=${a}`,
    `const guardianKey = "${a}";`,
    `privacy_settings_cache_api_key = "${a}"`,
    `otherwise_api_key = "${a}"`,
    `CODA_API_TOKEN_ID=${a}`,
    { code: `shortcut:\n  api_key: ${a}\n`, path: 'config.yml' },
    // Ids, and a provider's public key: LoginRadius's API key is the site's public identifier (its secret is the credential).
    `LOGINRADIUS_API_KEY=${a}`,
    `MUX_TOKEN_ID=${a}`,
    `TRU_CLIENT_ID=${a}`,
    `codacy_api_token = "${a}"`,
  ],
  invalid: [
    { code: consulOut, path: 'README.md', secret: b, line: 3, count: 1 },
    { code: nomadOut, path: 'docs/acl.md', secret: b, line: 3 },
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
    // Smaller APIs whose keys are UUIDs, by name on the line or as the parent key.
    { code: `BUGSNAG_AUTH_TOKEN=${a}\n`, path: '.env', secret: a },
    { code: `logzio:\n  api_token: "${b}"\n`, path: 'values.yaml', secret: b, line: 2 },
    { code: `const transferwiseToken = '${a}';\n`, path: 'wise.js', secret: a },
    { code: `{"moosend_api_key": "${b}"}\n`, path: 'settings.json', secret: b },
    { code: `LOGINRADIUS_API_SECRET=${a}\n`, path: '.env', secret: a },
    { code: `RUNSCOPE_ACCESS_TOKEN: ${b}\n`, path: '.github/workflows/ci.yml', secret: b },
    { code: `ZIPCODEBASE_KEY=${a}\n`, path: '.env', secret: a },
    // Ordinary words as names, right before a strong credential word.
    { code: `SHORTCUT_API_TOKEN=${a}\n`, path: '.env', secret: a },
    { code: `const codaApiKey = "${b}";\n`, path: 'coda.ts', secret: b },
    { code: `guardian_api_key: ${a}\n`, path: 'config.yml', secret: a },
    { code: `PRIVACY_API_KEY="${b}"\n`, path: '.env', secret: b },
    { code: `WISE_API_TOKEN=${a}\n`, path: '.env', secret: a },
  ],
});

describe('secrets/uuid-service-key messages', () => {
  it('names the provider whose name the value is under', () => {
    const message = (code: string): string => runRule(rule, { code, path: '.env' })[0]?.message ?? '';
    expect(message(`SHORTCUT_API_TOKEN=${a}\n`)).toMatch(/^Shortcut API token/);
    expect(message(`CODA_API_KEY=${b}\n`)).toMatch(/^Coda API token/);
    expect(message(`WISE_API_TOKEN=${a}\n`)).toMatch(/^Wise API token/);
    expect(message(`LOGINRADIUS_API_SECRET=${b}\n`)).toMatch(/^LoginRadius API secret/);
    expect(message(`SPLUNK_HEC_TOKEN=${a}\n`)).toMatch(/^Splunk HTTP Event Collector token/);
  });
});
