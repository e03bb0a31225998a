import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/secrets/generic-password.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { cat, rand } from '../../../helpers/tokens.js';

// Human-chosen passwords, assembled so that this file is not a finding itself.
const p1 = cat('Winter', '2024', '!');
const p2 = cat('s3cr', '3tP4ss');
const p3 = cat('hun', 'ter', '22');
const p4 = cat('Tr0ub4', 'dor&3');
const p5 = cat('Bl0ss', 'om#Tide');
// One plain word: a password only where nothing else can stand (a dotenv file).
const word = cat('white', 'duke');

ruleTester(rule, {
  valid: [
    'password = getPassword()',
    // The shell's working directory in a Ruby ternary, and a library's file name as a call's first argument.
    { code: '  def k6_dir\n    remote? ? "$PWD" : "$PWD/test/performance"\n  end\n', path: 'bin/load' },
    { code: 'ret = plugin.SOF_LoadLibrary("mtoken_gm3000_pcsc.dll", "libgm3000_scard.1.0.so", "libgm3000_scard.1.0.dylib");', path: 'vendors/sdk_script.js' },
    // Literals by position: the name stands where a value would (the second of a run), not first of a pair.
    { code: '    private static final Set<String> KEYS = Set.of("siteName", "resetPassword", "i18nEnable", "captchaEnable");', path: 'SysSiteConfigServiceImpl.java' },
    { code: '    Authentication auth = new TestingAuthenticationToken("apollo", "password", "ROLE_user");', path: 'UserTypeResolverFilterTest.java' },
    { code: 'var command = new RegisterNewUser("login", "password", "test@email", "firstName", "lastName");', path: 'README.md' },
    // Settings and templates under a password-named key (Devise, pretalx), a translation in capitals.
    { code: '  config.reset_password_within = 6.hours', path: 'config/initializers/devise.rb' },
    { code: '    password_reset = "{base}reset"', path: 'src/person/models/profile.py' },
    { code: cat('devise:\n  passwords:\n    password: "BAATUJ', '\u00c0LL"\n'), path: 'config/locales/devise/wo.yml' },
    { code: "  'password' => '**masked**',", path: 'src/SiteConfig/Builder.php' },
    // Spring's `{noop}` prefix: the word after it is what is judged.
    'User.withUsername("user").password("{noop}notcompromised").build();',
    'password: string',
    'password = input("Password: ")',
    'password: ${DB_PASSWORD}',
    'password: {{ .Values.password }}',
    "password = '<password>'",
    'password = "changeme"',
    'password: "********"',
    'PASSWORD=xxxx',
    'password = "password123"',
    'password: "mypassword"',
    'db_password = "your_password"',
    'password = "somefakekey"',
    'password: real_key',
    'password: "real_key"',
    'password = ""',
    'PuttyPassword=0',
    'password: postgres',
    "password: 'secret123'",
    "expect(url).toHaveProperty('password', 'abc-123')",
    'password: "Enter your password"',
    'password = req.body.password',
    'passwordField: "input[type=password]"',
    'password_reset_url: "/account/reset"',
    'passwordPolicy: strict',
    'bypass = "cache-control-01"',
    'compass_heading = "NW-42"',
    // `Pass` as a verb: NGINX's action passes to the upstream named in kebab-case.
    { code: '\t\t\tAction: &conf_v1.Action{\n\t\t\t\tPass: "grpc-app-1",\n\t\t\t},', path: 'internal/configs/virtualserver_test.go' },
    { code: '    Pass: "tea-v1",', path: 'internal/configs/virtualserver_test.go' },
    // A pre-shared key's identity is sent in the clear: a name, not the key.
    { code: '        psk_identity => "myclient1",', path: 'apps/emqx_psk/test/emqx_psk_SUITE.erl' },
    { code: '#define DFL_PSK_IDENTITY        "Client_identity"', path: 'programs/ssl/ssl_client2.c' },
    { code: '    PSKIdentity1 = "myclient1",', path: 'apps/emqx_psk/test/emqx_psk_SUITE.erl' },
    // A parameter's type: Kotlin's nullable and generic types.
    {
      code: '        override fun engineSetKeyEntry(\n            alias: String,\n            key: Key,\n            password: CharArray?,\n            chain: Array<Certificate>\n        ) {',
      path: 'TLSConfigBuilderTest.kt',
    },
    { code: 'fun login(user: String, password: Optional<String>, realm: String) {}', path: 'Login.kt' },
    'passwordVariable: "PASSWORD"',
    'old_password = new_password',
    'const fields = ["password", "username", "email"];',
    'expect(user.password).toBe(hashed)',
    `password_hash = "${cat('$2b$', '12$', rand(53, undefined, 'bcrypt'))}"`,
    // High-entropy values belong to generic-secret.
    `password = "${rand(32, undefined, 'hi')}"`,
    // One word in code, docs or an example dotenv file: a label, an enum, a stand-in.
    { code: `password = "${word}"`, path: 'app.py' },
    { code: `DB_PASSWORD=${word}`, path: '.env.example' },
    { code: `DB_PASSWORD=${word}`, path: 'docker/sample.env' },
    // A default that repeats its service's name, a placeholder, a user name.
    { code: 'POSTGRES_PASSWORD=postgres\nRABBITMQ_DEFAULT_PASS=rabbitmq\nDB_PASSWORD=changeme', path: '.env' },
    { code: `REACT_APP_AUTH_USERNAME=${word}`, path: '.env' },
  ],
  invalid: [
    { code: `REACT_APP_AUTH_PASSWORD=${word}`, secret: word, path: '.env', count: 1 },
    { code: `# mail\nSMTP_PASSWORD=${word}\n`, secret: word, path: 'deploy/prod.env', line: 2 },
    { code: `password = "${p1}"`, secret: p1, count: 1, line: 1, path: 'app.py' },
    { code: `DB_PASS=${p2}`, secret: p2, path: '.env' },
    { code: `spring.datasource.password=${p2}`, secret: p2, path: 'application.properties' },
    { code: `database:\n  password: "${p3}"\n`, secret: p3, line: 2, path: 'config.yml' },
    { code: `{"user": "admin", "password": "${p4}"}`, secret: p4, path: 'seed.json' },
    { code: `<password>${p1}</password>`, secret: p1, path: 'settings.xml' },
    { code: `conn = psycopg2.connect(host="db", user="app", password="${p3}")`, secret: p3, path: 'db.py' },
    { code: `mysql --user=doadmin --password=${p2} --host=db.prod.test`, secret: p2, path: 'backup.sh' },
    { code: `PGPASSWORD=${p2} psql -h db.prod.test -U app`, secret: p2, path: 'run.sh' },
    { code: `$config['db_pass'] = '${p1}';`, secret: p1, path: 'config.php' },
    { code: `ks.setPassword("${p4}");`, secret: p4, path: 'Keys.java' },
    { code: `contraseña = "${p1}"`, secret: p1, path: 'app.py' },
    // A bare `pass` with a password that is not a kebab-case name.
    { code: `  Pass: "${p2}",`, secret: p2, path: 'main_test.go' },
  ],
});

describe('secrets/generic-password', () => {
  it('is a low-confidence fallback', () => {
    expect(rule.fallback).toBe(true);
    expect(runRule(rule, { code: `password = "${p1}"` })[0]!.confidence).toBe('low');
  });
});

// YAML block scalars (`password: |` with the value on the line under it).
ruleTester(rule, {
  valid: [
    { name: 'block scalar placeholder', code: 'smtp:\n  password: |\n    changeme\n', path: 'values.yaml' },
    { name: 'block scalar template', code: 'password: |\n  {{ .Values.password }}\n', path: 'templates/x.yaml' },
  ],
  invalid: [{ name: 'literal block', code: `smtp:\n  password: |\n    ${p4}\n`, path: 'values.yaml', secret: p4, count: 1, line: 3 }],
});

// Precision on real code (#13 item 6): attribute lists, argument lists and labels that are not passwords.
ruleTester(rule, {
  valid: [
    // XSD attribute declarations: the next attribute's value is not the password.
    { code: '<xs:attribute name="manager-password" type="xs:string">', path: 'spring-security-6.4.xsd' },
    { code: '<xs:attribute name="password" type="xs:string"/>', path: 'config.xsd' },
    // Another attribute after the password attribute.
    { code: `<user name='bob' password='{noop}bobspassword' authorities='ROLE_A,ROLE_B' />`, path: 'ConfigTestUtils.java' },
    { code: '<sec:user name="bob" password="bobspassword" authorities="ROLE_0,ROLE_1"/>', path: 'app-context.xml' },
    // Positional arguments after a "password" literal: constants, class names, labels.
    { code: 'Authentication a = new TestingAuthenticationToken("user", "password", "ANONYMOUS");', path: 'Tests.java' },
    { code: 'new NonBuildableAuthenticationToken("username", "password", "FACTORTWO"));', path: 'Tests.java' },
    { code: 'return new TestingAuthenticationToken("user", "pass", "SCOPE_" + scope);', path: 'Tests.java' },
    { code: '`BasicAuthenticationFilter`, `UsernamePasswordAuthenticationFilter`, `ExceptionTranslationFilter`, and others.', path: 'http.adoc' },
    { code: 'pw.println("licensecode=" + licenseId);', path: 'S101Configurer.java' },
    // An object identifier.
    { code: 'private static final String PASSWORD_MODIFY_OID = "1.3.6.1.4.1.4203.1.11.1";', path: 'LdapUserDetailsManager.java' },
  ],
  invalid: [
    { name: 'the password attribute itself', code: `<user name="bob" password="${p1}" authorities="ROLE_A,ROLE_B" />`, secret: p1, count: 1, path: 'security.xml' },
    // By position: the credentials argument (the third of TestingAuthenticationToken's is an authority).
    { name: 'a password argument', code: `new UsernamePasswordAuthenticationToken("user", "${p2}");`, secret: p2, path: 'Tests.java' },
    { name: 'an all-caps password with digits', code: `password = "${cat('XK9', 'P2QZ7')}"`, count: 1, path: 'app.py' },
    { name: 'a password ending in = is not a label', code: `password = "${cat('Orch1d', 'Gate=')}"`, count: 1, path: 'app.py' },
    { name: 'a password with = inside', code: `password = "${cat('Hx7', '=k2Lp')}"`, count: 1, path: 'app.py' },
    { name: 'a password argument after a quoted name', code: `props.put("password", "${p1}");`, secret: p1, path: 'Db.java' },
  ],
});

// A password spelled from its own key: the service's demo default.
ruleTester(rule, {
  valid: [
    { code: 'export MINIO_ROOT_PASSWORD="minio123"', path: 'README.md' },
    { code: 'redis_password: redis', path: 'values.yaml' },
    { name: 'base64 of the key name (a Secret in a README)', code: `  postgresql-password: "${Buffer.from('postgres\n').toString('base64')}"`, path: 'README.md' },
  ],
  invalid: [
    { code: `export MINIO_ROOT_PASSWORD="${p1}"`, secret: p1, path: 'README.md' },
    { name: 'base64 of another word', code: `  postgresql-password: "${Buffer.from(cat('orchid', '449')).toString('base64')}"`, count: 1, path: 'README.md' },
    { name: 'a word that is not the key', code: `redis_password: "${cat('orchid', '4417')}"`, count: 1, path: 'values.yaml' },
  ],
});

// Real code, today's statement forms: a flag that prompts for its value is followed by another flag.
ruleTester(rule, {
  valid: [
    { code: '$ docker run -it --rm mariadb mariadb --host db --user example-user --password --database test', path: 'README.md' },
    { code: '    ``/secure-connection accept --name --displayname --password --invite [code blob]``', path: 'connected-workspaces.rst' },
    // Prose in a script's manual, a translated label.
    { code: 'password since it is safer. With --password1 option, on Linux,', path: 'data/Dockerfiles/dovecot/imapsync' },
    { code: '        "app_passwd": "Applikationslösenord",', path: 'data/web/lang/lang.sv-se.json' },
    // Translations in scripts written without spaces.
    { code: '        "PASSWORD": "密码长度在8到128之间且需包含至少一个大写字符",', path: 'src/i18n/lang/zh-cn-lang.json' },
    { code: '            "SEARCH_PWD": "LDAP搜索密码",', path: 'src/i18n/lang/zh-cn-lang.json' },
    { code: '  "password": "パスワード",', path: 'locales/ja.json' },
    // An element and its attribute (FileZilla's empty stored password).
    { code: '<Pass encoding="base64" />', path: 'FileZilla/sitemanager.xml' },
    // A method called on a password-named object, a flag constant.
    { code: '      @pw_user.gecos.force_encoding("ASCII-8BIT")', path: 'spec/unit/provider/user_spec.rb' },
    { code: '        UF_PASSWD_CANT_CHANGE  = 0x000040', path: 'lib/chef/win32/api/net.rb' },
    // Hyphenated translations, a method name, a PHP variable interpolated, a name about an address.
    { code: '        "Password": "Palavra-passe",', path: 'lang/pt.json' },
    { code: '\t"One-Time Password": "Einmal-Passwort",', path: 'internal/server/locales/de-DE/portal.json' },
    { code: '        "SmtpPassword": "SMTP-adgangskode",', path: 'lang/da.json' },
    { code: "            'Template.userSecurity.afterPassword' => 'render2FaUserSettings',", path: 'plugins/TwoFactorAuth/TwoFactorAuth.php' },
    { code: `        $command = "mysqldump --user='$dbUser' --password='$dbPass' --host='$dbHost'";`, path: 'plugins/TestRunner/Fixture.php' },
    { code: 'login_password_recovery_replyto_email_address = "no-reply@{DOMAIN}"', path: 'config/global.ini.php' },
    { code: '        "app_passwd": "Contraseña",', path: 'data/web/lang/lang.es-es.json' },
  ],
  invalid: [
    { name: 'a pair among pairs', code: `Map<String, String> m = Map.of("user", "admin", "password", "${p1}", "host", "db");`, secret: p1, path: 'Config.java' },
    { name: 'the flag and its value', code: `$ mariadb --host db --user app --password ${p2} --database test`, secret: p2, path: 'README.md' },
    { name: 'a numbered flag', code: `imapsync --host1 imap.test --user1 joe --password1 ${p2} --host2 imap2.test`, secret: p2, path: 'data/Dockerfiles/dovecot/imapsync' },
    { name: 'a password in a language file', code: `        "app_passwd": "${p1}",`, secret: p1, path: 'data/web/lang/lang.sv-se.json' },
    // Neighbours of the shapes above that are passwords: words and digits, a `$` then random characters.
    { name: 'hyphenated words with a number', code: `db_password = "${cat('blue-', 'Horse-42')}"`, secret: cat('blue-', 'Horse-42'), path: 'config/settings.py' },
    { name: 'a password that starts with $', code: `$pdo = new PDO($dsn, 'app', '${cat('$', 'Yq7bMDot25P')}');`, secret: cat('$', 'Yq7bMDot25P'), path: 'db.php' },
  ],
});

// A template is an opener whose expression closes with its brackets balanced; punctuation that merely
// contains `${` or `{{` (a generated password) is a value like any other.
const punct = cat('m{{h}o)p', '${e]nob(ody[finds>-_$#', 'thisone}}');
ruleTester(rule, {
  valid: [
    'password = "${env.DB_PASSWORD:-${DEFAULT_PASSWORD}}"',
    // Compose's required variable: the text after `:?` is the error message, not a default.
    { code: '      - DOCKER_INFLUXDB_INIT_PASSWORD=${INFLUXDB_ADMIN_PASSWORD:?required}', path: 'docker-compose.yml' },
    'password: "{{ .Values.auth.password | default (randAlphaNum 16) | quote }}"',
    'api_key = "key-${cfg[\'region\']}-${suffix}"',
    'password = "{% if prod %}{{ vault_pw }}{% endif %}"',
    'db_password = "%(db_password)s"',
    'token = "#{ENV.fetch(\'TOKEN\')}"',
    'password = "$(cat /run/secrets/db_password)"',
    'client_secret = "[[ .ClientSecret ]]"',
    'password = "<%= ENV[\'DB_PASSWORD\'] %>"',
  ],
  invalid: [
    { code: `password = "${punct}"`, secret: punct, path: 'settings.py' },
    { code: `private static final String PASSWORD = "${punct}";`, secret: punct, path: 'Db.java' },
    { code: `db_password: "${punct}"`, secret: punct, path: 'values.yml' },
    { code: `$password = '${punct}';`, secret: punct, path: 'config.php' },
  ],
});

// Syntaxes beyond `name = value`: Groovy commands, PowerShell parameters, R, Visual Basic, Clojure,
// YAML anchors, and passwords passed by position to login and basic-auth calls.
const gp = cat('Gq7', '#vR2m!', 'Lx9');
ruleTester(rule, {
  valid: [
    { code: "credentials {\n    username 'deployer'\n    password project.findProperty('repoPassword')\n}", path: 'build.gradle' },
    { code: "password 'password'", path: 'build.gradle' },
    { code: 'println "password changed"', path: 'Jenkinsfile' },
    { code: 'Connect-Db -Password $env:DB_PASSWORD', path: 'deploy.ps1' },
    { code: 'Get-Thing -PasswordFile "C:\\secrets\\pw.txt"', path: 'deploy.ps1' },
    { code: 'password <- Sys.getenv("DB_PASSWORD")', path: 'analysis.R' },
    { code: 'Dim password As String = txtPassword.Text', path: 'Form1.vb' },
    { code: '{:password (System/getenv "DB_PASSWORD")}', path: 'config.edn' },
    { code: 'MasterUserPassword: !Ref DBPasswordParameter', path: 'stack.yaml' },
    { code: 'db_password: &db_password "{{ vault_db_password }}"', path: 'vars.yml' },
    { code: 'r = requests.get(url, auth=(user, password))', path: 'client.py' },
    { code: 'auth = HTTPBasicAuth(os.environ["U"], os.environ["P"])', path: 'client.py' },
    { code: 'conn = DriverManager.getConnection(url, user, pass);', path: 'Db.java' },
    { code: 'server.login("me@example.test", "password")', path: 'mail.py' },
    { code: '$pdo = new PDO($dsn, $user, $pass);', path: 'db.php' },
    { code: '$pdo = new PDO("mysql:host=db;dbname=app", "app", getenv("DB_PASS"));', path: 'db.php' },
    { code: '"password" to "pass\\nword",', path: 'MigrationTest.kt' },
    { code: 'password = "Abc123\\tXyz789"', path: 'fixture.py' },
  ],
  invalid: [
    { code: `credentials {\n    username 'deployer'\n    password '${gp}'\n}`, secret: gp, line: 3, path: 'build.gradle' },
    { code: `publishing { repositories { maven { credentials { username "ci"; password "${gp}" } } } }`, secret: gp, path: 'build.gradle' },
    { code: `Connect-Db -Server db01 -Password "${gp}" -Force`, secret: gp, path: 'deploy.ps1' },
    { code: `New-Thing -Name app -Password:'${gp}'`, secret: gp, path: 'setup.psm1' },
    { code: `db_password <- "${gp}"`, secret: gp, path: 'analysis.R' },
    { code: `Private Const DbPassword As String = "${gp}"`, secret: gp, path: 'Module1.vb' },
    { code: `{:db/password "${gp}" :db/user "app"}`, secret: gp, path: 'config.edn' },
    { code: `db_password: &db_password ${gp}`, secret: gp, path: 'vars.yml' },
    { code: `r = requests.get(url, auth=("bob", "${gp}"))`, secret: gp, path: 'client.py' },
    { code: `auth = HTTPBasicAuth("bob", '${gp}')`, secret: gp, path: 'client.py' },
    { code: `var cred = new NetworkCredential("svc_app", "${gp}");`, secret: gp, path: 'Mailer.cs' },
    { code: `Connection c = DriverManager.getConnection("jdbc:mysql://db/app", "app", "${gp}");`, secret: gp, path: 'Db.java' },
    { code: `return new PasswordAuthentication("bob", "${gp}".toCharArray());`, secret: gp, path: 'Auth.java' },
    { code: `server.login("alerts@corp.test", "${gp}")`, secret: gp, path: 'mail.py' },
    { code: `req.SetBasicAuth("admin", "${gp}")`, secret: gp, path: 'client.go' },
    { code: `auth := smtp.PlainAuth("", "alerts@corp.test", "${gp}", "smtp.corp.test")`, secret: gp, path: 'mail.go' },
    { code: `$pdo = new PDO("mysql:host=db;dbname=app", "app", "${gp}");`, secret: gp, path: 'db.php' },
    { code: `$link = mysqli_connect("db.internal", "app", '${gp}', "app");`, secret: gp, path: 'db.php' },
  ],
});

// An algorithm's name is not a password (`password_encryption` is a PostgreSQL setting).
ruleTester(rule, {
  valid: [
    { code: 'postgresql:\n  parameters:\n    password_encryption: scram-sha-256', path: 'healthy.yaml' },
    { code: 'PASSWORD_HASHER=argon2id', path: '.env' },
  ],
  invalid: [{ code: `postgresql:\n  parameters:\n    password_encryption: scram-sha-256\n  password: "${p3}"`, path: 'values.yaml', secret: p3, line: 4, count: 1 }],
});

ruleTester(rule, {
  valid: [
    { code: 'PasswordPattern = `^.{8,32}$`', path: 'common/common.go' },
    { code: `$data = ['password' => 'prefix_' . $emailLocal . '_suffix'];`, path: 'tests/PolicyTest.php' },
  ],
  invalid: [{ code: `$data = ['password' => '${p1}'];`, path: 'seed.php', secret: p1 }],
});

// A chosen password as the next item after its flag in an argument list, and Ruby's `set :name, value`.
ruleTester(rule, {
  valid: [
    { code: 'subprocess.run(["mysql", "--password", "password"])', path: 'backup.py' },
    { code: 'args = ["--password", os.environ["DB_PASSWORD"]]', path: 'backup.py' },
    { code: "set :db_password, '<your password>'", path: 'config/deploy.rb' },
  ],
  invalid: [
    { code: `subprocess.run(["mysql", "-u", "root", "--password", "${gp}"])`, path: 'backup.py', secret: gp },
    { code: `const args = ['--admin-password', '${gp}'];`, path: 'setup.js', secret: gp },
    { code: `set :db_password, '${gp}'`, path: 'config/deploy.rb', secret: gp },
  ],
});

// Server directives with a space-separated password, and rows of `key=value` words (an Ansible inventory).
ruleTester(rule, {
  valid: [
    // Redis's own sample value, a reference, and an OpenLDAP hash.
    { code: 'requirepass foobared\n', path: 'redis.conf' },
    { code: 'requirepass ${REDIS_PASSWORD}\n', path: 'redis.conf' },
    { code: `rootpw {SSHA}${rand(32, undefined, 'ssha')}\n`, path: 'slapd.conf' },
    { code: 'db1 ansible_user=admin ansible_password={{ vault_db_password }}\n', path: 'inventory/hosts' },
    // Prose is not a directive.
    { code: 'The password field is required.\n', path: 'README.md' },
    { code: 'password reset links expire after one hour\n', path: 'docs/faq.txt' },
    // Code, not a row of words.
    { code: 'if x: run(host, password=pw)\n', path: 'deploy.py' },
  ],
  invalid: [
    { name: 'Redis requirepass', code: `requirepass ${p1}\n`, path: 'redis.conf', secret: p1, count: 1 },
    { name: 'Redis masterauth', code: `# replica\nmasterauth ${p5}\n`, path: 'conf/redis.conf', secret: p5, line: 2 },
    { name: 'OpenLDAP rootpw in clear text', code: `rootpw ${p4}\n`, path: 'slapd.conf', secret: p4 },
    { name: 'keepalived auth_pass', code: `  authentication {\n    auth_type PASS\n    auth_pass ${p1}\n  }\n`, path: 'keepalived.conf', secret: p1 },
    { name: 'msmtp password', code: `account default\nhost smtp.example.org\npassword ${p1}\n`, path: '.msmtprc', secret: p1 },
    { name: 'redis-server --requirepass', code: `    command: redis-server --requirepass ${p2}\n`, path: 'docker-compose.yml', secret: p2 },
    { name: 'an Ansible inventory host line', code: `[db]\n10.0.0.5 ansible_user=admin ansible_password=${p1}\n`, path: 'inventory/hosts', secret: p1, line: 2 },
    { name: 'an Ansible inventory with become', code: `web1 ansible_host=10.0.0.6 ansible_become_pass=${p2} ansible_port=22\n`, path: 'hosts.ini', secret: p2 },
  ],
});

// `name value` directives in configuration files of directive syntax, judged by their name (Fluent Bit,
// nslcd, Apache, Java properties), and statements that name no credential word (HAProxy, ipsec.secrets).
ruleTester(rule, {
  valid: [
    { code: '[OUTPUT]\n    Name es\n    HTTP_Passwd     ${ES_PASSWORD}\n', path: 'fluent-bit.conf' },
    // nginx's `*_pass` directives end with `;`; a URL, a socket or a path is not a password.
    { code: '    proxy_pass http://backend;\n    fastcgi_pass 127.0.0.1:9000;\n    uwsgi_pass unix:/run/app.sock;\n', path: 'nginx/site.conf' },
    { code: 'SSLPassPhraseDialog builtin\nSSLPassPhraseDialog exec:/usr/libexec/httpd-ssl-pass-dialog\n', path: 'conf.d/ssl.conf' },
    { code: 'AuthLDAPBindPassword ${LDAP_BIND_PW}\n', path: 'httpd/conf.d/ldap.conf' },
    // A shell script's command is not a directive.
    { code: 'passwd alice\n', path: 'setup.sh' },
    { code: 'wpa_passphrase=changeme\n', path: 'hostapd.conf' },
    { code: 'userlist admins\n    user admin password $6$rounds=5000$saltsalt$abcdefghijklmnopqrstuv\n', path: 'haproxy.cfg' },
    { code: '%any : PSK "<your pre-shared key>"\n', path: 'ipsec.secrets' },
  ],
  invalid: [
    { name: 'Fluent Bit HTTP_Passwd', code: `[OUTPUT]\n    Name es\n    HTTP_User elastic\n    HTTP_Passwd     ${p1}\n`, path: 'fluent-bit/fluent-bit.conf', secret: p1, line: 4 },
    { name: 'nslcd bindpw', code: `binddn cn=proxy,dc=example,dc=org\nbindpw ${p2}\n`, path: 'nslcd.conf', secret: p2 },
    { name: 'Apache AuthLDAPBindPassword', code: `    AuthLDAPBindDN "cn=apache,dc=example,dc=org"\n    AuthLDAPBindPassword ${p4}\n`, path: 'httpd/conf.d/ldap.conf', secret: p4 },
    { name: 'a Java properties line separated by blanks', code: `db.user app\ndb.password ${p5}\n`, path: 'app.properties', secret: p5 },
    { name: 'SSSD ldap_default_authtok', code: `[domain/example]\nldap_default_authtok = ${p1}\n`, path: 'sssd/sssd.conf', secret: p1 },
    { name: 'wpa_supplicant psk', code: `network={\n    ssid="Office"\n    psk="${p5}"\n}\n`, path: 'wpa_supplicant.conf', secret: p5 },
    { name: 'NetworkManager psk', code: `[wifi-security]\nkey-mgmt=wpa-psk\npsk=${p2}\n`, path: 'system-connections/Office.nmconnection', secret: p2 },
    { name: 'ipsec.secrets PSK', code: `%any 198.51.100.7 : PSK "${p4}"\n`, path: 'etc/ipsec.secrets', secret: p4 },
    { name: 'HAProxy insecure-password', code: `userlist admins\n    user admin insecure-password ${p2}\n`, path: 'haproxy/haproxy.cfg', secret: p2 },
  ],
});

// A `user:password` pair where a directive takes one, a clear-text password scheme, and `password=` among
// `key=value` words (a libpq connection string, a RouterOS command).
ruleTester(rule, {
  valid: [
    { code: 'listen stats\n    stats auth admin:${STATS_PASSWORD}\n', path: 'haproxy.cfg' },
    { code: 'cache_peer parent.example.net parent 8080 0 no-query login=PASSTHRU\n', path: 'squid.conf' },
    { code: 'user = "$CURL_USER:$CURL_PASS"\n', path: '.curlrc' },
    { code: '[smtp.sendgrid.net]:587 apikey:${SENDGRID_API_KEY}\n', path: 'postfix/sasl_passwd' },
    { code: `alice:{SHA512-CRYPT}${cat('$6$', rand(16, undefined, 'dvs'), '$', rand(86, undefined, 'dvh'))}:1000:1000::/home/alice::\n`, path: 'dovecot/users' },
    { code: "primary_conninfo = 'host=primary user=replicator password=${REPL_PASSWORD}'\n", path: 'postgresql.auto.conf' },
    { code: '/user add name=ops password="" group=full\n', path: 'router.rsc' },
    // A verifier, not a password.
    { code: `password = md5${rand(32, '0123456789abcdef', 'pgmd5')}\n`, path: 'pg.conf' },
  ],
  invalid: [
    { name: 'HAProxy stats auth', code: `listen stats\n    stats auth admin:${p1}\n`, path: 'haproxy.cfg', secret: p1 },
    { name: 'Squid cache_peer login', code: `cache_peer proxy.example.net parent 8080 0 no-query default login=acme:${p2}\n`, path: 'squid/squid.conf', secret: p2 },
    { name: '.curlrc user', code: `--silent\nuser = "deploy:${p4}"\n`, path: '.curlrc', secret: p4, line: 2 },
    { name: 'Postfix SASL password map', code: `[smtp.example.com]:587 relay@example.com:${p5}\n`, path: 'postfix/sasl_passwd', secret: p5 },
    { name: 'Dovecot {PLAIN} password', code: `alice:{PLAIN}${p1}:1000:1000::/home/alice::\n`, path: 'dovecot/users', secret: p1 },
    { name: 'Dovecot SQL connect', code: `driver = pgsql\nconnect = host=db dbname=mail user=dovecot password=${p2}\n`, path: 'dovecot-sql.conf.ext', secret: p2 },
    { name: 'PostgreSQL primary_conninfo', code: `primary_conninfo = 'host=primary port=5432 user=replicator password=${p4} application_name=s1'\n`, path: 'postgresql.auto.conf', secret: p4 },
    { name: 'RouterOS user add', code: `/user add name=ops password=${p5} group=full\n`, path: 'backup/router.rsc', secret: p5 },
  ],
});

// Not a literal password: a string test's pattern, and what sysprep writes over a used answer file's passwords.
ruleTester(rule, {
  valid: [
    { code: 'if (!pskKey.matches("-?[0-9a-fA-F]+")) {', path: 'DeviceCredentialsService.java' },
    { code: 'if (password.startsWith("Bearer:x9")) {', path: 'Auth.java' },
    { code: "render('AdministratorPassword', '*SENSITIVE*DATA*DELETED*', 'true')", path: 'build.js' },
    { code: 'password: "*SENSITIVE*DATA*DELETED*"', path: 'answers.yml' },
  ],
  invalid: [{ code: `db.setPassword("${p2}");`, path: 'Db.java', secret: p2 }],
});

// Net-SNMP communities and SNMPv3 users, and ProFTPD's SQLConnectInfo: statements that say what they set.
ruleTester(rule, {
  valid: [
    { code: 'rocommunity public default\ncom2sec notConfigUser default public\n', path: 'snmp/snmpd.conf' },
    { code: 'createUser monitor SHA "${SNMP_AUTH}" AES "${SNMP_PRIV}"\n', path: 'snmpd.conf' },
    { code: 'SQLConnectInfo proftpd@localhost proftpd %{env:SQL_PASSWORD}\n', path: 'proftpd/sql.conf' },
    { code: 'The rocommunity directive sets a read-only community.\n', path: 'README.md' },
  ],
  invalid: [
    { name: 'rwcommunity', code: `rwcommunity ${p1} 10.0.0.0/8\n`, path: 'etc/snmp/snmpd.conf', secret: p1 },
    { name: 'com2sec', code: `com2sec local localhost ${p2}\n`, path: 'snmpd.conf', secret: p2 },
    { name: 'SNMPv3 createUser, both passphrases', code: `createUser monitor SHA "${p4}" AES "${p5}"\n`, path: 'snmpd.conf', count: 2 },
    { name: 'ProFTPD SQLConnectInfo', code: `SQLConnectInfo proftpd@db.internal:3306 proftpd ${p5} PERSESSION\n`, path: 'proftpd/sql.conf', secret: p5 },
  ],
});

describe('secrets/generic-password: UI text and enum cases', () => {
  it('leaves quoted Android string resources and Swift enum cases alone', () => {
    for (const [code, path] of [
      ['    <string name="common_password">"Adgangskode"</string>', 'libraries/ui-strings/src/main/res/values-da/translations.xml'],
      ['        passwordBorderView.style = .primaryField', 'podcasts/LoginViewController.swift'],
    ])
      expect(runRule(rule, { code: code!, path: path! }), code).toEqual([]);
    expect(runRule(rule, { code: `    <string name="default_password">"${cat('Tr0ub', '4dor&3x')}"</string>`, path: 'app/src/main/res/values/config.xml' }).length).toBeGreaterThan(0);
  });
});
