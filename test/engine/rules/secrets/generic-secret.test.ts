import { describe, expect, it } from 'vitest';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import rule from '../../../../src/engine/rules/secrets/generic-secret.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { B64, B64URL, HEX, LOWER_ALNUM, UPPER_ALNUM, cat, rand } from '../../../helpers/tokens.js';
import { shannonEntropy } from '../../../../src/engine/entropy.js';
import { statementsFor } from '../../../../src/engine/rules/secrets/lib/assignments.js';

const s = rand(32, undefined, 'gen');
const hex = rand(64, HEX, 'genhex');
const b64 = rand(44, B64, 'genb64');
const b64u = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64');
const uuid = [rand(8, HEX, 'a'), rand(4, HEX, 'b'), rand(4, HEX, 'c'), rand(4, HEX, 'd'), rand(12, HEX, 'e')].join('-');

ruleTester(rule, {
  valid: [
    // References, templates and placeholders.
    'API_KEY=${API_KEY}',
    'apiKey: process.env.API_KEY,',
    'client_secret = os.getenv("CLIENT_SECRET")',
    'token: ${{ secrets.DEPLOY_TOKEN }}',
    'password: {{ .Values.db.password }}',
    'api_key = "your_api_key_here"',
    'secret: changeme',
    'auth_token = "xxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
    'password: "<password>"',
    'client_secret: ENC[AES256_GCM,data:abc,iv:def,type:str]',
    'AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"',
    // Code, not literals.
    'password = getPassword()',
    'token: string;',
    'const secret: string = config.secret;',
    'apiKey := cfg.APIKey',
    'self.token = token',
    'private_key = load_key(path)',
    'if (token === undefined) return;',
    // Other data where a secret could be.
    `token_sha256 = "${hex}"`,
    `"password": "${cat('$2b$', '12$', rand(53, B64.replace('+', '.'), 'bc'))}"`,
    `admin_password = "${cat('pbkdf2_sha256$', '600000$', rand(22, undefined, 'salt'), '$', rand(44, B64, 'dk'))}"`,
    // Django's salted digests in a user fixture.
    `      "password": "${cat('md5$', 'seasalt$', rand(32, HEX, 'djmd5'))}",`,
    `      "password": "${cat('sha1$', rand(5, HEX, 'djs'), '$', rand(40, HEX, 'djsha1'))}",`,
    `checksum_token = "${hex}"`,
    `secret_id = "${uuid}"`,
    `api_token = "${uuid}"`,
    `"integrity": "${cat('sha512-', rand(86, B64, 'sri'))}=="`,
    `avatar_token = "data:image/png;base64,${cat('iVBORw0KGgo', rand(60, B64, 'png'))}"`,
    'token_url: https://oauth2.googleapis.com/token',
    'client_secret_file: /etc/app/client_secret.json',
    'secret_name: prod/db/password',
    'token_type: Bearer',
    'max_tokens: 4096',
    `public_key = "${s}"`,
    `csrf_token = "${s}"`,
    `nextPageToken = "${s}"`,
    'password_length = 32',
    'secretSize must be >= XXH3_SECRET_SIZE_MIN',
    'LLM_SECRET_NAME = "NEXUS-GPT4-API-KEY"',
    `<input type="hidden" name="authenticity_token" value="${b64}" />`,
    // Low entropy, words, sequences, fake patterns.
    'secret_key = "development-secret-key"',
    'api_key = "abcdef1234567890abcdef"',
    // `pat` alone, or after a word that makes it a pattern, is no token.
    `url_pat = "${rand(32, undefined, 'urlpat')}"`,
    `pat = "${rand(32, undefined, 'barepat')}"`,
    'client_secret = "a1B2c3D4e5F6g7H8i9J0k1L2m3N4"',
    `token = "${cat('test', '-token-', 'value')}"`,
    // Lockfiles are skipped wholesale.
    { code: `  resolved "https://registry.yarnpkg.com/x"\n  integrity_token ${s}`, path: 'yarn.lock' },
  ],
  invalid: [
    // The secret beside a public key stays a secret.
    { code: `RECAPTCHA_SECRET_KEY=${rand(40, B64URL, 'recaptcha-secret')}`, path: '.env', secret: rand(40, B64URL, 'recaptcha-secret') },
    { code: `POSTHOG_PERSONAL_API_KEY=${rand(43, B64URL, 'posthog-personal')}`, path: '.env', secret: rand(43, B64URL, 'posthog-personal') },
    { code: `client_secret = "${s}"`, secret: s, count: 1, line: 1, path: 'settings.py' },
    { code: `API_TOKEN=${s}`, secret: s, path: '.env' },
    { code: `export GITLAB_API_TOKEN="${s}"`, secret: s, path: 'deploy.sh' },
    // A personal access token by its abbreviation, after a service or owner word.
    { code: `ado_pat = "${rand(52, 'abcdefghijklmnopqrstuvwxyz234567', 'ado-pat')}"`, secret: rand(52, 'abcdefghijklmnopqrstuvwxyz234567', 'ado-pat'), path: 'sync.py' },
    { code: `GH_PAT: ${s}`, secret: s, path: 'config.yml' },
    { code: `{\n  "api_key": "${b64}"\n}`, secret: b64, line: 2, path: 'config.json' },
    { code: `auth:\n  client-secret: ${b64}\n`, secret: b64, line: 2, path: 'application.yml' },
    { code: `app.jwt.signing-key=${s}`, secret: s, path: 'application.properties' },
    { code: `[service]\nsecret_key = ${s}`, secret: s, line: 2, path: 'app.ini' },
    { code: `<add key="StorageAccountKey" value="${b64}" />`, secret: b64, path: 'web.config' },
    { code: `<apiToken>${s}</apiToken>`, secret: s, path: 'settings.xml' },
    { name: 'XML element spanning lines', code: `<config>\n  <apiToken>\n    ${s}\n  </apiToken>\n</config>`, secret: s, line: 3, path: 'settings.xml' },
    { code: `resource "x" "y" {\n  api_key = "${s}"\n}`, secret: s, line: 2, path: 'main.tf' },
    { code: `string apiToken = "${s}";`, secret: s, path: 'Client.cs' },
    { code: `var apiToken string = "${s}"`, secret: s, path: 'main.go' },
    { code: 'apiToken := `' + s + '`', secret: s, path: 'main.go' },
    { code: `private static final String SECRET_KEY = "${s}";`, secret: s, path: 'Config.java' },
    { code: `val accessToken: String = "${s}"`, secret: s, path: 'Api.kt' },
    { code: `$apiToken .= "${s}";`, secret: s, path: 'config.php' },
    { code: `  "apiToken" => "${s}",`, secret: s, path: 'config.php' },
    { code: `config[:auth_token] = '${s}'`, secret: s, path: 'config.rb' },
    { code: `API_TOKEN ?= "${s}"`, secret: s, path: 'Makefile' },
    { code: `System.setProperty("API_TOKEN", "${s}")`, secret: s, path: 'Main.java' },
    { code: `{"config.ini": "API_TOKEN=${s}\\nBACKUP_ENABLED=true"}`, secret: s, path: 'blob.json' },
    // A YAML document or a config file inside a string: the name follows a `\n` or `\t` escape.
    { code: `const cfg = "host: db\\npassword: ${s}\\n";`, secret: s, path: 'fixture.js' },
    { code: `{"data": "user: svc\\n  api_token: ${s}"}`, secret: s, path: 'fixture.json' },
    { code: `x = "[auth]\\n\\tclient_secret = ${s}\\n"`, secret: s, path: 'conf.py' },
    // An environment variable named after a service, holding a hex key.
    { code: `KAGGLE_KEY=${rand(32, HEX, 'kag')}`, count: 1, path: '.env' },
    { code: `os.environ["TMDB_KEY"] = "${rand(32, HEX, 'tmdb').toUpperCase()}"`, count: 1, path: 'notebook.py' },
    { code: `export ETHERSCAN_KEY=${rand(64, HEX, 'eth')}`, count: 1, path: 'deploy.sh' },
    { code: `        with:\n          secrets: |\n            API_TOKEN=${s}\n`, secret: s, line: 3, path: '.github/workflows/deploy.yml' },
    // An analytics vendor's API key (not its write key) reads the data.
    { code: `const SEGMENT_API_KEY: &str = "${rand(32, undefined, 'segr')}";`, count: 1, path: 'src/analytics/segment_analytics.rs' },
    { code: `MIXPANEL_API_KEY=${rand(32, undefined, 'mxp')}`, count: 1, path: '.env' },
    // Names that start with digits (services named so).
    { code: `8X8_API_KEY=${s}`, secret: s, path: '.env' },
    { code: `{"1password_token": "${s}"}`, secret: s, path: 'settings.json' },
    { code: `2captcha_api_key: ${s}`, secret: s, path: 'config.yml' },
    { code: `"credentials" : "${hex}"`, secret: hex },
    { name: 'Django SECRET_KEY alphabet', code: `SECRET_KEY = '${rand(50, 'abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)', 'dj')}'`, count: 1, path: 'settings.py' },
    { code: `const headers = { 'X-API-Key': '${b64}' };`, secret: b64, path: 'client.ts' },
    { code: `"user_auth": "${Buffer.from(`svc:${rand(24, undefined, 'ua')}`).toString('base64')}"` },
    { code: `if (api_key == "${s}") {`, secret: s, path: 'check.c' },
    { code: `db_password: ${cat(rand(14, undefined, 'dbp'), '#', rand(4, undefined, 'dbq'))}`, count: 1, path: 'vars.yml' },
  ],
});

describe('secrets/generic-secret', () => {
  it('is a fallback at medium confidence', () => {
    expect(rule.fallback).toBe(true);
    expect(runRule(rule, { code: `client_secret = "${s}"` })[0]!.confidence).toBe('medium');
  });
});

// A YAML mapping named for the secrets it holds: its children are secrets whatever their own names.
const envs = [rand(30, HEX, 'map-dev3'), rand(30, HEX, 'map-test'), rand(32, undefined, 'map-prod')];
ruleTester(rule, {
  valid: [
    // References, nested blocks, a Compose secret's file, flags and names.
    { code: 'jobs:\n  call:\n    uses: ./.github/workflows/deploy.yml\n    secrets:\n      token: ${{ secrets.GH_TOKEN }}\n', path: '.github/workflows/ci.yml' },
    { code: 'secrets:\n  db_password:\n    file: ./db_password.txt\n  enabled: true\n  existingSecret: app-secrets\n', path: 'docker-compose.yml' },
    // A file path among the children (Sylius's twig hooks: `account_credentials:\n  template: '@…/x.html.twig'`).
    {
      code: "            account_credentials:\n                template: '@SyliusAdmin/customer/form/sections/account_credentials.html.twig'\n                priority: 0\n",
      path: 'config/app/twig_hooks/customer/create.yaml',
    },
    // Not a container of secrets: the same children under another name, or after the mapping ends.
    { code: `environments:\n  dev: ${envs[0]}\n  prod: ${envs[1]}\n`, path: 'vars.yml' },
    { code: `app_secrets:\n  dev: \${{ vars.DEV }}\nbuild:\n  prod: ${envs[1]}\n`, path: 'vars.yml' },
  ],
  invalid: [
    { code: `app_secrets:\n  dev: ${envs[0]}\n  test: ${envs[1]}\n  prod: "${envs[2]}"\nother: 1\n`, path: 'deployments/playbooks/vars.yml', count: 3, line: 2 },
    { code: `services:\n  api_keys:\n    # one per partner\n    acme: ${envs[2]}\n`, path: 'config/settings.yml', secret: envs[2], line: 4 },
  ],
});

// YAML block scalars: the value is the one line under `key: |` / `key: >-`.
ruleTester(rule, {
  valid: [
    { name: 'block of several lines (a script)', code: `api_token: |\n  curl -s https://example.org\n  ${s}\n`, path: 'ci.yml' },
    { name: 'block scalar holding a reference', code: 'client_secret: |\n  ${CLIENT_SECRET}\n', path: 'values.yaml' },
    { name: 'block scalar with a placeholder', code: `api_secret: >-\n  ${cat('xxxx', 'xxxxxxxxxxxxxxxx')}\n`, path: 'values.yaml' },
    { name: 'not a credential name', code: `description: |\n  ${s}\n`, path: 'values.yaml' },
    { name: 'next key at the same indent, not a block value', code: `auth_token: |\nother: ${s}\n`, path: 'values.yaml' },
  ],
  invalid: [
    { name: 'literal block', code: `db:\n  password: |\n    ${s}\n`, path: 'values.yaml', secret: s, count: 1, line: 3 },
    { name: 'folded, stripped', code: `api_secret: >-\n  ${b64}\nnext: 1\n`, path: 'config.yml', secret: b64, line: 2 },
    { name: 'in a list item, after a blank line', code: `env:\n  - client_secret: |+\n\n      ${hex}\n  - name: x\n`, path: 'deploy.yaml', secret: hex, line: 4 },
  ],
});

// ARM template functions build values at deployment: nothing literal is committed.
ruleTester(rule, {
  valid: [
    {
      code: `"connectionString": "[concat('Server=', variables('host'), ';Database=app;User Id=app;Password=',listKeys(resourceId('Microsoft.Cache/Redis', variables('cache')), '2020-06-01').primaryKey, ';')]"`,
      path: 'azuredeploy.json',
    },
    { code: `"adminPassword": "[parameters('adminPasswordFromKeyVault')]"`, path: 'main.json' },
  ],
  invalid: [{ code: `"adminPassword": "${s}"`, path: 'main.json', secret: s }],
});

// Precision on real code (#13 item 6): shapes seen in real repositories that are not secrets, each with
// must-flag neighbours that keep recall.
const b64pad = rand(43, B64, 'pad') + '=';
ruleTester(rule, {
  valid: [
    // Django migration dependencies: `("auth", "<migration name>")`.
    { name: 'migration name', code: '    dependencies = [("auth", "0006_require_contenttypes_0002")]', path: 'app/migrations/0001_initial.py' },
    { code: '        ("auth", "0012_alter_user_first_name_max_length"),', path: 'app/migrations/0005_appextension.py' },
    // A package path, a JSON pointer, a URN, text between two literals, a name after a JSON escape.
    { code: 'const ctxCredentials = "github.com/jcmturner/gokrb5/v8/ctxCredentials"', path: 'object/kerberos.go' },
    { code: 'password: "#/components/schemas/updateRegistrationFlowWithPasswordMethod"', path: '.schema/openapi/patches/selfservice.yaml' },
    { code: 'const UAEPassACRWeb = "urn:safelayer:tws:policies:authentication:level:low"', path: 'provider_uaepass.go' },
    { code: 'x=a.createElement("label",null,"Password:"),d?m.default.createElement("code",null," ****** "):null', path: 'swagger/swagger-ui-bundle.js' },
    { code: '{"link": "\\u003chttp://example.com?page=1\\u0026page_size=50\\u0026page_token=eyJvZmZzZXQiOiIxMDAiLCJ2IjoyfQ\\u0026per_page=50\\u003e"}', path: 'fixtures/pagination.json' },
    // A validation rule list, a SigV4 credential scope.
    { code: "            'password' => 'required|string|min:16|secure_password|confirmed',", path: 'app/Support/Http/Controllers/RequestInformation.php' },
    { code: "    'X-Amz-Credential=ABC%2F20250820%2Fus-east-1&'", path: 'web/tests/test_cache_manager_password.py' },
    // Attribute lists (draw.io, HTML): the name ends one attribute's value, the next attribute follows.
    { code: '<mxCell style="shape=mxgraph.kubernetes.icon;prIcon=secret" parent="g-vbnRHEd7JeOrGF2uE1-1" vertex="1">', path: 'docs/pictures/diagrams.drawio' },
    { code: '<mxCell value="key=password" style="rounded=0;whiteSpace=wrap;html=1;fillColor=#d5e8d4;strokeColor=#82b366;" vertex="1">', path: 'docs/pictures/diagrams.drawio' },
    // Hex under a key name that is not an environment variable's, or an OpenPGP fingerprint, or a cache key.
    { code: `ENV TINI_KEY ${rand(40, HEX, 'tini').toUpperCase()}`, path: 'Dockerfile' },
    { code: `ENV GPG_KEY=${rand(40, HEX, 'gpg').toUpperCase()}`, path: 'Dockerfile' },
    { code: `CACHE_KEY=${rand(32, HEX, 'cache')}`, path: '.env' },
    { code: `const rowKey = "${rand(32, HEX, 'row')}";`, path: 'table.js' },
    { code: `{"fileKey": "${rand(40, HEX, 'file')}"}`, path: 'manifest.json' },
    // Text in another script as JSON escapes; Crowdin's pseudo-locale ids; a Pulumi type token; a git-annex
    // key; MySQL's native password hash; sample words in leetspeak (generic-password's, at low).
    { code: '  "PW": "\\u30d1\\u30e9\\u30aa",', path: 'public/intl/country/ja-JP.json' },
    { code: "    'password' => 'crwdns12728:0crwdne12728:0',", path: 'resources/lang/aa-ER/mail.php' },
    { code: '        if args.Token == "aws:ec2/getAmi:getAmi" {', path: 'testing-unit-go/main_test.go' },
    { code: `\trealisticKey := "SHA256E-s1048576--${rand(64, HEX, 'annex')}.this-is-a-test-key"`, path: 'cmd/gitannex/gitannex_test.go' },
    { code: `  password => '*${rand(40, HEX, 'mysqlnp').toUpperCase()}',`, path: 'README.md' },
    { code: `      "password": "${cat('MySuper', 'S3cretPassw0rd')}",`, path: 'misc/test/definitions/azure_native.go' },
    { code: `  root_password    => '${cat('AVeryStrong', 'PasswordUShouldEncrypt!')}',`, path: 'README.md' },
    { code: `-e HTTP_API_PASSWORD="${cat('My-Cust0m', '_S3cR3T')}"`, path: 'bonita/README.md' },
    // Interpolated strings: the value is built at run time.
    { code: '        client_token = f"Ansible-Alicloud-{hash(str(module.params))}-{time.time()}"', path: 'plugins/modules/ali_instance.py' },
    { code: '        var apiToken = $"tok-{tenantId}-{Guid.NewGuid():N}";', path: 'Services/TokenFactory.cs' },
    // A rendering pass, a feature flag's key spelling its name, an identifier numbered word by word, a
    // literal joined to a static call, a rate limit.
    { code: '            var hwScaleFilterFirstPass = "vpp_rkrga=format=bgra:afbc=1";', path: 'MediaEncoding/EncodingHelper.cs' },
    { code: '    public const string UnlockWithMasterPasswordUnlockData = "pm-23246-unlock-with-master-password-unlock-data";', path: 'src/Core/Constants.cs' },
    { code: '            ResetPasswordKey = _mockEncryptedType2String2,', path: 'test/AccountsKeyManagementControllerTests.cs' },
    { code: "            'password' => 'confirmed|'.Setting::passwordComplexityRulesSaving('store'),", path: 'app/Http/Controllers/Auth/ResetPasswordController.php' },
    { code: '    "change_password": "1/m/user",', path: 'recipes/settings.py' },
    // A phrase in base64; an AWS CDK logical id; a Stripe PaymentIntent's client secret (for the browser).
    { code: '#   ELASTICSEARCH_PASSWORD: "LS1CRUdJTiBgUFJJVkFURSB"', path: 'logstash/values.yaml' },
    { code: `    password: "${Buffer.from('why hello there').toString('base64')}"`, path: 'plugins/lookup/bws.py' },
    { code: '        "OutputKey": "UserClicksServiceAPIEndpoint1DA4E100",', path: 'tests/test_mythical_misfits.snapshot.json' },
    { code: `  "client_secret": "${cat('pi_', rand(24, undefined, 'pi'), '_secret_', rand(25, undefined, 'pis'))}",`, path: 'spec/fixtures/stripe/payment_intent.json' },
    // A block of NAME=reference lines (an action's input): each line is judged by its own name.
    { code: '        with:\n          repo_secrets: |\n            PUBLIC_KEY=helm-chart-signing-key:public_key\n\n      - name: next', path: '.github/workflows/publish.yaml' },
    // Precision on real code, third round: a V4 signed URL's credential scope; machine learning's tokens
    // (tensor names, digests); host names; code (method references, a swallowed next assignment, member paths,
    // design tokens); coordinates and versions; algorithm names, validation rules, labels; an SQL IN list; a
    // value taken for a key in minified JSON; a crypt hash; a lone JWT header; a phrase in base64; analytics
    // write keys, public by design.
    {
      code: `signed_url='https://storage.googleapis.com/b/f.pdf?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=ke-prod-1%40pc.iam.gserviceaccount.com%2F20250220%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20250220T183837Z&X-Goog-Expires=3600&X-Goog-SignedHeaders=host&X-Goog-Signature=${rand(64, HEX, 'gsig')}'`,
      path: 'docs/quickstart.ipynb',
    },
    { code: `  "token_embd.weight": "${rand(64, HEX, 'tensor')}",`, path: 'convert/testdata/gemma-2b-it.json' },
    { code: `    "special_tokens_map.json": "sha256:${rand(64, HEX, 'stm')}",`, path: 'docs/api.md' },
    { code: '  "auth.acloud.guru": "acloudguru-cd-kfolalpqdurrk46v.edge.tenants.auth0.com",', path: 'app/src/main/res/raw/tds.json' },
    { code: '            onAuthSucceeded = viewModel::onAuthenticated,', path: 'launch/LaunchActivity.kt' },
    { code: '        simplePreAuthAndLoginDialog(postAuthCapabilities = "COMPRESS=DEFLATE")', path: 'RealImapConnectionTest.kt' },
    { code: '            "wrappedSigningKey": "mockWrappedSigningKey-1",', path: 'network/SyncServiceTest.kt' },
    { code: '    "PWD": "\\/home\\/user\\/src\\/atuin",', path: 'tests/data/xonsh/history.json' },
    { code: 'COPILOT_PROVIDER_API_KEY= COPILOT_PROVIDER_WIRE_API=responses COPILOT_MODEL=glm-5:cloud copilot', path: 'docs/integrations/copilot-cli.mdx' },
    { code: '        m2mTokenUsage: periodicUsage.m2mTokenLimit,', path: 'pages/Subscription/index.tsx' },
    { code: "    lg: token('lineHeights.150'),", path: 'components/mantine-theme.config.ts' },
    { code: "twofactor-auth = 'com.j256.two-factor-auth:two-factor-auth:1.3'", path: 'gradle/libs.versions.toml' },
    { code: '  - serviceKey: org.apache.dubbo.demo.DemoService:1.0.0', path: 'servicediscovery-consumer/README.md' },
    { code: '    "@medusajs/auth-emailpass": "^2.0.0",', path: 'packages/medusa/package.json' },
    { code: "$config['password_ldap_encodage'] = 'md5-crypt';", path: 'plugins/password/config.inc.php.dist' },
    { code: "            'mail_password' => 'required_unless:mail_driver,log',", path: 'app/Http/Requests/Setup/CheckMailRequest.php' },
    { code: "    created_password: 'Palavra-passe:',", path: 'locales/pt-pt/translation/admin-console/user-details.ts' },
    { code: "  where logs.type in ('RegisterUsernamePassword', 'RegisterEmail', 'SignInEmail')", path: 'alterations/user-logs.ts' },
    { code: '[{"name":"Palau","iso_3166_2":"PW","iso_3166_3":"PLW","currency":"USD"}]', path: 'database/seeders/CountriesSeeder.php' },
    { code: `        def hash = '$shiro1$SHA-256$500000$${rand(24, B64, 'salt')}$${rand(44, B64, 'hash')}'`, path: 'DefaultPasswordServiceTest.groovy' },
    { code: '    token: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9",', path: 'docs/rest-api/overview.mdx' },
    {
      code: `        base64-secret: ${Buffer.from('my-secret-key-which-should-be-changed-in-production-and-be-base64-encoded').toString('base64')}`,
      path: 'src/main/resources/config/application-secret-samples.yml',
    },
    { code: `export const SEGMENTS_WRITE_KEY = process.env.CLI_SEGMENT_WRITE_KEY || '${rand(32, undefined, 'seg')}';`, path: 'packages/novu/src/constants/constants.ts' },
    { code: `    algolia: {\n      appId: "8FEAOD28DI",\n      apiKey: "${rand(32, HEX, 'docsearch')}",\n      indexName: "docs",\n    },`, path: 'dev-docs/docusaurus.config.js' },
    // A PostHog project key: public by design (it is in every page that loads the snippet).
    { code: `  private POSTHOG_API_KEY = '${cat('phc_', rand(43, undefined, 'phc'))}';`, path: 'src/posthog/posthog.service.ts' },
    // A message, not a line of a document in a string; a number is not a name.
    { code: `throw new Error("Invalid password: ${s}");`, path: 'auth.js' },
    { code: `log("login failed\\nreason: bad token\\npassword: %s", pw)`, path: 'auth.js' },
    { code: `const sizes = { 256: 'key', 512: '${s}' };`, path: 'sizes.js' },
    // The letter of an escape is not part of the name: `\tremoteKey` is `remoteKey`.
    { code: `"spec:\\n\\tremoteKey: ${s}"`, path: 'es.json' },
    // A key's address in a secret store.
    { code: '    remoteKey: "folderId:55/prefix-only-folder",', path: 'providers/v1/secretserver/client_test.go' },
    // Maven's encrypted form: needs the master password (maven-master-password reads both files).
    { code: '      <password>{COQLCE6DU6GtcS5P/yN1sGlq6nKr9NH3NjFpWmJPq/fy+uL+fmg=}</password>', path: '.m2/settings.xml' },
    // A project key (SonarCloud, Jira), a Ruby symbol, a constant path.
    { code: 'sonar.projectKey=chef_chef_AYcDc8pZJ4YHsO5MtIxx', path: 'sonar-project.properties' },
    { code: '    auth_flags: :usri3_auth_flags,', path: 'lib/chef/util/windows/net_user.rb' },
    { code: '          token = Chef::ReservedNames::Win32::Security.open_current_process_token', path: 'lib/chef/win32/security/sid.rb' },
    // Jenkins' stored form of a bcrypt hash.
    { code: 'private static final String JBCRYPT_ENCODED_PASSWORD = "#jbcrypt:$2a$10$Nm37vwdZwJ5T2QTBwYuBYONHD3qKilgd5UO7wuDXI83z5dAdrgi4i";', path: 'src/test/java/RealmTest.java' },
    // Identifiers with a word spelled with a digit (`k8s`, `oauth2`), a member path: names, not keys.
    { code: "const storageKey = 'k8sConfigMapsDatatable';", path: 'app/react/ConfigMapsDatatable.tsx' },
    { code: '\tDeletePortainerK8sRegistrySecrets = "DeletePortainerK8sRegistrySecrets"', path: 'api/actions/actions.go' },
    { code: '\tuser.AdminRoleInAuth = u2.AdminRoleInAuth', path: 'src/server/auth_proxy.go' },
    { code: "export const oauthKey = 'useOAuth2ProviderSettings';", path: 'src/settings.ts' },
    // Minified code: chained assignments between member paths.
    { name: 'minified chained assignment', code: 'e._TTSOps=e.TTSOps.value,_check_password_hook=Module._check_password_hook=e.check_password_hook.value,_X=1', path: 'dist/pglite.cjs' },
    // A namespace/name reference, a resource path.
    { code: '$ kubectl --server=https://127.0.0.1:6443 --token=foo/restricted-psp-users create -f x.yaml', path: 'README.md' },
    { code: 'private static final String ONE_TIME_TOKEN_SQL_RESOURCE = "org/springframework/security/core/ott/jdbc/one-time-tokens-schema.sql";', path: 'Tests.java' },
    // A factory call's argument is an algorithm name.
    { code: 'this(CipherUtils.newSecretKey("PBKDF2WithHmacSHA1", new PBEKeySpec(password.toCharArray())));', path: 'AesBytesEncryptor.java' },
    // Spring Security's `{id}hash` and `{salt}digest` password storage formats.
    { code: `String encodedPassword = "{bcrypt}${cat('$2a$', '10$', rand(53, B64.replace('+', '.'), 'sb'))}";`, path: 'Tests.java' },
    { code: `String encodedPassword = "{pbkdf2@SpringSecurity_v5_8}${rand(96, HEX, 'pb')}";`, path: 'Tests.java' },
    { code: `String encodedPassword = "{SHA-256}{${rand(44, B64, 'salt')}}${rand(64, HEX, 'sha')}";`, path: 'Tests.java' },
    { code: `assertThat(getEncoder().matches("password", "{thisissalt}${rand(32, HEX, 'md4')}"));`, path: 'Tests.java' },
    { code: `String encodedPassword = "{scrypt}$e0801$${rand(88, B64, 'ss')}$${rand(44, B64, 'sh')}";`, path: 'Tests.java' },
    { code: `<user name="jimi" password="{bcrypt}${cat('$2a$', '10$', rand(53, B64.replace('+', '.'), 'jb'))}"`, path: 'docs/xml-namespace.adoc' },
    // Base64 of a placeholder (`example-app-secret`).
    { code: `      secret: ${Buffer.from(cat('example', '-app-', 'secret')).toString('base64')}`, path: 'templates/dex/secret.yaml' },
    // A form body: the value ends at `&`.
    { code: 'username=user&password=password&_csrf=35942e65-a172-4cd4-a1d4-d16a51147b3e', path: 'docs/persistence.adoc' },
  ],
  invalid: [
    // Random values in the same places are still found, a digit-spelled word inside them or not.
    { name: 'a typed declaration', code: `var clientSecret string = "${s}"`, secret: s, path: 'main.go' },
    { name: 'a clear password in Maven settings', code: `      <password>${s}</password>`, secret: s, path: '.m2/settings.xml' },
    { name: 'a token after a JSON escape', code: `{"q": "\\u0026api_token=${s}\\u0026x=1"}`, secret: s, path: 'fixtures/request.json' },
    { name: 'a token with a slash', code: `client_secret = "${cat(rand(12, undefined, 'sl1'), '/', rand(20, undefined, 'sl2'))}"`, count: 1, path: 'app/settings.py' },
    { name: 'random token holding K8s', code: `const authKey = "${cat('q', 'K8s', 'd7Hw2PzLm4Xv9RtY')}";`, count: 1, path: 'src/auth.ts' },
    { name: 'random lower-case token with underscores', code: `api_token = "${cat(rand(14, LOWER_ALNUM, 'u1'), '_', rand(14, LOWER_ALNUM, 'u2'))}"`, count: 1, path: 'settings.py' },
    { code: `    ("auth_token", "${s}"),`, secret: s, path: 'conf.py' },
    { name: 'not a chain: a real value after the name', code: `e.x=1,_client_secret="${s}",_y=2`, secret: s, path: 'dist/app.js' },
    { name: 'a path-like value with mixed case and digits', code: `--token=${cat(rand(10, undefined, 'p1'), '/', rand(16, undefined, 'p2'))}`, count: 1, path: 'run.sh' },
    { name: '{noop} is the plain-text password', code: `<user name="bob" password="{noop}${s}" />`, count: 1, path: 'security.xml' },
    { name: 'base64 of a random value', code: `      secret: ${Buffer.from(rand(24, undefined, 'b6')).toString('base64')}`, count: 1, path: 'templates/secret.yaml' },
    { name: 'base64 with padding', code: `client_secret: ${b64pad}`, secret: b64pad, path: 'values.yaml' },
    { name: 'form body with a real password', code: `username=user&password=${s}&_csrf=1`, count: 1, path: 'docs/login.md' },
  ],
});

// #13: the syntaxes credentials are written in beyond `name <op> value` — each form with must-not-flag
// neighbours (references, placeholders, descriptive names).
const v1 = rand(32, undefined, 'form1');
const dotted = cat(rand(10, undefined, 'dot1'), '.', rand(22, undefined, 'dot2'));
const slashB64 = cat('/', rand(39, B64.replace('/', ''), 'sl'), 'A+b=');
ruleTester(rule, {
  valid: [
    { code: '#define PASSWORD_PROMPT "Enter password: "', path: 'login.c' },
    { code: '#define API_KEY "YOUR_API_KEY"', path: 'config.h' },
    // Erlang, Clojure and CMake statements that set no credential, or a placeholder.
    { code: '{description, "An OTP application that talks to the billing service"},', path: 'src/app.app.src' },
    { code: '{api_key, "${API_KEY}"},', path: 'config/sys.config' },
    { code: '(def api-key (System/getenv "API_KEY"))', path: 'src/app/core.clj' },
    { code: 'set(CMAKE_CXX_FLAGS "-Wall -Wextra -O2")', path: 'CMakeLists.txt' },
    { code: "CREATE USER app IDENTIFIED BY '${DB_PASSWORD}';", path: 'init.sql' },
    { code: 'proxy_set_header Authorization $http_authorization;', path: 'nginx.conf' },
    { code: 'proxy_set_header X-Api-Key $api_key;', path: 'nginx.conf' },
    { code: 'fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;', path: 'nginx.conf' },
    { code: 'mycli --api-key $API_KEY', path: 'run.sh' },
    { code: 'mycli --token "${{ secrets.DEPLOY_TOKEN }}"', path: 'deploy.yml' },
    { code: 'docker login --password-stdin registry.example.com:5050', path: 'ci.sh' },
    { code: `mycli --secret-key-file /etc/app/${v1}.key`, path: 'run.sh' },
    { code: 'gpg --recv-keys 0123456789ABCDEF0123456789ABCDEF01234567', path: 'install.sh' },
    { code: '<string name="api_key">YOUR_API_KEY_HERE</string>', path: 'app/src/main/res/values/strings.xml' },
    { code: 'buildConfigField "String", "API_KEY", "\\"${apiKey}\\""', path: 'app/build.gradle' },
    { code: 'API key: https://dashboard.example.com/settings/keys', path: 'README.md' },
    { code: 'Client Secret = MyAppClientSecretValue', path: 'README.md' },
    { code: `--- PASS: ${cat('TestRemoteWrite', '/prometheus/Counter')} (0.01s)`, path: 'post.md' },
    { code: 'ENV API_KEY_FILE /run/secrets/api_key', path: 'Dockerfile' },
    // A bare `<word>_key` holds a credential only when its value is random beyond doubt, and never a data key's.
    { code: `CACHE_KEY = "${v1}"`, path: 'settings.py' },
    { code: `partitionKey: "${v1}"`, path: 'table.ts' },
    { code: `VERIFY_KEY = "${v1}"`, path: 'Tests.java' },
    { code: 'componentKey = "MyComponentKey2024abc"', path: 'app.js' },
    // A client-side analytics write key is public by design (it ships in every page).
    { code: `# Analytics\nsegment_key: '${v1}'\n`, path: 'jekyll.yml' },
    { code: `const MIXPANEL_KEY = "${v1}";`, path: 'analytics.js' },
    // Symbols in their own places: query and format strings, dates, expressions, paths.
    "token_format = '%Y-%m-%dT%H:%M:%S#Z1'",
    "auth_query = 'a=1&b=2&Sig=Xy7!'",
    "secret_pattern = '^[A-Z]{3}-\\d{4}#x$'",
    "key_path = '/etc/App9/Conf#1!'",
    "api_key = '#Q1w2E3r4T5y6!'",
    // Search-only keys ship to every browser that runs the search box.
    { code: `ALGOLIA_SEARCH_API_KEY=${rand(32, HEX, 'algs')}`, path: '.env' },
    { code: `DOCSEARCH_API_KEY=${rand(32, HEX, 'docs')}`, path: '.env' },
    { code: `TYPESENSE_SEARCH_ONLY_API_KEY="${v1}"`, path: '.env.production' },
    // Web Push's application server key, as an API returns it: the public half.
    { code: `  "vapid_key": "${cat('BMAI', rand(36, B64, 'vapid'), '=')}",`, path: 'content/en/methods/apps.md' },
    { code: '        "app_passwd": "Applikationslösenord",', path: 'data/web/lang/lang.sv-se.json' },
    // A guide's sample configuration whose comment says so.
    { code: `[Peer]\nPresharedKey = ${cat(rand(27, B64, 'psk'), '=')}  # PresharedKey will be different\n`, path: 'docs/guides/vpn/wireguard/client.md' },
    { code: `API_TOKEN=${v1} # example token, replace with yours`, path: '.env' },
    // A member path, a truncated JWT.
    { code: 'token = "config.auth.accessToken"', path: 'app.py' },
    { code: `MALFORMED_TOKEN = "${cat('eyJhbGciOiJIUzI1NiJ9', '.', rand(30, undefined, 'mj'))}"`, path: 'Tests.java' },
  ],
  invalid: [
    // A generated secret drawn from every class of characters, under any credential name.
    { code: `apikey := "${cat('Kq7#vL2', '!pZ9$wX4&mT')}"`, secret: cat('Kq7#vL2', '!pZ9$wX4&mT'), path: 'main.go' },
    { code: `SECRET_KEY=${cat('h8!Rt', '2%Qw9*Lz4^')}`, secret: cat('h8!Rt', '2%Qw9*Lz4^'), path: '.env' },
    // Other search services' keys, and an Algolia admin key, are credentials.
    { code: `ELASTICSEARCH_API_KEY=${v1}`, secret: v1, path: '.env' },
    { code: `ALGOLIA_SEARCH_ADMIN_API_KEY=${v1}`, secret: v1, path: '.env' },
    { name: 'C #define', code: `#define API_KEY "${v1}"`, secret: v1, path: 'config.h' },
    { name: 'Objective-C #define', code: `#define kClientSecret @"${v1}"`, secret: v1, path: 'Config.h' },
    { name: 'SQL IDENTIFIED BY', code: `CREATE USER app IDENTIFIED BY '${v1}';`, secret: v1, path: 'init.sql' },
    { name: 'PostgreSQL WITH PASSWORD', code: `ALTER ROLE app WITH LOGIN PASSWORD '${v1}';`, secret: v1, path: 'init.sql' },
    { name: 'SQL Server CREATE LOGIN', code: `CREATE LOGIN app WITH PASSWORD = '${v1}';`, secret: v1, path: 'init.sql' },
    { name: 'MySQL SET PASSWORD', code: `SET PASSWORD FOR 'app'@'%' = '${v1}';`, secret: v1, path: 'init.sql' },
    { name: 'Java properties XML', code: `<entry key="api.key">${v1}</entry>`, secret: v1, path: 'config.xml' },
    { name: 'Android string resource', code: `<string name="maps_api_key">${v1}</string>`, secret: v1, path: 'app/src/main/res/values/strings.xml' },
    { name: 'Gradle buildConfigField', code: `buildConfigField "String", "API_KEY", "\\"${v1}\\""`, secret: v1, path: 'app/build.gradle' },
    { name: 'Gradle resValue', code: `resValue("string", "client_secret", "${v1}")`, secret: v1, path: 'app/build.gradle.kts' },
    { name: 'HTTP client file variable', code: `@apiToken = ${v1}\n\nGET https://api.weatherdesk.io/v1/me\nAuthorization: Bearer {{apiToken}}\n`, secret: v1, path: 'requests/me.http' },
    { name: 'Clojure def', code: `(def ^:private api-token "${v1}")`, secret: v1, path: 'src/app/core.clj' },
    { name: 'Erlang term, binary', code: `[{rabbit, [{default_user, <<"svc">>}, {default_pass, <<"${v1}">>}]}].`, secret: v1, path: 'rabbitmq.config' },
    { name: 'Erlang term, string', code: `  {api_key, "${v1}"},`, secret: v1, path: 'config/sys.config' },
    { name: 'Elixir tuple', code: `config :app, credentials: [{:secret_key, "${v1}"}]`, secret: v1, path: 'config/prod.exs' },
    { name: 'CMake set', code: `set(ENV{API_TOKEN} "${v1}")`, secret: v1, path: 'CMakeLists.txt' },
    { name: 'Gradle buildConfigField, single quotes', code: `buildConfigField 'String' , 'API_KEY' , '"${v1}"'`, secret: v1, path: 'docs/android.md' },
    { name: 'aligned object literal', code: `const cfg = {\n  appName:             "shop",\n  fbApiKey:            "${v1}",\n};`, secret: v1, line: 3, path: 'config.js' },
    { name: 'gofmt-aligned constants', code: `const (\n\tRegion                        = "eu-west-1"\n\tUploadServiceToken            = "${v1}"\n)`, secret: v1, line: 3, path: 'consts.go' },
    { name: 'curl form field', code: `curl -d access_token=${v1} https://api.example.org/v1/devices`, secret: v1, path: 'README.md' },
    {
      name: 'URL query parameter',
      code: `curl -X POST "https://auth.acme-cloud.io/oauth2/token?grant_type=client_credentials&client_id=app&client_secret=${v1}"`,
      secret: v1,
      path: 'scripts/token.sh',
    },
    { name: 'nginx header', code: `proxy_set_header X-Api-Key "${v1}";`, secret: v1, path: 'nginx.conf' },
    { name: 'nginx fastcgi_param', code: `fastcgi_param DB_PASSWORD ${v1};`, secret: v1, path: 'site.conf' },
    { name: 'Apache SetEnv', code: `SetEnv API_TOKEN ${v1}`, secret: v1, path: '.htaccess' },
    { name: 'Apache RequestHeader', code: `RequestHeader set X-Auth-Token "${v1}"`, secret: v1, path: 'httpd.conf' },
    { name: 'flag and value', code: `mycli deploy --api-key ${v1} --verbose`, secret: v1, path: 'deploy.sh' },
    { name: 'quoted flag value', code: `mycli --client-secret "${v1}"`, secret: v1, path: 'README.md' },
    { name: 'kubectl --from-literal', code: `kubectl create secret generic app --from-literal=password=${v1}`, secret: v1, path: 'setup.sh' },
    { name: 'docker --build-arg', code: `docker build --build-arg npm_token=${v1} .`, secret: v1, path: 'build.sh' },
    { name: 'Dockerfile legacy ENV', code: `ENV API_KEY ${v1}`, secret: v1, path: 'Dockerfile' },
    { name: 'PowerShell $env:', code: `$env:API_KEY = "${v1}"`, secret: v1, path: 'setup.ps1' },
    { name: 'Rust &str constant', code: `const API_KEY: &str = "${v1}";`, secret: v1, path: 'src/main.rs' },
    { name: "Rust &'static str", code: `static TOKEN: &'static str = "${v1}";`, secret: v1, path: 'src/lib.rs' },
    { name: 'Makefile :=', code: `API_KEY := ${v1}`, secret: v1, path: 'Makefile' },
    { name: 'prose API key', code: `API key: ${v1}`, secret: v1, path: 'NOTES.md' },
    { name: 'prose access token', code: `Access token - ${v1}`, secret: v1, path: 'NOTES.md' },
    { name: 'provider-named key', code: `ABSTRACT_KEY=${v1}`, secret: v1, path: '.env' },
    { name: 'provider-named key, hex', code: `ABSTRACT_KEY=${rand(32, HEX, 'abshex')}`, count: 1, path: '.env' },
    { name: 'camelCase provider key', code: `const zendeskKey = "${v1}";`, secret: v1, path: 'client.js' },
    { name: "Web Push's private key", code: `  "vapid_private_key": "${cat('BMAI', rand(36, B64, 'vapid'), '=')}",`, count: 1, path: 'content/en/methods/apps.md' },
    { name: 'a preshared key', code: `[Peer]\nPresharedKey = ${cat(rand(43, B64, 'psk'), '=')}  # laptop\n`, count: 1, line: 2, path: 'wg0.conf' },
    { name: 'a token with a comment', code: `API_TOKEN=${v1} # CI deploys; rotate yearly`, secret: v1, path: '.env' },
    { name: 'a statement after the value', code: `const apiKey = "${v1}"; const example = 1;`, secret: v1, path: 'client.js' },
    { name: 'provider key in site config', code: `# Support\nzendesk_key: '${v1}'\n`, secret: v1, line: 2, path: 'jekyll.yml' },
    { name: 'id.secret shape', code: `api_token = "${dotted}"`, secret: dotted, path: 'settings.py' },
    { name: 'base64 starting with a slash', code: `client_secret: "${slashB64}"`, secret: slashB64, path: 'values.yaml' },
    { name: 'Terraform variable default', code: `variable "datadog_api_key" {\n  type      = string\n  sensitive = true\n  default   = "${v1}"\n}\n`, secret: v1, line: 4, path: 'variables.tf' },
    { name: 'query string, value ends at &', code: `url = "https://api.example.com/v1?api_key=${v1}&format=json"`, secret: v1, path: 'client.py' },
    { name: 'query parameter, value ends at a flag or fragment', code: `curl "https://fra1.blynk.cloud/external/api/get?token=${v1}&V1"`, secret: v1, path: 'update.sh' },
    { name: 'query parameter before a fragment', code: `open("https://app.acmecorp.io/cb?access_token=${v1}#done")`, secret: v1, path: 'login.py' },
    { name: 'builder call after a call', code: `User.builder().apiKey("${v1}").build();`, secret: v1, path: 'Client.java' },
    { name: 'builder call on its own line', code: `Client c = Client.builder()\n    .clientSecret("${v1}")\n    .build();`, secret: v1, line: 2, path: 'Client.java' },
    { name: 'element of an array', code: `creds[0].password = "${v1}";`, secret: v1, path: 'seed.js' },
    { name: 'reversed equals', code: `if ("${v1}".equals(apiKey)) {`, secret: v1, path: 'Auth.java' },
    { name: 'fallback after an environment lookup', code: `const apiKey = process.env.API_KEY ?? "${v1}";`, secret: v1, path: 'client.ts' },
    { name: 'Python fallback', code: `token = os.environ.get("GH_TOKEN") or "${v1}"`, secret: v1, path: 'app.py' },
    { name: 'Ruby symbol key in YAML', code: `---\n:rubygems_api_key: ${v1}\n`, secret: v1, line: 2, path: '.gem/credentials' },
  ],
});

ruleTester(rule, {
  valid: [
    { code: 'variable "datadog_api_key" {\n  type = string\n}\nresource "x" "y" {\n  default = "not-this-block"\n}\n', path: 'variables.tf' },
    { code: 'variable "api_token" {\n  default = "${var.other}"\n}\n', path: 'variables.tf' },
    { code: `variable "region" {\n  default = "${v1}"\n}\n`, path: 'variables.tf' },
    { code: 'url = "https://api.example.com/v1?api_key=${API_KEY}&format=json"', path: 'client.py' },
    { code: `cy.get('#password').type('${v1}')`, path: 'login.cy.js' },
    { code: "const t = process.env.TOKEN || 'default-token-value'", path: 'app.js' },
    { code: 'User.withUsername("user").password("{noop}notcompromised").build();', path: 'Tests.java' },
    // Real code: an instruction in place of the password, a translated UI string named after a token.
    { code: "CREATE USER 's3_import_user'@'localhost' IDENTIFIED BY 'YourPwdShouldBeLongAndSecure!';", path: 'README.md' },
    { code: "ALTER USER 'app'@'%' IDENTIFIED BY 'your_db_password_here';", path: 'init.sql' },
    {
      code: '<string name="debug_invalidate_access_token_server_done">保存したアクセストークンが破損しています。次のリクエストに失敗し、その後リフレッシュします。</string>',
      path: 'app/src/main/res/values-ja/strings.xml',
    },
    { code: 'mycli --api-key --verbose', path: 'run.sh' },
  ],
  invalid: [
    { name: 'SQL in a README, quoted user and host', code: `CREATE USER 'app'@'localhost' IDENTIFIED BY '${v1}';`, secret: v1, path: 'README.md' },
    { name: 'Android string resource, other language folder', code: `<string name="maps_api_key">${v1}</string>`, secret: v1, path: 'app/src/main/res/values-ja/strings.xml' },
    { name: 'the variable block after another', code: `variable "a" {\n}\nvariable "api_token" {\n  default = "${v1}"\n}\n`, secret: v1, line: 4, path: 'variables.tf' },
  ],
});

// Key-like values in the statement forms of Groovy, PowerShell, R, Kotlin, Clojure and Visual Basic.
ruleTester(rule, {
  valid: [
    { code: 'apiKey project.property("apiKey")', path: 'build.gradle' },
    { code: 'Invoke-Api -ApiKey $ApiKey', path: 'run.ps1' },
    { code: 'api_key <- Sys.getenv("API_KEY")', path: 'fetch.R' },
    { code: 'mapOf("token" to token)', path: 'Client.kt' },
    { code: '{:api-key (env :api-key)}', path: 'config.edn' },
  ],
  invalid: [
    { code: `apiKey '${s}'`, secret: s, path: 'build.gradle' },
    { code: `Invoke-Api -Uri $u -ApiKey "${s}"`, secret: s, path: 'run.ps1' },
    { code: `api_key <- "${s}"`, secret: s, path: 'fetch.R' },
    { code: `val headers = mapOf("X-Api-Token" to "${s}")`, secret: s, path: 'Client.kt' },
    { code: `{:api-key "${s}"}`, secret: s, path: 'config.edn' },
    { code: `Dim apiToken As String = "${s}"`, secret: s, path: 'Api.vb' },
  ],
});

// Name/value pairs (Kubernetes env, ECS task definitions, ARM settings), property lists and notebook cells.
ruleTester(rule, {
  valid: [
    { code: 'env:\n  - name: API_TOKEN\n    valueFrom:\n      secretKeyRef: { name: app, key: token }', path: 'deploy.yaml' },
    { code: 'env:\n  - name: API_TOKEN\n    value: ${API_TOKEN}', path: 'deploy.yaml' },
    { code: 'env:\n  - name: TOKEN_TTL\n    value: "3600"', path: 'deploy.yaml' },
    { code: '[{"name": "API_TOKEN", "value": "{{ resolve:secretsmanager:app:SecretString:token }}"}]', path: 'taskdef.json' },
    { code: '<key>ApiSecret</key>\n<string>$(API_SECRET)</string>', path: 'Info.plist' },
    { code: '{"source": ["api_key = os.environ[\\"API_KEY\\"]\\n"]}', path: 'nb.ipynb' },
    { code: '{"values": [{"key": "api_key", "value": "{{vault:api-key}}", "enabled": true}]}', path: 'dev.postman_environment.json' },
    { code: '[{"Key": "SecretName", "Value": "prod/app/db"}, {"Key": "Team", "Value": "payments"}]', path: 'tags.json' },
  ],
  invalid: [
    { code: `spec:\n  containers:\n    - env:\n        - name: API_TOKEN\n          value: ${s}\n`, secret: s, line: 5, path: 'deploy.yaml' },
    { code: `env:\n  - name: "STRIPE_SECRET"\n    value: "${s}"\n`, secret: s, line: 3, path: 'values.yaml' },
    { code: `[{"name": "API_TOKEN", "value": "${s}"}, {"name": "PORT", "value": "80"}]`, secret: s, count: 1, path: 'taskdef.json' },
    { code: `{\n  "name": "ApiSecret",\n  "value": "${s}"\n}`, secret: s, line: 3, path: 'settings.json' },
    { code: `<dict>\n\t<key>ApiSecret</key>\n\t<string>${s}</string>\n</dict>`, secret: s, line: 3, path: 'Info.plist' },
    { code: `<key>ClientSecret</key><string>${s}</string>`, secret: s, path: 'Config.plist' },
    { code: `{"cells": [{"source": ["client_secret = \\"${s}\\"\\n"]}]}`, secret: s, path: 'analysis.ipynb' },
    // Postman and Insomnia write a variable or an auth parameter as a `key`/`value` pair.
    { code: `{"auth": {"type": "bearer", "bearer": [{"key": "token", "value": "${s}", "type": "string"}]}}`, secret: s, path: 'api.postman_collection.json' },
    { code: `{\n  "values": [\n    {\n      "key": "client_secret",\n      "value": "${s}",\n      "enabled": true\n    }\n  ]\n}`, secret: s, line: 5, path: 'dev.postman_environment.json' },
    { code: `[{"Key": "ApiToken", "Value": "${s}"}]`, secret: s, path: 'params.json' },
  ],
});

// Precision on real code (#13): values that are another datum where a credential could be.
ruleTester(rule, {
  valid: [
    { code: 'py3.9-langchain-notiktoken-v0.1.20: async-timeout==4.0.3\npy3.8-tokenizers-latest: tokenizers[torch]>=0.15.2,<0.20', path: 'tox.ini' },
    { code: `<a title="#opt-providers-consulCatalog-endpoint-httpAuth-password" href="#opt-providers-consulCatalog-endpoint-httpAuth-password">`, path: 'docs/consul.md' },
    { code: `tls.key: ${Buffer.from(cat('-----BEGIN ', 'PRIVATE KEY-----\n-----END ', 'PRIVATE KEY-----')).toString('base64')}`, path: 'fixtures/with_tls.yml' },
    {
      code: `"fileId":"http://cdn.processon.test/5df1f6a6e4b0c4255e96d825?e=1576142006&amp;token=${rand(40, B64, 'qn-ak')}:${rand(27, B64, 'qn-sig')}="`,
      path: 'doc/arch.pos',
    },
    { code: `Middlewares: []string{"auth", "addPrefixTest@anotherprovider"},`, path: 'handler_test.go' },
    { code: `tokens = ["token", "${s}"]`, path: 'lexer.py' },
    {
      code: `- "traefik.http.middlewares.auth.basicauth.users=test:$$apr1$$${rand(8, B64, 'salt1')}$$${rand(22, B64, 'h1')},test2:$$apr1$$${rand(8, B64, 'salt2')}$$${rand(22, B64, 'h2')}"`,
      path: 'docs/basicauth.md',
    },
    { code: `- "traefik.http.middlewares.test-auth.digestauth.users=test:traefik:${rand(32, HEX, 'd1')},test2:traefik:${rand(32, HEX, 'd2')}"`, path: 'docs/digestauth.md' },
    { code: `'password' => '$P$${rand(31, B64, 'phpass')}',`, path: 'tests/UsersBase.php' },
  ],
  invalid: [
    // A query token without an expiry, and a token in a call's argument list, are still reported.
    { code: `url = "https://api.example.test/v1/report?format=csv&token=${s}"`, secret: s },
    { code: `client.set("token", "${s}")`, secret: s },
    { code: `auth_token: ${b64}`, path: 'config.yml', secret: b64 },
  ],
});

// Base64 of a placeholder or of another datum is no credential either.
ruleTester(rule, {
  valid: [
    { code: `oidc.auth0.clientSecret: "${Buffer.from('hello-world').toString('base64')}"`, path: 'docs/index.md' },
    { code: `  auth: ${Buffer.from(cat('user:', '{SHA}', rand(27, B64, 'ht'), '=')).toString('base64')}`, path: 'fixtures/ingress-with-basicauth.yml' },
  ],
  invalid: [{ code: `clientSecret: "${Buffer.from(s).toString('base64')}"`, path: 'values.yaml', secret: Buffer.from(s).toString('base64') }],
});

// References to a secret store, patterns, markers and fragments are not the secret.
ruleTester(rule, {
  valid: [
    { code: 'bindPassword: "urn:k8s:secret:my-secret:bindpassword"', path: 'docs/ldap.md' },
    { code: 'DB_PASSWORD: "op://prod-vault/postgres/password"', path: 'app.env.tpl' },
    { code: `api_token: "@Microsoft.KeyVault(SecretUri=https://kv-prod.vault.azure.net/secrets/api-token/)"`, path: 'appsettings.yaml' },
    { code: 'provisioner-secret-namespace = "csi.storage.k8s.io/provisioner-secret-namespace"', path: 'main.tf' },
    { code: 'assert event["extra"]["password"] == "\'[Filtered]\'"', path: 'tests/test_scrubber.py' },
    { code: `'password' => 'prefix_${rand(12, undefined, 'frag')}' . $emailLocal . '_suffix',`, path: 'tests/PolicyTest.php' },
    { code: `const token = "${rand(20, undefined, 'frag2')}" + userId;`, path: 'src/a.js' },
  ],
  invalid: [
    { code: `const token = "${s}" + "";`, path: 'src/b.js', secret: s },
    { code: `secret_key = "${s}"  # rotated 2024-01, see ops/runbook.md`, path: 'settings.py', secret: s },
  ],
});

// Credentials passed by position: a random password to a connection call, a flag's value as the next
// item of an argument list, Ruby's `set :name, value`, and signing keys given to JWT and HMAC calls.
ruleTester(rule, {
  valid: [
    { code: 'conn = DriverManager.getConnection(url, user, password);', path: 'Db.java' },
    { code: 'subprocess.run(["mysql", "--password", password])', path: 'backup.py' },
    { code: 'args = ["--password", "--database", "app"]', path: 'cli.py' },
    { code: 'spawn("tool", ["--token-file", "/run/secrets/token"])', path: 'run.js' },
    { code: 'set :db_password, ENV.fetch("DB_PASSWORD")', path: 'config/deploy.rb' },
    { code: "set :api_token, 'changeme'", path: 'config/deploy.rb' },
    { code: 'jwt.sign(payload, process.env.JWT_SECRET)', path: 'auth.js' },
    { code: "jwt.sign({ sub: user.id }, 'shhhhh')", path: 'auth.js' },
    { code: "jwt.sign(payload, 'your-256-bit-secret')", path: 'auth.js' },
    { code: 'token = jwt.encode(claims, settings.SECRET_KEY, algorithm="HS256")', path: 'auth.py' },
    { code: "crypto.createHmac('sha256', secret).update(body)", path: 'webhook.js' },
    { code: 'mac = hmac.new(key, msg, hashlib.sha256)', path: 'sign.py' },
    { code: 'Algorithm algorithm = Algorithm.HMAC256(secret);', path: 'Auth.java' },
    { code: 'signed, err := token.SignedString([]byte(os.Getenv("JWT_KEY")))', path: 'auth.go' },
    // Not a key by position: a claim in the payload, a string compared or logged.
    { code: `jwt.sign({ sub: "${rand(20, undefined, 'claim')}", role: 'admin' }, key)`, path: 'auth.js' },
    { code: `log("jwt.sign failed", "${rand(20, undefined, 'logmsg')}")`, path: 'auth.js' },
  ],
  invalid: [
    { code: `conn = DriverManager.getConnection(url, "app", "${s}");`, path: 'Db.java', secret: s },
    { code: `$pdo = new PDO($dsn, 'root', '${s}');`, path: 'db.php', secret: s },
    { code: `$db = new PDO($this->dsn, $this->user, "${s}");`, path: 'Db.php', secret: s },
    { code: `subprocess.run(["mysql", "--user", "admin", "--password", "${s}"])`, path: 'backup.py', secret: s },
    { code: `cmd = ['vault', 'login', '--api-token', '${s}']`, path: 'tools/login.py', secret: s },
    { code: `execFileSync('deploy', ['--client-secret', "${s}"])`, path: 'scripts/deploy.ts', secret: s },
    { code: `set :db_password, '${s}'`, path: 'config/deploy.rb', secret: s },
    { code: `set(:api_token, "${s}")`, path: 'app.rb', secret: s },
    { code: `const token = jwt.sign({ id: user.id, role: user.role }, '${s}', { expiresIn: '1h' });`, path: 'auth.js', secret: s },
    { code: `jwt.verify(token, "${s}")`, path: 'middleware.ts', secret: s },
    { code: `encoded = jwt.encode(payload, "${s}", algorithm="HS256")`, path: 'auth.py', secret: s },
    { code: `const sig = crypto.createHmac('sha256', '${s}').update(body).digest('hex');`, path: 'webhook.js', secret: s },
    { code: `mac = hmac.new(b"${s}", msg, hashlib.sha256)`, path: 'sign.py', secret: s },
    { code: `$sig = hash_hmac('sha256', $payload, '${s}');`, path: 'sign.php', secret: s },
    { code: `Algorithm algorithm = Algorithm.HMAC256("${s}");`, path: 'Auth.java', secret: s },
    { code: `.signWith(SignatureAlgorithm.HS256, "${s}")`, path: 'TokenService.java', secret: s },
    { code: `signed, err := token.SignedString([]byte("${s}"))`, path: 'auth.go', secret: s },
  ],
});

// A literal in a conversion or with a string prefix, the default of a parameter expansion, Elixir
// module attributes and C# auto-property initialisers.
ruleTester(rule, {
  valid: [
    { code: 'let password = String::from(env::var("DB_PASSWORD")?);', path: 'src/db.rs' },
    { code: 'key = []byte(os.Getenv("JWT_KEY"))', path: 'auth.go' },
    { code: 'SECRET_KEY = b"changeme"', path: 'settings.py' },
    { code: 'token = f"{prefix}{suffix}"', path: 'client.py' },
    { code: 'API_KEY=${API_KEY:-}', path: 'run.sh' },
    { code: 'API_KEY=${API_KEY:?set API_KEY first}', path: 'run.sh' },
    { code: 'API_TOKEN=${API_TOKEN:-changeme}', path: 'run.sh' },
    { code: '      - SECRET_KEY=${SECRET_KEY:-your-secret-key}', path: 'docker-compose.yml' },
    { code: 'jwt.secret=${JWT_SECRET}', path: 'application.properties' },
    { code: '@Value("${jwt.secret}")', path: 'src/main/java/Auth.java' },
    { code: '@Value("${jwt.expiration:3600}")', path: 'src/main/java/Auth.java' },
    { code: '@moduledoc "The secret key store"', path: 'lib/keys.ex' },
    { code: 'public string ApiKey { get; set; } = string.Empty;', path: 'Options.cs' },
    { code: 'public string ApiKey { get; set; } = "";', path: 'Options.cs' },
  ],
  invalid: [
    { code: `let password = String::from("${s}");`, path: 'src/db.rs', secret: s },
    { code: `jwtKey := []byte("${s}")`, path: 'auth.go', secret: s },
    { code: `String apiKey = new String("${s}");`, path: 'Client.java', secret: s },
    { code: `auto token = std::string("${s}");`, path: 'client.cpp', secret: s },
    { code: `QString password = QStringLiteral("${s}");`, path: 'login.cpp', secret: s },
    { code: `SECRET_KEY = b"${s}"`, path: 'settings.py', secret: s },
    { code: `api_token = r'${s}'`, path: 'client.py', secret: s },
    { code: `API_KEY=\${API_KEY:-${s}}`, path: 'run.sh', secret: s },
    { code: `export DB_PASSWORD="\${DB_PASSWORD:-${s}}"`, path: 'run.sh', secret: s },
    { code: `services:\n  app:\n    environment:\n      - API_TOKEN=\${API_TOKEN:-${s}}`, path: 'docker-compose.yml', secret: s, line: 4 },
    { code: `    environment:\n      SECRET_KEY: \${SECRET_KEY:-${s}}`, path: 'compose.yaml', secret: s, line: 2, count: 1 },
    { code: `jwt.secret=\${JWT_SECRET:${s}}`, path: 'application.properties', secret: s },
    { code: `@Value("\${jwt.secret:${s}}")\nprivate String secret;`, path: 'src/main/java/Auth.java', secret: s },
    { code: `@secret_key "${s}"`, path: 'lib/auth.ex', secret: s },
    { code: `public string ApiKey { get; set; } = "${s}";`, path: 'Options.cs', secret: s },
    { code: `public static string ClientSecret { get; init; } = @"${s}";`, path: 'Options.cs', secret: s },
  ],
});

// A Markdown table row: a credential's name, then its value.
ruleTester(rule, {
  valid: [
    { code: '| api_key | string | The API key |', path: 'docs/config.md' },
    { code: '| `token` | `${GITHUB_TOKEN}` |', path: 'README.md' },
    { code: '| password | The password of the admin user |', path: 'README.md' },
    { code: '| Client Secret | <your client secret> |', path: 'docs/setup.md' },
    { code: `| sha256 | ${hex} |`, path: 'CHECKSUMS.md' },
  ],
  invalid: [
    { code: `| Name | Value |\n| --- | --- |\n| password | ${s} |`, path: 'docs/staging.md', secret: s, line: 3 },
    { code: `| \`API_TOKEN\` | \`${s}\` |`, path: 'README.md', secret: s },
    { code: `| **Client Secret** | ${s} |`, path: 'docs/setup.md', secret: s },
  ],
});

// Python's triple-quoted strings on one line, Windows' `setx`, fish's `set -x`, and R's `<-` in a guide.
ruleTester(rule, {
  valid: [
    { code: 'API_TOKEN_HELP = """The token from your dashboard"""', path: 'settings.py' },
    { code: "api_token = ''''''", path: 'settings.py' },
    { code: 'setx API_TOKEN "%API_TOKEN%"', path: 'setup.bat' },
    { code: 'setx PATH "%PATH%;C:\\tools"', path: 'setup.bat' },
    { code: 'api_key <- Sys.getenv("API_KEY")', path: 'README.md' },
    { code: 'set -gx GITHUB_TOKEN (gh auth token)', path: '.config/fish/config.fish' },
    { code: 'set -gx OPENAI_API_KEY $OPENAI_KEY', path: 'config.fish' },
    { code: 'set -l token_name build_token', path: 'functions/deploy.fish' },
  ],
  invalid: [
    { code: `API_TOKEN = """${s}"""`, path: 'settings.py', secret: s },
    { code: `secret_key = '''${s}'''`, path: 'settings.py', secret: s },
    { code: `setx API_TOKEN ${s}`, path: 'setup.bat', secret: s },
    { code: `SETX CLIENT_SECRET "${s}" /M`, path: 'docs/windows.md', secret: s },
    { code: `api_key <- "${s}"`, path: 'README.md', secret: s },
    { code: `set -gx OPENAI_API_KEY ${s}`, path: '.config/fish/config.fish', secret: s },
    { code: `if status is-interactive\n    set --export --global API_TOKEN "${s}"\nend`, path: 'config.fish', secret: s, line: 2 },
    { code: `set -Ux GH_TOKEN ${s}`, path: 'docs/shell.md', secret: s },
  ],
});

// Keys without a prefix, known only by the service's name next to them (what keyword-proximity detectors
// find): a one-case random value under a bare `<service>_key`, and the service's name before the
// credential word in prose and logs. Hex under a bare `<word>_key` stays out (a digest as often as a key).
const lower = rand(40, LOWER_ALNUM, 'svc-lower');
const upper = rand(32, UPPER_ALNUM, 'svc-upper');
const midEntropy = rand(26, LOWER_ALNUM, 'svc-mid5');
const hyphenated = `${rand(4, LOWER_ALNUM, 'hy1')}-${rand(4, LOWER_ALNUM, 'hy2')}-${rand(26, LOWER_ALNUM, 'hy3')}`;
const underscored = `${rand(14, LOWER_ALNUM, 'us1')}_${rand(30, LOWER_ALNUM, 'us2')}_${rand(3, LOWER_ALNUM, 'us3')}`;
const longLetters = rand(51, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', 'letters51');
const uuidShaped = [8, 4, 4, 4, 12].map((n, i) => rand(n, LOWER_ALNUM, `uu${i}`)).join('-');
const grouped = [rand(7, UPPER_ALNUM, 'g1'), rand(7, UPPER_ALNUM, 'g2'), rand(7, UPPER_ALNUM, 'g3'), rand(7, UPPER_ALNUM, 'g4')].join('-');
ruleTester(rule, {
  valid: [
    // A data key's, whatever its value.
    { code: `{"cache_key": "${lower}"}`, path: 'fixtures/cache.json' },
    { code: `{"partition_key": "${upper}"}`, path: 'table.json' },
    // A URL's `key` parameter holding a path, a digest (a cache key), or a bare `key=` outside a URL.
    { code: 'fetch("https://cdn.example.org/object?key=uploads/2024/report.pdf")', path: 'app.js' },
    { code: `const img = "https://cdn.example.org/a.png?key=${rand(32, HEX, 'cachekey')}";`, path: 'app.js' },
    { code: `params = "?key=${lower}"`, path: 'app.py' },
    // A query parameter on a local or documentation host: a sample in a guide.
    { code: `Then open \`http://localhost:8080/i/?c=user&a=validateEmail&username=alice&token=${rand(40, HEX, 'fr-tok')}\``, path: 'docs/email.md' },
    { code: `curl "https://api.example.com/v1/items?key=${lower}"`, path: 'README.md' },
    { code: `KEY=${lower}`, path: 'notes.txt' },
    // Doctrine's generated index and constraint names, a PHP class map, a Django form's CSRF field, a
    // malformed-token test's header cut short.
    {
      code: `$table->renameIndex('oauth2_access_tokens', '${cat('IDX_', rand(16, HEX, 'dix').toUpperCase())}', '${cat('UNIQ_', rand(16, HEX, 'dux').toUpperCase())}');`,
      path: 'migrations/Version20240310150000.php',
    },
    { code: cat('  "Leantime\\\\Domain\\\\auth\\\\resetPw": ', '"Leantime\\\\Domain\\\\Auth\\\\Controllers\\\\ResetPwView",'), path: 'classmap.json' },
    { code: `<input type="hidden" name="csrfmiddlewaretoken" value="${rand(64, undefined, 'csrf')}">`, path: 'tests/test_forms.py' },
    { code: `        csrfmiddlewaretoken = '${rand(64, undefined, 'csrf2')}'`, path: 'tests/test_forms.py' },
    { code: `token = "${cat('eyJhbGciOiJIUzI1', 'NiIsInR5c')}"`, path: 'spec/services/authorization_control_spec.rb' },
    { code: `      apiKey: '${rand(32, HEX, 'vpds')}',`, path: 'docs/.vitepress/config.mts' },
    // Public by design or not a value: Rollbar's and Segment's browser snippets, a framed or self-describing
    // placeholder, a route, a Debian package version, a hash setting, a password's character set.
    { code: `  var _rollbarConfig = { accessToken: "${rand(32, HEX, 'rbc')}", captureUncaught: true };`, path: 'layouts/rollbar.html' },
    { code: `    analytics._writeKey="${rand(32, undefined, 'segw')}";`, path: 'layouts/partials/segment.html' },
    { code: `mysql_root_password: "-----====>${cat('SetR00t', 'Pa$$wordH3r3!!!')}<====-----"`, path: 'defaults/main.yml' },
    { code: `aws_secret: ${cat('AWSSECRET', rand(20, undefined, 'awss'))}`, path: 'pillar.example' },
    { code: '{ "listeners": { "*:8080": { "pass": "routes/main" } } }', path: 'docker/nginx-unit.json' },
    { code: "  'auth_kerb' => 'www/mod_auth_kerb2',", path: 'manifests/params.pp' },
    { code: '- "passwd: 1:4.1.4.2+svn3283-3ubuntu5.1"', path: 'jekyll/_data/versions.yml' },
    { code: 'auth_verbose_passwords = sha1:6', path: 'target/dovecot/10-logging.conf' },
    { code: "nginx__password_characters: 'ascii_letters,digits,.-_~&()*+,;=:@'", path: 'defaults/main.yml' },
    { code: 'DOVECOT_PASS_ATTRS=sAMAccountName=user,userPassword=password', path: 'docs/ldap.md' },
    { code: "      pass_opt: 'MDActivationDelay',", path: 'spec/classes/mod/md_spec.rb' },
    // A cache-key prefix, an elided example JWT, a Jupyter password hash, an optional-chained member, a JNI
    // signature, a storage key's name, a QQ group's published invitation, a salted digest one digit short.
    { code: '    public static final String PREFIX_USER_TOKEN_PC = "prefix_user_token:single_login:pc:";', path: 'CommonConstant.java' },
    { code: `            "token": ".${cat('eyJleHAiOjE1OTAyOTU5NTAsImlkZW50aXR5IjoxfQ', '.kx2J2kv9XmA4bFv-zvzHvbg0A')}",`, path: 'common/middleware/handler/auth.go' },
    { code: `# c.NotebookApp.password = u"${cat('sha1:', rand(12, HEX, 'jsalt'), ':', rand(40, HEX, 'jdig'))}"`, path: 'docker/Dockerfile' },
    { code: 'server.password = updatedServer.clientSSL?.password', path: 'Database.swift' },
    { code: 'invokeJavaMethod(rt, VoidKind, "createUserWithEmailAndPassword", "(Ljava/lang/String;Ljava/lang/String;Lcom/facebook/react/bridge/Promise;)V", args);', path: 'gen.cpp' },
    { code: "export const PreviousLocationStorageKey = '@react-admin/nextPathname';", path: 'useHandleAuthCallback.ts' },
    { code: `[QQ](https://qm.qq.com/cgi-bin/qm/qr?_wv=1027&k=${rand(32, undefined, 'qqk')}&authKey=${rand(64, undefined, 'qqa')}&group_code=1)`, path: 'README.md' },
    { code: `  <users user_id="502" username="butch" password="${rand(39, HEX, 'omrs')}" salt="${rand(40, HEX, 'omrs-salt')}" />`, path: 'standardTestDataset.xml' },
    // A person's words (test users' passwords): generic-password's to grade, not a generated secret.
    { code: `    const password = "${cat('Totally', 'Different1!')}";`, path: 'signup.integration.test.ts' },
    { code: `  password: "${cat('P4ssw0rd', '-breached')}",`, path: 'hibp.integration.test.ts' },
    // Translation catalogues.
    { code: '  "E2EE_password": "E2EE-salasana",', path: 'app/i18n/locales/fi.json' },
    { code: `install.simple.passwd=${cat('Contrase', '\\u00f1a')}`, path: 'api/src/main/resources/messages_es.properties' },
    // Hex under a lower-case `<word>_key` assigned or compared in code: a row's id as often as a key.
    { code: `$cg->gateway_key = '${rand(32, HEX, 'gw-hex')}';`, path: 'database/seeders/GatewaySeeder.php' },
    { code: `CompanyGateway::query()->where('gateway_key', '${rand(32, HEX, 'gw-hex2')}')->get();`, path: 'app/Models/Client.php' },
    { code: `if ($obj['gateway_key'] == '${rand(32, HEX, 'gw-hex3')}') {`, path: 'app/Jobs/Import.php' },
    // Words with a number, a date, digits: not random beyond doubt under a bare `<word>_key`.
    { code: '{"theme_key": "mytheme-dark-2024-v2-variant-blue"}', path: 'settings.json' },
    { code: '{"build_key": "release20240101build000000017"}', path: 'settings.json' },
    { code: '{"device_key": "20240101000000000000000000"}', path: 'settings.json' },
    { code: '{"weather_key": "abcdefghijklmnopqrstuvwxyz0123"}', path: 'settings.json' },
    { code: 'old_key: HTTP2_TLS13_AES256_GCM_SHA384_X25519', path: 'settings.yml' },
    { code: '{"runtime_key": "node-18-20-4-bullseye-slim-amd64"}', path: 'settings.json' },
    // Placeholders and references.
    { code: '{"zendesk_key": "your_zendesk_key_here"}', path: 'settings.json' },
    { code: `{"zendesk_key": "${'x'.repeat(32)}"}`, path: 'settings.json' },
    { code: '"mixpanel_secret": "${MIXPANEL_SECRET}"', path: 'settings.json' },
    // Prose: a name that is not a credential's, a public key, a placeholder, a digest under a bare key.
    { code: `Public key: ${lower}`, path: 'README.md' },
    { code: `Sort key: ${lower}`, path: 'docs/table.md' },
    { code: 'GPG key: 4AEE18F83AFDEB23', path: 'README.md' },
    { code: `Abuseipdb key: ${rand(32, HEX, 'svc-hex2')}`, path: 'NOTES.txt' },
    { code: 'Mixpanel secret: <your project secret>', path: 'README.md' },
    { code: 'Mixpanel secret: YOUR_MIXPANEL_SECRET', path: 'README.md' },
    { code: `Default password: ${s}`, path: 'README.md' },
    { code: `The key: ${lower}`, path: 'README.md' },
    // Django's mark of an account without a usable password, in an `auth.user` fixture.
    { code: `[{"model": "auth.user", "pk": 1, "fields": {"password": "!${rand(40, undefined, 'dj-unusable')}", "username": "ada"}}]`, path: 'fixtures/auth_users.json' },
    // Public keys as base64 DER (Google Play's licensing key, an EC key an app pins): published with the app.
    {
      code: `private const val GOOGLE_PLAY_SECURITY_KEY = ${(
        generateKeyPairSync('rsa', { modulusLength: 2048 })
          .publicKey.export({ type: 'spki', format: 'der' })
          .toString('base64')
          .match(/.{1,64}/g) ?? []
      )
        .map((piece) => `"${piece}"`)
        .join(' +\n  ')}`,
      path: 'app/src/main/java/Billing.kt',
    },
    { code: `SERVER_API_KEY = "${generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}"`, path: 'pinning.py' },
    // One string in both fields of an example client: a secret is never its own client's id.
    { code: `clientId: "${rand(24, undefined, 'same-id')}"\nclientSecret: "${rand(24, undefined, 'same-id')}"`, path: 'examples/api-resource-oauth2.yml' },
    // A phone number as a messaging API addresses it, in a call's positional arguments.
    { code: '>>> client = TwilioClient("AC...", "SK...", "secret", "whatsapp:+14155238886")', path: 'worker/twilio_client.py' },
    // Made for the browser: a Paddle.js client-side token, Cloudflare Web Analytics' beacon token.
    { code: `  client_token: 'live_${rand(27, HEX, 'paddle-ctkn')}',`, path: 'src/__tests__/mocks/client-token-created.mock.ts' },
    { code: `<script defer src="https://static.cloudflareinsights.com/beacon.min.js" data-cf-beacon='{"token": "${rand(32, HEX, 'cf-beacon')}"}'></script>`, path: 'docs/index.html' },
    // A value read from a file (`@/path`), and code glued to a split string.
    { code: '        "--provisioningDbPass", "@/home/hadoop/.ttd/dmp_export/app_params/PROD_DB_PASS",', path: 'dags/dmp_export.py' },
    { code: '  api = "/config?"+"ssid="+document.getElementById("ssid").value+"&pwd="+document.getElementById("password").value;', path: 'main/softAP.cpp' },
    // What the fields around it say: a Hive partition in a path, a Web Push subscription's auth beside its p256dh,
    // a password hash beside its salt and iterations.
    { code: 'data_name="audience/RSM/Seed_Relevance/AggKey=TargetingDataIdExcludedSensitive/v=1/Top10KPerSeed",', path: 'dags/import_task.py' },
    {
      code: `sub := webpush.Subscription{\n\tEndpoint: "https://fcm.googleapis.com/fcm/send/abc",\n\tKeys: webpush.Keys{\n\t\tAuth:   "${rand(22, B64URL, 'wp-auth')}",\n\t\tP256dh: "${rand(87, B64URL, 'wp-p256')}",\n\t},\n}`,
      path: 'service/webpush/webpush_test.go',
    },
    {
      code: `{"clients": [{"username": "admin", "password": "${rand(86, B64, 'dynsec')}==", "salt": "${rand(16, B64, 'dynsec-salt')}", "iterations": 101}]}`,
      path: 'test/broker/dynamic-security-init.json',
    },
    // A user record's salted hash beside its salt (a database export), salt and digest in hex joined by a dot,
    // Qt's serialised PBKDF2 pair.
    {
      code: `<field name="salt">${rand(31, LOWER_ALNUM, 'pk-salt')}</field>\n<field name="password">${rand(86, B64, 'pk-hash')}==</field>`,
      path: 'tests/assets/partkeepr_import_test.xml',
    },
    { code: `  {\n    username: 'matteo',\n    password:\n      '${rand(32, HEX, 'sd-salt')}.${rand(128, HEX, 'sd-hash')}',\n  },`, path: 'db/src/users.js' },
    { code: `defaultPass='"@ByteArray(${rand(22, B64, 'qt-salt')}==:${rand(86, B64, 'qt-hash')}==)"'`, path: 'scripts/update_config.sh' },
    // A password encrypted in the client with the server's RSA key (one 2048-bit block), in an API collection.
    { code: `"raw": "{\\"nickname\\": \\"demo\\", \\"oldPassword\\": \\"${rand(342, B64, 'rsa-block')}==\\"}"`, path: 'docs/backend.postman_collection.json' },
    // A reference with an empty default, and test markers written as phrases.
    { code: '    webhookSecret: "$PRODUCTION_SPOD_WEBHOOK_SECRET:"', path: 'backend/application-container.yaml' },
    { code: 'private static final String PRESENTED_SECRET = "COMPLETE_PRESENTED_SECRET_MARKER_9c1d";', path: 'src/test/java/SecretExposureIT.java' },
    { code: 'String secretBody = "lnbits-secret=x-api-key-abc123-super-secret";', path: 'src/test/java/LnbitsBackendTest.java' },
    // An S3-style pair's access key beside its secret from a store, a badge's token, a client token, public ids.
    { code: `settings:\n  access_key: ${rand(32, HEX, 's3-id')}\n  secret_key:\n    from_secret: s3_secret_key\n`, path: 'docs/usage/intro.md' },
    { code: `[![Build Status](https://app.bitrise.io/app/${rand(16, HEX, 'br')}/status.svg?token=${rand(22, B64URL, 'badge')})]`, path: 'README.md' },
    { code: `<string name="facebook_client_token">${rand(32, HEX, 'fbct')}</string>`, path: 'example/src/main/res/values/strings.xml' },
    { code: `const val DD_CLIENT_TOKEN_KEY = "pub${rand(32, HEX, 'ddpub')}"`, path: 'EnvConfig.kt' },
    { code: `{"card": {"token": "tok_sandbox_${rand(24, LOWER_ALNUM, 'tok')}"}}`, path: 'fixtures/payment_method.json' },
    // A Gigya site's public API key, in every page that loads its script.
    { code: `_API_KEY = "3_${rand(64, B64URL, 'gigya')}"`, path: 'src/plugins/tf1.py' },
    // Android Backup Service's key, which every app puts in its manifest.
    { code: `backupApiKey = "AEdPqrEAAAAI${rand(44, B64URL, 'abs')}"`, path: 'app/build.gradle' },
    // Validation rules under a password field, Symfony parameters, interpolated variables, a storage key, a route.
    { code: "'new_password' => 'required|regex:/[A-Z]/|regex:/[0-9]/|min:8|confirmed',", path: 'app/Http/Requests/ChangePasswordRequest.php' },
    { code: "    pass_phrase: '%env(resolve:JWT_PASSPHRASE)%'", path: 'config/packages/lexik_jwt_authentication.yaml' },
    { code: "    secret_key: '%kernel.project_dir%/%env(resolve:JWT_SECRET_KEY)%'", path: 'config/packages/lexik_jwt_authentication.yaml' },
    { code: 'my $state_token = "$STATE_DIR/$which/$what";', path: 'bin/rotate.pl' },
    { code: 'fake.store[runStepsKey("ai_tasks:Agent:default:cleaner-run-1002")] = "[]"', path: 'agents_test.go' },
    { code: '{"location": "v2", "pass": "nexus/repository/docker-registry/v2/"}', path: 'annotator_test.go' },
    // A name and a value in columns, without an operator: only a value random beyond doubt, in notes and logs.
    { code: 'API token   abcdefghijklmnopqrstuvwxyz123456', path: 'notes.txt' },
    { code: 'password   SuperSecretPassword2024', path: 'notes.txt' },
    { code: 'Use the secret key   SomeValueThatIsAWordyPhrase', path: 'README.md' },
    { code: `api key ${s} and more words`, path: 'notes.txt' },
    { code: `secret key ${s}`, path: 'src/app.ts' },
    { code: `sort key ${s}`, path: 'notes.txt' },
    { code: `Public key ${rand(32, HEX, 'col-hex4')}`, path: 'notes.txt' },
    { code: `cache key ${rand(32, HEX, 'col-hex5')}`, path: 'notes.txt' },
    { code: `token   ${s}, then`, path: 'notes.txt' },
    // Not in a document: code has its own forms.
    { code: `clearbit secret: ${s}`, path: 'src/app.ts' },
    // Words and versions joined by hyphens: a name, not a key.
    { code: '{"docker_key": "node-18-bullseye-slim-amd64x9z3"}', path: 'settings.json' },
    { code: '{"release_key": "release-2024-candidate-build-x8k2"}', path: 'settings.json' },
    { code: '{"backup_key": "user_2fa_backup_codes_v2_prod1"}', path: 'settings.json' },
    { code: '{"bean_key": "AbstractSingletonProxyFactoryBeanHelper"}', path: 'settings.json' },
    { code: '{"node_key": "ip-10-0-1-23.ec2.internal"}', path: 'settings.json' },
  ],
  invalid: [
    // The secret of an S3-style pair is a secret, whatever its neighbours.
    { code: `access_key: ${rand(20, UPPER_ALNUM, 's3-ak')}\nsecret_key: ${rand(40, B64, 's3-sk')}\n`, path: 'config.yml', secret: rand(40, B64, 's3-sk'), line: 2, count: 1 },
    // Beside a salt, a value that is no digest's size is still the password (a service's config, its salt for another use).
    {
      code: `<field name="salt">${rand(31, LOWER_ALNUM, 'pk-salt')}</field>\n<field name="password">${rand(30, B64URL, 'pk-pass')}</field>`,
      path: 'config/service.xml',
      secret: rand(30, B64URL, 'pk-pass'),
    },
    { code: `{"abuseipdb_key": "${lower}"}`, path: 'settings.json', secret: lower },
    // A URL's `key` parameter: how most keyed web APIs take their key.
    { code: `url := "https://api.weatherdesk.io/v1/users?key=${lower}&limit=10"`, path: 'client.go', secret: lower },
    { code: `<a href="https://maps.geoportal.net/embed?q=here&amp;key=${upper}">map</a>`, path: 'docs/map.html', secret: upper },
    // Random, at an entropy under 4 bits as half of all random 26-character values are.
    { code: `{"scrapeowl_key": "${midEntropy}"}`, path: 'settings.json', secret: midEntropy },
    // Base32 with its padding (a TOTP seed): `=` runs are not a frame.
    { code: `testBASE32TOTPSecret = "${rand(56, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 'b32')}===="`, path: 'internal/handlers/const_test.go', count: 1 },
    // Hex under a configuration key named after a service (settings carry keys, not digests).
    { code: `{"abuseipdb_key": "${rand(32, HEX, 'svc-hex')}"}`, path: 'settings.json', count: 1 },
    { code: `  etherscanKey: '${rand(34, HEX, 'svc-hex3')}',`, path: 'hardhat.config.js', count: 1 },
    { code: `thinkific:\n  thinkific_key: ${rand(40, HEX, 'svc-hex4')}\n`, path: 'config.yml', count: 1 },
    { code: `WEATHERSTACK_KEY=${lower}`, path: '.env', secret: lower },
    { code: `  "verimail_key": "${upper}",`, path: 'config/services.json', secret: upper },
    { code: `const mailmodoKey = "${grouped}";`, path: 'client.js', secret: grouped },
    // Hyphens from the key's own alphabet, and a UUID's layout over more than hex digits.
    { code: `{"apptivo_key": "${hyphenated}"}`, path: 'settings.json', secret: hyphenated },
    { code: `{"bugsnag_key": "${uuidShaped}"}`, path: 'settings.json', secret: uuidShaped },
    { code: `{"commercejs_key": "${underscored}"}`, path: 'settings.json', secret: underscored },
    { code: `{"flowflu_key": "${longLetters}"}`, path: 'settings.json', secret: longLetters },
    { code: `Mixpanel secret: ${s}`, path: 'notes.txt', secret: s },
    // Duo's integration secret key beside its public integration key.
    {
      code: `[duo]\nikey = DI${rand(18, UPPER_ALNUM, 'duo-ikey')}\nskey = ${rand(40, undefined, 'duo-skey')}\nhost = api-3f9a2c1b.duosecurity.com\n`,
      path: '/etc/duo/pam_duo.conf',
      secret: rand(40, undefined, 'duo-skey'),
    },
    // A client's secret beside its own (different) id is reported.
    { code: `clientId: "${rand(24, undefined, 'other-id')}"\nclientSecret: "${s}"`, path: 'examples/api-resource-oauth2.yml', secret: s },
    // Columns of a name and its value, no operator (a copied dashboard, notes, a log).
    { code: `Secret Access Key   ${b64.slice(0, 40)}`, path: 'notes.txt', secret: b64.slice(0, 40) },
    { code: `CLARIFAI_SECRET ${s}`, path: 'credentials.txt', secret: s },
    { code: `clockify secret ${lower}`, path: 'README.md', secret: lower },
    { code: `  access token  "${upper}"`, path: 'docs/setup.md', secret: upper },
    { code: `mailgun api key ${s}\n`, path: 'server.log', secret: s },
    // Hex under a column's credential name, as under a service's setting.
    { code: `newsapi KEY ${rand(32, HEX, 'col-hex2')}`, path: 'notes.txt', count: 1 },
    { code: `Client Secret   ${rand(40, HEX, 'col-hex3')}`, path: 'README.md', count: 1 },
    { code: `Secret Access Key   ${rand(40, HEX, 'col-hex')}`, path: 'notes.txt', count: 1 },
    { code: `abuseipdb api key = ${lower}`, path: 'README.md', secret: lower },
    { code: `Clearbit key: \`${lower}\``, path: 'docs/setup.md', secret: lower },
    { code: `| Clearbit Key | ${upper} |`, path: 'docs/setup.md', secret: upper },
    { code: `2024-05-01T12:00:00Z INFO onfleet token: ${b64}`, path: 'logs/app.log', secret: b64 },
  ],
});

// Hadoop-style configuration XML: the property's `<name>` names the `<value>` beside or under it.
const s3secret = rand(40, B64, 'hadoop');
ruleTester(rule, {
  valid: [
    { code: '<property>\n  <name>fs.s3a.secret.key</name>\n  <value>${env.AWS_SECRET_ACCESS_KEY}</value>\n</property>\n', path: 'core-site.xml' },
    { code: '<property>\n  <name>fs.s3a.secret.key.provider</name>\n  <value>org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider</value>\n</property>\n', path: 'core-site.xml' },
    // FileZilla's `encoding="crypt"`: encrypted to a master password, not in the file.
    { code: `<Server>\n  <Pass encoding="crypt" pubkey="${rand(60, B64, 'fzpk')}">${rand(60, B64, 'fzct')}</Pass>\n</Server>\n`, path: 'sitemanager.xml' },
  ],
  invalid: [
    {
      name: 'a property over three lines',
      code: `<configuration>\n  <property>\n    <name>fs.s3a.secret.key</name>\n    <value>${s3secret}</value>\n  </property>\n</configuration>\n`,
      path: 'etc/hadoop/core-site.xml',
      secret: s3secret,
      line: 4,
    },
    { name: 'a property on one line', code: `<property><name>fs.azure.account.key.acme.blob.core.windows.net</name><value>${s3secret}</value></property>\n`, path: 'core-site.xml', secret: s3secret },
    { name: "Hive's metastore password", code: `  <property>\n    <name>javax.jdo.option.ConnectionPassword</name>\n    <value>${s}</value>\n  </property>\n`, path: 'conf/hive-site.xml', secret: s },
  ],
});

describe('secrets/generic-secret: the random value of the loose-name case', () => {
  it('is under the 4 bits a fixed threshold asked for', () => {
    expect(shannonEntropy(midEntropy)).toBeLessThan(4);
  });
});

describe('secrets/generic-secret: statement forms by file name', () => {
  it('reads CMakeLists.txt as CMake, whichever .txt file came first (the forms are cached by extension)', () => {
    const token = rand(32, undefined, 'cmake-order');
    runRule(rule, { code: `set(API_TOKEN "${token}")`, path: 'docs/notes.txt' });
    expect(runRule(rule, { code: `set(API_TOKEN "${token}")`, path: 'CMakeLists.txt' })).toHaveLength(1);
    expect(statementsFor('CMakeLists.txt').length).toBeGreaterThan(statementsFor('docs/notes.txt').length);
    expect(statementsFor('src/app.app.src').length).toBeGreaterThan(statementsFor('src/app.src').length);
  });
});

// Shapes read since session 16: a padded literal, a JWT look-alike, random mixed-case letters, a literal
// wrapped onto the next line, a log line's `<service> KEY=`, a name and a literal with no operator.
const letters = rand(22, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', 'mixed3');
const b64url = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
const lookalike = `${cat('ey', 'J')}${rand(50, B64, 'jl1').replace(/[+/]/g, 'x')}.${cat('ey', 'J')}${rand(80, LOWER_ALNUM, 'jl2')}.${rand(43, LOWER_ALNUM, 'jl3')}`;
const realJwt = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: 'svc-deploy', iat: 1767225600 })}.${rand(43, LOWER_ALNUM, 'jwtsig')}`;
const lowerKey = rand(32, LOWER_ALNUM, 'adobe');

ruleTester(rule, {
  valid: [
    // Camel-case names of short words and acronyms are not random letters.
    'token = "getUserNameByIdAndKey"',
    'token = "HTTPSProxyURLConfigXML"',
    'token = "kCFStreamPropertySSLSettings"',
    // A real JWT is the jwt rule's; a cut one (short segments) is a test of malformed input.
    { code: `token = "${realJwt}"`, path: 'auth.py' },
    { code: `token = "${cat('eyJhbGciOiJIUzI1NiJ9', '.invalid.signature')}"`, path: 'auth_test.py' },
    // A documentation page's token with characters changed so that it no longer parses (Redis's REST docs).
    {
      code: `    "access_token": "${cat('eyJ5bGciOiKIUzI1NiIsInR5cCI6IkpXVCJ9', '.eyJpYXViOjE0NjU0NzU0ODYsInVpZFI1IjEiLCJleHAiOjE0NjU0Nz30OTZ9.', rand(43, LOWER_ALNUM, 'rsig'))}"`,
      path: 'refresh_jwt.md',
    },
    // A single-quoted text in a language where `'…'` is one character: no string a compiler takes.
    { code: `api_key = '${s}';`, path: 'src/keys.c' },
    { code: `private const string ApiKey = '${s}';`, path: 'Keys.cs' },
    // An API description's example response; a kickstart flag; ciphertext whose key lives elsewhere.
    {
      code: `openapi: 3.0.0\npaths:\n  /token:\n    post:\n      responses:\n        '200':\n          content:\n            application/json:\n              example:\n                token: ${s}\n`,
      path: 'api/openapi.yaml',
    },
    { code: 'rootpw --lock --iscrypted', path: 'kickstart.ks' },
    { code: `password: __encrypt__${rand(24, B64, 'nm1')}==:${rand(44, B64, 'nm2')}`, path: 'tests/unit/netmiko.yml' },
    { code: `db.password=ENC(${rand(44, B64, 'jasypt')})`, path: 'application.properties' },
    { code: `  "secret_key_base": "EJ[1:${rand(44, B64, 'ej-pub')}:${rand(32, B64, 'ej-nonce')}:${rand(120, B64, 'ej-ct')}]",`, path: 'config/deploy/production/secrets.ejson' },
    // C designated initialisers: the code that provides the key, named after its field.
    { code: '    .set_encryption_key = s2n_aead_cipher_aes128_gcm_set_encryption_key,', path: 'crypto/s2n_aead.c' },
    // Names that say secret but hold none: a TLS key schedule's, an AWS idempotency token, a WebSocket nonce.
    { code: `#define CLIENT_TRAFFIC_SECRET "${hex}"`, path: 'tests/unit/tls13_test.c' },
    { code: `  "ClientToken": "${uuid}_subnet-b26c24fa_1",`, path: 'aws_configs/Reservations.json' },
    { code: `req.headers[.secWebSocketKey] = "${b64}"`, path: 'Tests/RouteTests.swift' },
    // A tool cache's file names (`.phplint-cache`: path → md5), Twilio resource SIDs and credential-list names.
    {
      code: `{"\\/src\\/rest\\/sip-in\\/get-credential\\/get-credential.7.x.php":"${rand(32, HEX, 'phplint')}","\\/src\\/rest\\/keys\\/auth-token.5.x.php":"${rand(32, HEX, 'phplint2')}"}`,
      path: '.phplint-cache',
    },
    { code: `@cred_list_sid = 'CL${rand(32, HEX, 'twilio-cl')}'`, path: 'rest/sip-in/get-credential/get-credential.7.x.rb' },
    { code: `    .credentials("SC${rand(32, HEX, 'twilio-sc')}") \\`, path: 'rest/sip-in/update-credential/update-credential.9.x.py' },
    { code: `TWILIO_API_KEY_SID = "SK${rand(32, HEX, 'twilio-sk')}"`, path: 'settings.py' },
    // Cloud Build's KMS-encrypted secrets: ciphertext only the named key decrypts.
    {
      code: `secrets:\n  - kmsKeyName: 'projects/$PROJECT_ID/locations/global/keyRings/cloud-build/cryptoKeys/pypi-password'\n    secretEnv:\n      PYPI_PASSWORD: '${rand(264, B64, 'kms')}'\n`,
      path: 'examples/kms-cloudbuild.yaml',
    },
    // DocSearch's options, wherever a site keeps them: Algolia's search-only key.
    {
      code: `    window.docsearch({\n      apiKey: '${rand(32, HEX, 'docsearch')}',\n      indexName: 'sendgrid_hc',\n      inputSelector: '.search-query',\n    });`,
      path: 'src/components/Search/index.jsx',
    },
    // A sentence typed as a stand-in: words joined by separators.
    { code: '  clusterAgentToken: my-custom-cluster-agent-token-32chars', path: 'test/baseline/global-settings-dda.yaml' },
    { code: "SECRET_KEY = 'this_needs_to_be_the_same_always_and_also_very_$3cuR3-._'", path: 'docs/logical_backup.md' },
    // Square's optimistic-concurrency version, PayPal's checkout id, the SHA-256 of nothing.
    { code: `      version_token: '${rand(43, B64URL, 'square-version')}',`, path: 'reference.md' },
    { code: `    const CREATE_PAYMENT_APPROVAL_TOKEN = 'EC-${rand(17, UPPER_ALNUM, 'paypal-ec')}';`, path: 'tests/Mock/PayPal/CreateResponseFixture.php' },
    { code: "    private const HMAC_KEY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';", path: 'Test/Unit/TokenWebhookAcceptorTest.php' },
    // A code-signing identity named by its certificate's fingerprint.
    { code: `APPLICATION_KEY_IDENT="${rand(40, HEX, 'ident').toUpperCase()}"`, path: 'install/macos_packages/build_and_notarize.sh' },
    // On a page that names react-admin: "admin" alone is not an admin key.
    {
      code: `<script>\n  docsearch({\n    apiKey: '${rand(32, HEX, 'docsearch-ra')}',\n    indexName: 'react-admin',\n    inputSelector: '#search',\n  });\n</script>`,
      path: 'docs/_layouts/default.html',
    },
    // An agent's id (crewAI's md5 of its role and goal) under a bare `agent_key`.
    { code: `    "agent_key": "${rand(32, HEX, 'agent-key')}",`, path: 'tests/cassettes/test_crew.yaml' },
    // A certificate's thumbprint and subject, typed as such (IdentityServer's mTLS client secrets).
    {
      code: `new Secret("${rand(40, HEX, 'thumb').toUpperCase()}", "mtls.test")\n{\n    Type = IdentityServerConstants.SecretTypes.X509CertificateThumbprint\n},`,
      path: 'Configuration/ClientsConsole.cs',
    },
    { code: `new Secret(@"CN=identityserver_testing", "mtls.test")\n{\n    Type = SecretTypes.X509CertificateName\n},`, path: 'Validation/Setup/ClientValidationTestClients.cs' },
    { code: `  certificate_thumbprint = "${rand(40, HEX, 'thumb2').toUpperCase()}"`, path: 'main.tf' },
    // Segment's write keys in its Gatsby plugin's options.
    {
      code: `    {\n      resolve: 'gatsby-plugin-segment-js',\n      options: {\n        prodKey: '${rand(32, undefined, 'seg-prod')}',\n        devKey: '${rand(32, undefined, 'seg-dev')}',\n        trackPage: true,\n      },\n    },`,
      path: 'gatsby-config.js',
    },
    // An app's id beside its secret: the secret is what is reported (ShenYu's and DingTalk's app key and secret).
    { code: `{\n  "appKey": "${rand(32, HEX, 'app-key').toUpperCase()}",\n  "appSecret": "\${APP_SECRET}"\n}`, path: 'src/http/app-auth-api.http' },
    // Keys made to ship to every browser: analytics ingestion, CAPTCHA site keys, a status badge's key.
    { code: `RUDDER_WRITE_KEY = "${rand(27, undefined, 'rudder')}"`, path: 'settings/common.py' },
    // rr26: a URL's userinfo parameter (RFC 5092's `;AUTH=`), arithmetic and member access in code, a Hadoop
    // property name, Transmission's stored hash, Solana's public addresses, client keys made for apps and
    // browsers, Anchor's program ids, a model reference, string concatenation, a built docs site's search key.
    { code: '$ mount_afp afp://simon;AUTH=DHX2:mypassword@delorean.local/time_travel /mnt/timetravel', path: 'components/afpfs-ng/README.md' },
    { code: '\tafp://user;AUTH=authType:password@server-name:port/volume-name/path ', path: 'lib/afp_url.c' },
    { code: cat('\tif (password) {\n\t\tpassword', '_ptr=msg+len-AFP_VOLPASS_LEN;\n'), path: 'lib/proto_volume.c' },
    { code: '      identityKey: localBootstrap2.identityKeys.curve25519,', path: 'integration_test/e2ee_frame_test.dart' },
    { code: '\tconst endpointKey = "HBASE_CONF_fs_s3a_bucket_sts__stackgraph__backup_endpoint"', path: 'test/backup_test.go' },
    { code: `    "rpc-password": "{${rand(40, HEX, 'transmission')}${rand(8, undefined, 'tsalt')}",`, path: '.config/transmission-daemon/settings.json' },
    { code: `audius_solana_claimable_token_pda=${rand(44, '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz', 'pda')}`, path: 'discovery-provider/prod.env' },
    { code: `const tokenMint = "${rand(44, '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz', 'mint')}";`, path: 'code/nfts.ts' },
    { code: `amplitudeAPIKey=${rand(32, HEX, 'amplitude')}`, path: 'identity-service/prod.env' },
    { code: `CODEPUSH_IOS_KEY=${rand(37, undefined, 'codepush')}`, path: '.env.production' },
    { code: `const clientKey = '${cat('test_ck_', rand(24, undefined, 'toss'))}';\nconst tossPayments = TossPayments(clientKey);`, path: 'README.md' },
    { code: `[programs.localnet]\ntransfer_tokens = "${rand(44, '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz', 'anchor')}"\n`, path: 'signer-solana-anchor/Anchor.toml' },
    { code: `contributors:!0,algolia:{apiKey:"${rand(32, HEX, 'vpdocs')}",indexName:"cookbook",appId:"QMKSKREFKN",algoliaOptions:{}}`, path: 'docs/.vuepress/dist/assets/app.07ce7a66.js' },
    { code: '    "ChatTogether": (ChatTogether, "TOGETHER_API_KEY", "meta-llama/Llama-3.3-70B-Instruct-Turbo"),', path: 'notebooks/routers.py' },
    { code: `const okFile = ('DATABASE_PASSWORD="'+document.getElementById('kvPass').value+'"') === 'DATABASE_PASSWORD="${cat('rotated', '-2026')}"';`, path: 'devops/vault_secrets.html' },
    // rr27: tokens that refer to a payment, a card, a page or a device; a computed signature; Google Tag
    // Manager's environment; Stripe's per-payment client secrets and Adyen's publishable token; a store's
    // order record; Pusher's channel authorisation; a secret finder's own pattern.
    { code: `  "paymentToken": "${rand(40, undefined, 'paytok')}",`, path: 'test/fixtures/checkout.json' },
    // Solana program ids, and a Google Sheets document's key.
    { code: `const TOKEN_PID = "${rand(44, '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz', 'spl')}";`, path: 'addons/sdk/constants.gd' },
    { code: `// https://spreadsheets.google.com/ccc?key=${rand(44, B64URL, 'sheet')}&hl=en`, path: 'src/items.js' },
    { code: `[![Bitrise](https://img.shields.io/bitrise/${rand(16, HEX, 'appslug')}?token=${rand(22, B64URL, 'bitrise-badge')})](https://app.bitrise.io)`, path: 'README.md' },
    // A Magento functional test's step name: words, two-letter ones among them.
    { code: '        <amOnPage url="{{AdminContactReportPage.url}}" stepKey="amOnDotdigitalContactReportPage1"/>', path: 'Test/Mftf/Test/NewCustomerAddedToReportTest.xml' },
    // Vault: a token's accessor, and a log line's path after the word token.
    { code: `token_accessor         ${rand(24, undefined, 'vault-accessor')}`, path: 'operations/onboarding/README.md' },
    { code: '2019-07-11T01:04:38.124Z [DEBUG] cache: using auto auth token: path=/v1/aws/creds/readonly', path: 'identity/vault-agent-caching/README.md' },
    // An unsigned JWT, percent-encoded in a link: the jwt rule's to judge.
    {
      code: `      // https://jwt.io/#debugger-io?token=${b64u({ alg: 'none', kid: 'fakekid' })}.${b64u({ uid: 'alice', email: 'alice@example.com', iat: 0, sub: 'alice' })}%3D.`,
      path: 'scripts/emulator-tests/functionsEmulator.spec.ts',
    },
    // A test's label for a token: short words and numbers behind a prefix.
    { code: '    assert set_turn_auth_block("wlo2.abc-def_123")', path: 'backend/tests/test_agent_tools.py' },
    // ACME's key authorization: published, hashed, in a DNS record.
    { code: `\t\t\tkeyAuth: "${rand(43, B64URL, 'acme-keyauth')}",`, path: 'providers/dns/bindman/bindman_test.go' },
    { code: `{"upload": {"token": "${rand(25, undefined, 'zd-upload')}", "expires_at": "2026-12-14T10:00:00Z", "attachments": []}}`, path: 'tests/betamax/upload.json' },
    { code: `  pagination: {\n    sort: 'timestamp:asc',\n    limit: 50,\n    token: '${rand(40, undefined, 'page-cursor')}',\n  },`, path: 'docs/Logs.md' },
    { code: `nextSyncUrl: "https://cdn.contentful.com/spaces/x/sync?sync_token=${rand(60, undefined, 'synctok')}"`, path: 'tests/fixtures/sync.yml' },
    { code: `    let deviceToken = "${rand(64, HEX, 'apns')}"`, path: 'Tests/PushTests.swift' },
    { code: `  "auth_signature": "${rand(64, HEX, 'pusher-sig')}",`, path: 'tests/auth.json' },
    { code: `    id: 'GTM-KHZP7S7Q',\n    auth: '${rand(22, B64URL, 'gtm')}',\n    preview: 'env-172'\n`, path: 'app/assets/javascripts/domain-config.js' },
    { code: `  "client_secret": "${cat('pi_', rand(24, undefined, 'pi'), '_secret_', rand(25, undefined, 'pisec'))}",`, path: 'test/cassettes/payment_intent.yml' },
    { code: `  "token": "${rand(32, HEX, 'shop-order')}",\n  "total_price": "10.00",\n  "cart_token": "${rand(32, HEX, 'shop-cart')}",`, path: 'test/fixtures/order.json' },
    { code: `            u'auth': u"foo:${rand(64, HEX, 'pusher-auth')}"`, path: 'pusher_tests/test_authentication_client.py' },
    { code: '    "Artifactory_Password": "(?:\\\\s|=|:|\\"|^)AP[\\\\dABCDEF][a-zA-Z0-9]{8,}",', path: 'pacu/core/secretfinder/regexs.json' },
    // An app's public identifier: Shopify's app API key is its OAuth client id; AppsFlyer's dev key ships in the app.
    { code: `    SHOPIFY_API_KEY: ${rand(32, HEX, 'shopkey')}`, path: 'heroku.yml' },
    { code: `  appsFlyerDevKey: '${rand(22, undefined, 'afdev')}',`, path: 'src/config/tracking.ts' },
    { code: `  REACT_APP_POSTHOG_TOKEN = '${rand(43, B64URL, 'posthog')}',`, path: 'assets/src/analytics.ts' },
    { code: `    'website_key' => env('RECAPTCHA_WEBSITE_KEY', '6LcJ${rand(36, B64URL, 'recaptcha')}'),`, path: 'config/recaptcha.php' },
    { code: `[![BrowserStack Status](https://www.browserstack.com/automate/badge.svg?badge_key=${rand(138, B64, 'badge')})](https://www.browserstack.com)`, path: 'README.md' },
    { code: `            'campaign' => ['name' => 'Test', '_token' => '${rand(43, B64URL, 'csrf')}'],`, path: 'Tests/Functional/CampaignTest.php' },
    { code: `    <input name="__RequestVerificationToken" value="${rand(60, B64URL, 'aspcsrf')}" />`, path: 'Views/Login.cshtml' },
    // A Zoom invitation's passcode is published with the link.
    { code: `Join: https://acme.zoom.us/j/85821738864?pwd=${s}`, path: 'blog/update.md' },
    // Brackets that pair up: a regular expression, a format string, an expression.
    'password_rule = "^(?=.*[A-Z])(?=.*[0-9])[A-Za-z0-9@$!%*?&]{8,64}$"',
    'api_key = "{tenant}-[{region}]-(key)#{n}"',
    // Minified code after a string that ends in a credential word.
    { code: 'throw new Error("Unrecognized Formula Token: "+String(y))}if(3!=i.biff&&v>=0&&-1==["PtgAttrSpace"].indexOf(t))', path: 'dist/table.min.js' },
    // A comparison or a call wrapped onto the next line is not an assignment.
    { code: `if (token ==\n  "${s}") {\n}`, path: 'check.js' },
    { code: `const token =\n  process.env.API_TOKEN ||\n  fallback;`, path: 'config.js' },
  ],
  invalid: [
    { name: 'a quoted value padded with blanks', code: `pandascore token = ' ${s} '`, path: 'notes.txt', secret: s },
    { name: 'random text shaped like a JWT', code: `monday token = '${lookalike}'`, path: 'notes.txt', secret: lookalike },
    { name: 'random letters of both cases', code: `proxycrawl token = '${letters}'`, path: 'notes.txt', secret: letters },
    { name: "prettier's wrap of a long literal", code: `const scrapingBeeApiKey =\n  "${s}"; // replace with yours\n`, path: 'scrape.js', secret: s, line: 2 },
    { name: 'a typed declaration wrapped', code: `const apiKey: string =\n  '${s}';\n`, path: 'client.ts', secret: s, line: 2 },
    { name: "a log line's service KEY=", code: `[DEBUG] Using adobe KEY=${lowerKey}`, path: 'app.log', secret: lowerKey },
    { name: 'a log line that prints a key', code: `[DEBUG] Using KEY=${lowerKey}`, path: 'app.log', secret: lowerKey },
    {
      name: 'symbols and brackets that pair with nothing',
      code: `apikey: "${cat('q{{w}e)r${', 't]yui(op[asdf>-_$#ghjkl}}')}"`,
      path: 'settings.py',
      secret: cat('q{{w}e)r${', 't]yui(op[asdf>-_$#ghjkl}}'),
    },
    { name: 'SQL inside a Java string', code: `stmt.execute("ALTER USER app IDENTIFIED BY '${s}'");`, path: 'Setup.java', secret: s },
    { name: 'an API description outside its examples', code: `openapi: 3.0.0\ncomponents:\n  securitySchemes:\n    demo:\n      api_key: ${s}\n`, path: 'api/openapi.yaml', secret: s },
    { name: "BIND's TSIG secret", code: `key "rndc-key" {\n  algorithm hmac-sha256;\n  secret "${b64}";\n};\n`, path: 'named.conf', secret: b64, line: 3 },
    { name: 'an unquoted YAML value with a `=` in it', code: `fastly_token: ${cat('tbo=', rand(30, undefined, 'fastly'))}\n`, path: 'secrets.yml', secret: cat('tbo=', rand(30, undefined, 'fastly')) },
    {
      name: "Nacos's server identity (a shared secret between servers, whatever the identity word says)",
      code: `nacos.core.auth.server.identity.key=${b64}\n`,
      path: 'application.properties',
      secret: b64,
    },
    {
      name: 'random groups joined by hyphens',
      code: `cluster_token: ${cat(rand(8, undefined, 'grp1'), '-', rand(8, undefined, 'grp2'), '-', rand(8, undefined, 'grp3'), '-', rand(8, undefined, 'grp4'))}`,
      path: 'values.yaml',
      secret: cat(rand(8, undefined, 'grp1'), '-', rand(8, undefined, 'grp2'), '-', rand(8, undefined, 'grp3'), '-', rand(8, undefined, 'grp4')),
    },
    {
      name: "Laravel's APP_KEY, an encryption key with no secret beside it",
      code: `APP_KEY=base64:${b64}\n`,
      path: '.env',
      secret: cat('base64:', b64),
    },
    { name: "a Chef resource's password", code: `user 'deploy' do\n  password "${s}"\nend\n`, path: 'recipes/default.rb', secret: s, line: 2 },
    { name: "WordPress's salts, known by name", code: `WORDPRESS_LOGGED_IN_SALT=${rand(40, HEX, 'wp-salt')}`, path: '.env.sample', secret: rand(40, HEX, 'wp-salt') },
    { name: "RabbitMQ's Erlang cookie", code: `RABBITMQ_ERLANG_COOKIE=${rand(32, HEX, 'erlang-cookie')}`, path: '.env.prod', secret: rand(32, HEX, 'erlang-cookie') },
    { name: 'random text with a two-letter word in it (no identifier)', code: `tefter token = '${cat('gnKLZ6PNGylp', 'RrrJjiWe')}'`, path: 'config.txt', secret: cat('gnKLZ6PNGylp', 'RrrJjiWe') },
    { name: 'a session token (a token that authenticates)', code: `  "session_token": "${s}",`, path: 'test/fixtures/login.json', secret: s },
    { name: "a coverage service's upload token", code: `CODECOV_UPLOAD_TOKEN=${s}`, path: '.env', secret: s },
    { name: 'a bare token in a record that is no order', code: `  "token": "${s}",\n  "expires_in": 3600,`, path: 'test/fixtures/oauth.json', secret: s },
    {
      name: "Toss Payments' secret key (its client key is public)",
      code: `const secretKey = '${cat('test_sk_', rand(24, undefined, 'toss-sk'))}';`,
      path: 'server.js',
      secret: cat('test_sk_', rand(24, undefined, 'toss-sk')),
    },
    { name: "Amplitude's secret key (its API key is public)", code: `AMPLITUDE_SECRET_KEY=${s}`, path: '.env', secret: s },
    { name: "a program keypair beside Anchor's program ids", code: `[programs.localnet]\nx = "1"\n\n[provider]\nwallet_secret = "${s}"\n`, path: 'Anchor.toml', secret: s, line: 5 },
    { name: "a Shopify app's secret beside its public API key", code: `SHOPIFY_API_KEY: ${lowerKey}\nSHOPIFY_API_SECRET: ${s}\n`, path: 'heroku.yml', secret: s, line: 2 },
  ],
});

describe('secrets/generic-secret: public keys under a key name', () => {
  const spki = (type: 'rsa' | 'ec' | 'ed25519', opts: object) => (generateKeyPairSync as (t: string, o: object) => { publicKey: KeyObject; privateKey: KeyObject })(type, opts);
  const der = (k: KeyObject, type: 'spki' | 'pkcs8') => k.export({ format: 'der', type }).toString('base64');
  it('a SubjectPublicKeyInfo in base64 is a public key, not a secret; the private key of the pair is reported', () => {
    for (const pair of [spki('rsa', { modulusLength: 512 }), spki('rsa', { modulusLength: 2048 }), spki('ec', { namedCurve: 'P-256' }), spki('ed25519', {})]) {
      expect(runRule(rule, { code: `encryptKey: ${der(pair.publicKey, 'spki')}`, path: 'src/test/CryptorTest.java' })).toEqual([]);
    }
    const ec = spki('ec', { namedCurve: 'P-256' });
    expect(runRule(rule, { code: `decryptKey: ${der(ec.privateKey, 'pkcs8')}`, path: 'src/test/CryptorTest.java' }).length).toBe(1);
  });
  it('a BIP32 extended public key is public', () => {
    const xpub = cat('xpub6D', rand(105, '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz', 'xpub'));
    expect(runRule(rule, { code: `  "signingKey": "${xpub}",`, path: 'TestData/vectors.json' })).toEqual([]);
  });
});

// A generated password of one letter case and digits (an app store's or installer's generator) is as random
// as a three-kind one; a person's two-kind password is words and a number, and stays generic-password's.
describe('secrets/generic-secret: generated two-kind passwords', () => {
  const gen = rand(20, LOWER_ALNUM, 'compose-pg');
  it('reports a generated lower-case-and-digits password', () => {
    expect(/\d.*\d.*\d/.test(gen)).toBe(true);
    const found = runRule(rule, { code: `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${gen}\n`, path: 'Apps/Docmost/docker-compose.yml' });
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('POSTGRES_PASSWORD');
  });
  it('leaves words and numbers to generic-password', () => {
    for (const v of ['mysecretpassword123', 'admin2024admin2024', 'password1234567890', 'welcome1welcome2welcome3'])
      expect(runRule(rule, { code: `POSTGRES_PASSWORD: ${v}\n`, path: 'docker-compose.yml' }), v).toEqual([]);
  });
});

describe('secrets/generic-secret: encoded data and public badge tokens', () => {
  const enc = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  it('leaves base64 of JSON alone, one segment or dotted, and keeps base64 of random bytes', () => {
    for (const v of [enc({ pay: 'load', sub: 'user-42' }), `${enc(['HS256'])}.${enc({})}`, `${enc({ alg: 'none' })}.${enc({ sub: 'x', iat: 1700000000 })}.`])
      expect(runRule(rule, { code: `encoded_token = "${v}"`, path: 'spec/jwt_spec.rb' }), v).toEqual([]);
    const random = Buffer.from(rand(32, undefined, 'raw-bytes'), 'latin1').toString('base64url');
    expect(runRule(rule, { code: `api_token = "${random}"`, path: 'config/app.rb' }).length).toBeGreaterThan(0);
  });
  it("drops a status badge's token in its image URL, not a token in another URL's query", () => {
    const t = rand(64, HEX, 'badge-token');
    expect(runRule(rule, { code: `[![GuardRails badge](https://api.guardrails.io/v2/badges/21183?token=${t})](https://dashboard.guardrails.io/gh/x)`, path: 'README.md' })).toEqual([]);
    expect(runRule(rule, { code: `![codecov](https://codecov.io/gh/acme/app/branch/main/graph/badge.svg?token=${rand(10, UPPER_ALNUM, 'cc')})`, path: 'README.md' })).toEqual([]);
    expect(runRule(rule, { code: `curl "https://api.acme-internal.net/v2/export?token=${t}"`, path: 'scripts/export.sh' }).length).toBeGreaterThan(0);
  });
});

describe('secrets/generic-secret: digests and keys that are not credentials', () => {
  it('leaves algorithm-named digests, merge keys and Web Push public keys alone', () => {
    const h64 = rand(64, HEX, 'rl-digest');
    const h32 = rand(32, HEX, 'merge-key');
    for (const [code, path] of [
      [`{"secret": "rl-sha256:${h64}"}`, 'unittests/scans/report.rl.json'],
      [`integrity_token: sha256:${h64}`, 'config.yml'],
      [`{"mergeKey": "${h32}", "checker": "NULL_RETURNS"}`, 'scans/coverity.json'],
      [
        `david:\n  endpoint: https://fcm.googleapis.com/fcm/send/123\n  p256dh_key: BIXcMgkdjhRnFZaYjjGvo00dydRQbCpQTuXFjLaCPSE7ofxi19awgGc3Doqa1RmYQqsbQDfQTifFZgc\n`,
        'test/fixtures/push/subscriptions.yml',
      ],
    ])
      expect(runRule(rule, { code: code!, path: path! }), code).toEqual([]);
    // A key beside it without the algorithm's name is still judged.
    expect(runRule(rule, { code: `{"secret": "${rand(40, undefined, 'plain-secret')}"}`, path: 'config.json' }).length).toBeGreaterThan(0);
  });
});

describe('secrets/generic-secret: base64 of JSON that carries a key', () => {
  it('stays a secret (a Ceph mirror bootstrap token)', () => {
    const token = Buffer.from(
      JSON.stringify({ fsid: 'c6b087f2-7a3e-4bd2-9a0e-0c3b7f1f2a11', client_id: 'rbd-mirror-peer', key: Buffer.from(rand(28, undefined, 'cephx')).toString('base64'), mon_host: '[v2:10.0.0.1:3300]' }),
    ).toString('base64');
    expect(runRule(rule, { code: `bootstrapPeerToken := \`${token}\``, path: 'pkg/mirror.go' }).length).toBeGreaterThan(0);
  });
});

describe('secrets/generic-secret: resource names, kinds and instructions', () => {
  it('leaves a KMS key resource name, a Kubernetes kind, login metadata and a leetspeak instruction alone', () => {
    for (const [code, path] of [
      ['  _KMS_KEY: "projects/cert-manager-release/locations/europe-west1/keyRings/release/cryptoKeys/signing-key/cryptoKeyVersions/1"', 'gcb/build.yaml'],
      ['\tpvcKey := "v1/PersistentVolumeClaim"', 'internal/volume/utils.go'],
      ['            - name: DP_CREDENTIAL_LOGIN_META2\n              value: component=dns-proxy', 'templates/deployment.yaml'],
      ['            - name: REGISTRY_HTTP_SECRET\n              value: "Ple4seCh4ngeThisN0tAVerySecretV4lue"', 'deploy/registry.yaml'],
    ])
      expect(runRule(rule, { code: code!, path: path! }), code).toEqual([]);
    expect(runRule(rule, { code: `            - name: REGISTRY_HTTP_SECRET\n              value: "${rand(32, undefined, 'reg-secret')}"`, path: 'deploy/registry.yaml' }).length).toBeGreaterThan(0);
  });
});

describe('secrets/generic-secret: stand-ins and references', () => {
  it("leaves a redacted value's stand-in and a reference to a secret by name alone", () => {
    for (const [code, path] of [
      [`export const REDACTED_CREDENTIAL_VALUE = '_FLOWISE_BLANK_07167752-1a71-43b1-bf8f-4f32252165db'`, 'packages/server/src/utils/constants.ts'],
      [`    "personal_access_token": "secret_reference::GITHUB_PERSONAL_ACCESS_TOKEN",`, 'airbyte/sources.json'],
    ])
      expect(runRule(rule, { code: code!, path: path! }), code).toEqual([]);
  });
});

// Values that name something rather than hold it: a variable in source code, a public signing key, a card
// token, a naming template (batch rr37/rr38 of real repositories).
ruleTester(rule, {
  valid: [
    { code: `            json_dict['PathOrToken'] = ${cat('path_user1', '_RrWw')}`, path: 'radicale/tests/test_sharing.py' },
    { code: `export const config = {\n  project: 12,\n  token: ${cat('CROWDIN_', 'APIv2_PAT')},\n};`, path: 'tools/localization/src/constants.ts' },
    { code: `  minisign_key = '${cat('RWQ', rand(53, B64, 'minisign'))}'`, path: 'roles/dns/templates/sources.toml.j2' },
    { code: `            Token = "${cat('tok_', rand(26, LOWER_ALNUM, 'cko-card'))}",`, path: 'test/CheckoutSdkTest/AccountsClientTest.cs' },
    { code: "  token: '{Series.CleanTitleYear}.S{season:00}E{episode:00}.{Episode.CleanTitle}',", path: 'frontend/src/Naming/NamingModal.tsx' },
    // An anti-forgery token, so its comment says; Ansible's free-form `k=v` module arguments.
    { code: `var token = "${rand(88, B64, 'csrf')}"; // CSRF token`, path: 'doc/API.md' },
    {
      code: '- name: Ensure repository key\n  apt_key: url=https://download.owncloud.org/download/repositories/stable/Debian_8.0/Release.key state=present',
      path: 'roles/owncloud/tasks/owncloud.yml',
    },
    // TLS cipher suites named after their key exchange (OpenSSL's tls1.h), and a crypt hash escaped for a shell.
    { code: '# define TLS1_RFC_PSK_WITH_AES_128_CCM_8                 "TLS_PSK_WITH_AES_128_CCM_8"', path: 'dep/lib/include/openssl/tls1.h' },
    { code: '# define TLS1_TXT_PSK_WITH_AES_128_CBC_SHA "PSK-AES128-CBC-SHA"', path: 'include/openssl/tls1.h' },
    { code: `db.admin_user.insert({ name: 'skarling', realm: 'north.gov', password: '\\$5\\$${rand(16, HEX, 'salt5')}\\$${rand(64, HEX, 'hash5')}' });`, path: 'turndb/testmongosetup.sh' },
    // Chatwoot's website token (public: it names the widget's inbox), a Compose secret's file, a format string.
    { code: `      window.chatwootSDK.run({ websiteToken: '${rand(24, LOWER_ALNUM, 'chatwoot')}', baseUrl: BASE_URL });`, path: 'src/components/ChatwootWidget.tsx' },
    { code: 'secrets:\n  authelia_jwt_secret:\n    file: $DOCKERDIR/secrets/authelia_jwt_secret\n', path: 'docker-compose-t2.yml' },
    { code: "        enc_password = '#PWD_INSTAGRAM_BROWSER:0:{}:{}'.format(int(datetime.now().timestamp()), passwd)", path: 'instaloader/instaloadercontext.py' },
    // A Mapbox public token in a tile URL: public by design.
    {
      code: `L.tileLayer('https://api.mapbox.com/styles/v1/{id}/tiles/{z}/{x}/{y}?access_token=${cat('pk.', 'eyJ1Ijoi', rand(40, B64URL, 'mbx'), '.', rand(22, B64URL, 'mbs'))}')`,
      path: 'app/views/map/index.html.erb',
    },
    // dotenvx's encrypted values: ciphertext, committed on purpose.
    { code: `DISCORD_TOKEN="${cat('encrypted:', 'BD', rand(120, B64, 'dotenvx'))}"`, path: '.env' },
    // A WireGuard peer's key is its public key (netbird's tests).
    { code: `\tpeerKey := "${cat(rand(43, B64, 'wg-peer'), '=')}"`, path: 'client/iface/configurer/usp_test.go' },
    { code: `\tdnsPeer1Key = "${cat(rand(43, B64, 'wg-peer1'), '=')}"`, path: 'management/server/dns_test.go' },
  ],
  invalid: [
    // A name inside a string is data (an embedded file), and outside code a word is a literal.
    { code: `const cfg = "host: db\\npassword: ${cat('J0wh', rand(24, B64URL.replace(/[-_]/g, ''), 'in-string'))}";`, path: 'fixture.js', count: 1 },
    { code: `API_TOKEN=${cat('path_user1_', rand(20, LOWER_ALNUM, 'env-name'))}`, path: '.env', count: 1 },
  ],
});

describe('secrets/generic-secret: a parameter of a link in a published page, feed or e-mail', () => {
  const token = rand(90, B64URL.replace(/[-_]/g, ''), 'blogger');
  it('is low, naming why (a feed embeds a video by its token; a newsletter tracks its links)', () => {
    const [f] = runRule(rule, {
      code: `<entry><content type="html">&lt;iframe src='https://www.blogger.com/video.g?token=${token}' class='b-hbp-video'&gt;</content></entry>`,
      path: 'Tests/Resources/4fsodonline.atom',
    });
    expect(f?.confidence).toBe('low');
    expect(f?.message).toMatch(/link in a published page/);
  });
  it("also where the attribute's quote is escaped (a feed) and in an HTML link of Markdown", () => {
    const low = (code: string, path: string) => runRule(rule, { code, path })[0]?.confidence;
    expect(low(`&lt;iframe width=&#39;320&#39; src=&#39;https://www.blogger.com/video.g?token=${token}&#39; class=&#39;b-hbp-video&#39;&gt;`, 'Resources/feed.atom')).toBe('low');
    expect(low(`- <a target="_blank" href="https://play.instruqt.com/embed/redhat/tracks/controller-101?token=${token}">Launch</a>`, 'exercises/instruqt/controller.md')).toBe('low');
  });
  it("in a page template too: a script's key is in every page it renders (Twig, ERB, Blade)", () => {
    const key = rand(48, LOWER_ALNUM, 'tinymce');
    const page = `<script src="https://cloud.tinymce.com/stable/tinymce.min.js?apiKey=${key}"></script>`;
    for (const path of ['templates/cle/cle.html.twig', 'app/views/layouts/editor.html.erb', 'resources/views/editor.blade.php'])
      expect(runRule(rule, { code: page, path })[0]?.confidence, path).toBe('low');
  });
  it('keeps its confidence in code, or outside a link', () => {
    expect(runRule(rule, { code: `const url = "https://api.acmecorp.io/v1/feed?token=${token}";`, path: 'src/client.js' })[0]?.confidence).toBe('medium');
  });
});

describe('secrets/generic-secret: an ACME challenge token', () => {
  const token = rand(43, B64URL, 'acme-token');
  it('is low where the code is about ACME challenges, as found elsewhere', () => {
    const code = `from django_ca.models import AcmeChallenge\n\nTHUMBPRINT1 = "${rand(43, B64URL, 'thumb')}"\nTOKEN1 = "${token}"\n\ndef test_challenge(self):\n    chall = AcmeChallenge(type=AcmeChallenge.TYPE_HTTP_01, token=TOKEN1)\n`;
    expect(runRule(rule, { code, path: 'ca/django_ca/tests/admin/test_acme.py' }).map((f) => f.confidence)).toEqual(['low']);
    expect(runRule(rule, { code: `TOKEN1 = "${token}"\n`, path: 'app/settings.py' }).map((f) => f.confidence)).not.toContain('low');
  });
});

describe("secrets/generic-secret: a Google account's app password", () => {
  const L = 'abcdefghijklmnopqrstuvwxyz';
  const app = [rand(4, L, 'gap1'), rand(4, L, 'gap2'), rand(4, L, 'gap3'), rand(4, L, 'gap4')].join(' ');
  it('is found in its four groups of four letters; four words in that shape are not one', () => {
    expect(runRule(rule, { code: `SMTP_USER=me@example.org\nSMTP_PASSWORD="${app}"\n`, path: '.env' }).map((f) => f.startLine)).toEqual([2]);
    expect(runRule(rule, { code: 'SMTP_PASSWORD="pass word demo test"\n', path: '.env' })).toEqual([]);
  });
});
