import rule from '../../../../src/engine/rules/secrets/ado-connection-string.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { cat, rand } from '../../../helpers/tokens.js';

const pw = cat(rand(12, undefined, 'ado'), '!9');
const pw2 = rand(24, undefined, 'ado2');

ruleTester(rule, {
  valid: [
    // A user and a password joined by a comma, naming no server: a help text's example of masking a log line.
    ".EXAMPLE\n$value = Protect-PodeLogItem -Item 'Username=Morty, Password=Wubba1ubba'",
    // A changelog's prose about the keys.
    { code: '- When user= without password= is in database connect string, pgbouncer fails.', path: 'NEWS.md' },
    // sudo's log line: `PWD` is the working directory.
    { code: 'Dec  6 10:00:01 web sudo:   deploy : TTY=pts/0 ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/bin/systemctl restart app', path: 'logs/auth.log' },
    // SQL with bound parameters.
    { code: '    "SELECT id FROM users WHERE admin_panel = ? AND username = ? AND password = ? LIMIT 1;",', path: 'src/utils/session_handler.py' },
    // A log generator's f-string of the same line, and Jsonnet's keyword arguments.
    { code: '    return f"{ts} {HOSTNAME} sudo: {user} : TTY=pts/0 ; PWD=/home/{user} ; USER=root ; COMMAND=/bin/apt update"', path: 'seculog/log_generator.py' },
    { code: `  add: helm.repo.add(name='custom-repo', url='https://charts.acme.io', username='user', password='${pw}'),`, path: '.jsonnet-libs/example.jsonnet' },
    // Swift reading two text fields: expressions, no literal (ownCloud's bookmarks setup).
    {
      code: '        if let username = usernameField?.text, username.count > 0, let password = passwordField?.text, password.count > 0 {',
      path: 'ownCloud/Bookmarks/Setup/AuthenticateViewController.swift',
    },
    // A NATS (or HCL, Lua, TOML) inline table: fields of a map, not a connection string.
    { code: '\t\t\t\t{ user = "CN=example.com,OU=NATS.io", password = "' + cat('s3', 'cr3tQx9') + '" }', path: 'server/auth_test.go' },
    // A form body in HTML-escaped code (a SonarQube report): `&amp;` separates a query's pairs, and a Swift
    // interpolation or a concatenation fills the password.
    { code: '<pre>var post:NSString = "username=\\(getEncryptedUser())&amp;password=\\(getEncryptedPass())"</pre>', path: 'report.html' },
    { code: `'        "user=" + uname + "&amp;password=" + password); // Noncompliant\\n'`, path: 'tests/test_parser.py' },
    // A Python f-string fills the JAAS password from a config at run time.
    {
      code: `                f"""org.apache.kafka.common.security.plain.PlainLoginModule required username="{CONFLUENT_CLOUD_CONFIG['sasl.username']}" password="{CONFLUENT_CLOUD_CONFIG['sasl.password']}";""") \\`,
      path: 'streaming_confluent.py',
    },
    // Erlang (and Ruby) maps: `=>` is no connection string's `=`.
    { code: '    #{user_id => <<"subscriber">>, password => <<"p4ssWordX">>, server => <<"db">>}', path: 'emqx_authn_SUITE.erl' },
    'Server=myServerAddress;Database=myDataBase;Uid=myUsername;Pwd=myPassword;',
    'Host=your_host; Port=5432; Database=your_database; Username=your_username; Password=your_password;',
    'Server=tcp:sql.test,1433;Database=app;User ID=app;Password=${DB_PASSWORD};',
    'Server=sql.test;Database=app;User Id=app;Password={password};',
    'Server=sql.test;Database=app;User Id=app;Password=*****;',
    'Server=sql.test;Database=app;Integrated Security=true;',
    // SQL calling a function for the value (not a connection string).
    { code: "  SELECT '' INTO error FROM users WHERE username=user AND password=ENCRYPT(oldpass,currentsalt);", path: 'plugins/password/README' },
    // An Ansible template in an ODBC string; codes in a schema's description.
    { code: '    dsn: "DRIVER={PSQL};Server=localhost;Port=5432;Database=test;Uid=user;Pwd={{ my_pass_decrypted }};UseUnicode=True"', path: 'tasks/main.yml' },
    { code: '      "description": "The type. Login: Username=100, Password=101. Card: CardholderName=300, Number=301."', path: 'schemas/cipher.schema.json' },
    'password=hunter2', // a lone key=value: left to the generic rules
    'if (password == confirm) { return; }',
    'Data Source=db.test;Initial Catalog=app;Password=%s;',
    // Inside a jdbc URL: connection-string reports it.
    `jdbc:sqlserver://sql.test:1433;databaseName=app;user=sa;password=${pw}`,
    // Keyword arguments in code are not a connection string, whatever their names (a literal password
    // there is the generic rules' to judge).
    { code: `credential = Credential(type="basic_auth", username="admin", password="${pw}")\n`, path: 'tests/base.py' },
    { code: `USER_ADMIN = dict(endpoint = url, username = "admin_user", password = "${pw}", repo = "haproxy")\n`, path: 'tests/test_roles.py' },
    { code: `client = dict(endpoint = url, username = user_name, password = user_edit_project_password)\n`, path: 'tests/test_projects.py' },
    { code: `db = connect(host=host, user=user, password=secrets.db_password, port=5432)\n`, path: 'app/db.py' },
    { code: `conn := Open(Config{Host: h, User: u}, password=pw, sslmode=require)\n`, path: 'db.go' },
    // A call inside a template expression, in a string.
    { code: `    msg: "{{ query(plugin_name, 'ping', host='DNE://junk.test', username='john', password='${pw}', verify_ssl=false) }}"\n`, path: 'tasks/main.yml' },
    { code: `  lookup: "{{ lookup('awx.awx.controller_api', 'users', host='x', username='admin', password=mypass, verify_ssl=False) }}"\n`, path: 'plugins/lookup/controller_api.py' },
    {
      name: 'a call over several lines',
      // Assembled: the repository scans its own tests, and this line is a call only in the file it stands for.
      code: cat('db = client.db(\n    self.configuration["dbname"], username=self.configuration["user"], pass', 'word=self.configuration["password"]\n)\n'),
      path: 'query_runner/arango.py',
    },
  ],
  invalid: [
    // A command line's pairs: the value ends where the next flag starts.
    { code: `crdb-cli crdb create --instance fqdn=cluster1.prod.corp,username=admin,password=${pw2} --no-wait`, path: 'docs/create.md', secret: pw2 },
    {
      code: `optionsBuilder.UseSqlServer("Server=sql.prod.test;Initial Catalog=master;User ID=sa;Password=${pw};Persist Security Info=true;");`,
      secret: pw,
      count: 1,
      line: 1,
    },
    { code: `{"ConnectionStrings": {"Default": "Server=sql.prod.test;Database=app;User Id=app;Password=${pw2};"}}`, secret: pw2, path: 'appsettings.json' },
    { code: `<add name="Main" connectionString="Data Source=db.prod.test;Initial Catalog=app;User ID=app;Pwd=${pw2};" />`, secret: pw2, path: 'web.config' },
    { code: `Driver={ODBC Driver 18 for SQL Server};Server=sql.prod.test;Uid=app;Pwd={${pw}};`, secret: pw },
    { code: `Host=pg.prod.test;Port=5432;Database=app;Username=app;Password='${pw2}'`, secret: pw2 },
    { name: 'StackExchange.Redis', code: `cache.redis.cache.windows.net:6380,password=${pw2},ssl=True,abortConnect=False`, secret: pw2 },
    { name: 'local server kept at low confidence', code: `Server=localhost;Database=app;User ID=sa;Password=${pw};`, secret: pw },
    // In code, inside the string literal (any quote, the other kinds inside it), after other strings on the line.
    { code: `var cs = "Server=sql.prod.test;Database=app;User Id=app;Password=${pw2};";\n`, path: 'Db.cs', secret: pw2 },
    { code: `conn = pyodbc.connect('DRIVER={ODBC Driver 18};SERVER=sql.prod.test;UID=app;PWD=${pw2};')\n`, path: 'etl/load.py', secret: pw2 },
    { code: `connect("x", \`Host=pg.prod.test;Username=app;Password=${pw2}\`)\n`, path: 'src/db.ts', secret: pw2 },
    { code: `conn = Open(cfg, "Server=sql.prod.test;User Id=\\"app\\";Password=${pw2};")\n`, path: 'db.go', secret: pw2 },
    {
      name: 'a string argument of a call over several lines',
      code: `cs = build(\n    "Server=sql.prod.test;Database=app;User Id=app;Password=${pw2};",\n)\n`,
      path: 'db.py',
      secret: pw2,
    },
    { name: 'a bracket the string closes', code: `<add connectionString="Data Source=(localdb)\\MSSQLLocalDB;Initial Catalog=app;User ID=app;Password=${pw2};" />`, path: 'web.config', secret: pw2 },
    // Config files write the string bare.
    { code: `ConnectionStrings__Default=Server=sql.prod.test;Database=app;User Id=app;Password=${pw2}\n`, path: '.env', secret: pw2 },
  ],
});

// ARM templates build connection strings from parameters and keys looked up at deployment.
ruleTester(rule, {
  valid: [
    {
      name: 'ARM concat with parameters()',
      code: `"value": "[concat('Server=tcp:', parameters('sqlServerName'), '.database.windows.net,1433;Initial Catalog=', parameters('db'), ';User ID=', parameters('adminLogin'), ';Password=', parameters('adminPassword'), ';Encrypt=true;')]"`,
      path: 'azuredeploy.json',
    },
    {
      name: 'ARM listKeys()',
      code: `"connectionString": "[concat('Server=', variables('host'), ';Database=app;User Id=app;Password=',listKeys(resourceId('Microsoft.Cache/Redis', variables('cache')), '2020-06-01').primaryKey, ';')]"`,
      path: 'template.json',
    },
    { name: 'whole value an expression', code: `"cs": "Server=db;Database=app;User ID=app;Password=[parameters('dbPassword')];"`, path: 'main.json' },
    { name: 'format()', code: `"[format('Server={0};Database=app;User ID=app;Password={1};', variables('server'), parameters('pw'))]"`, path: 'main.json' },
  ],
  invalid: [
    {
      name: 'a literal inside an ARM expression is still committed',
      code: `"value": "[concat('Server=tcp:', parameters('sqlServerName'), ';Database=app;User ID=app;Password=${rand(14, undefined, 'arm-literal')};')]"`,
      count: 1,
      path: 'azuredeploy.json',
    },
  ],
});

describe('secrets/ado-connection-string confidence', () => {
  it('is low for a session store on this machine or a one-word password', () => {
    const f = runRule(rule, { code: cat('; - redis: network=tcp,addr=:6379,password=', 'maca', 'ron,db=0,pool_size=100'), path: 'conf/app.ini' });
    expect(f.map((x) => x.confidence)).toEqual(['low']);
    const g = runRule(rule, { code: `Server=sql.prod.corp;Database=app;User ID=app;Password=${pw};`, path: 'app.config' });
    expect(g.map((x) => x.confidence ?? 'high')).toEqual(['high']);
  });
});
