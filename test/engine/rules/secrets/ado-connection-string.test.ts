import rule from '../../../../src/engine/rules/secrets/ado-connection-string.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { cat, rand } from '../../../helpers/tokens.js';

const pw = cat(rand(12, undefined, 'ado'), '!9');
const pw2 = rand(24, undefined, 'ado2');

ruleTester(rule, {
  valid: [
    'Server=myServerAddress;Database=myDataBase;Uid=myUsername;Pwd=myPassword;',
    'Host=your_host; Port=5432; Database=your_database; Username=your_username; Password=your_password;',
    'Server=tcp:sql.test,1433;Database=app;User ID=app;Password=${DB_PASSWORD};',
    'Server=sql.test;Database=app;User Id=app;Password={password};',
    'Server=sql.test;Database=app;User Id=app;Password=*****;',
    'Server=sql.test;Database=app;Integrated Security=true;',
    'password=hunter2', // a lone key=value: left to the generic rules
    'if (password == confirm) { return; }',
    'Data Source=db.test;Initial Catalog=app;Password=%s;',
    // Inside a jdbc URL: connection-string reports it.
    `jdbc:sqlserver://sql.test:1433;databaseName=app;user=sa;password=${pw}`,
  ],
  invalid: [
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
