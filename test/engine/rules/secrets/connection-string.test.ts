import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/secrets/connection-string.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { cat, rand } from '../../../helpers/tokens.js';

const pw = rand(20, undefined, 'db');
const pw2 = cat('N0t-', rand(10, undefined, 'pw2'), '!x');
const withAt = cat('Qx7', '@', rand(9, undefined, 'at'));

ruleTester(rule, {
  valid: [
    // An `@` in the path (an index name), and a password with an escape sequence in a test of escaping.
    '            "opensearch://localhost:9200/my@index?operation=SEARCH",',
    '            "postgresql://user:pass\\tword@host:5432/testdb",',
    // Anonymous FTP (the password is an e-mail address by convention); a test's regular expression.
    'url = "ftp://anonymous:me%40example.org@gdc.cddis.eosdis.nasa.gov/pub/data"',
    're := `^postgresql://some-user-name:[^@]+@hippo2-primary.ns.svc:5432/db$`',
    'engine = create_engine("postgresql+psycopg2://app:${DB_PASSWORD}@db/app")',
    'engine = create_engine("sqlite+pysqlite:///:memory:")',
    // Placeholders, templates, masks, empty and repeated-user passwords.
    'DATABASE_URL=postgres://user:password@db.prod.internal:5432/app',
    'mongodb://username:password@cluster0.mongodb.net/test',
    'redis://:pass@cache.internal:6379',
    'const MYSQL_TEMPLATE = "mysql://user:${PASSWORD}@example.com:3306/db";',
    'const PG = "postgresql://{username}:{password}@{{host}}:5432/{database}";',
    'DB_URL = postgres://$(PGUSER):$(PGPASSWORD)@$(PGHOST)/$(PGDATABASE)',
    'amqp://guest:<password>@rabbit:5672/',
    'postgres://app:****@db:5432/app',
    'postgres://app:@db:5432/app',
    'mongodb://mongodb:mongodb@localhost:27017/database',
    'postgres://postgres:postgres@localhost:5432/database',
    'mysql://admin:REPLACE_WITH_PASSWORD@mysql.server.com:3306/database',
    'mongodb://YOUR_USERNAME:YOUR_PASSWORD@cluster.mongodb.net/test',
    'postgres="postgres://postgres@${POSTGRES_HOST:-localhost}:${POSTGRES_PORT:-5432}/$dbname"',
    // No credentials at all.
    'const MONGO_NO_AUTH = "mongodb://localhost:27017/database";',
    'jdbc:postgresql://localhost:5432/postgres',
    'jdbc:sqlserver://localhost:1433;databaseName=AdventureWorks',
    'jdbc:sqlserver://x.x.x.x:1433;databaseName=MY-DB;user=MY-USER;password=MY-PASSWORD;encrypt=false',
    '?ostgres://sN19x:@1.2.3.4:5432',
    // http(s) is basic-auth-url's job.
    `https://deploy:${pw}@registry.internal.test/`,
  ],
  invalid: [
    { name: 'SQLAlchemy URL with a driver', code: `engine = create_engine("postgresql+psycopg2://app:${pw}@db.internal/app")`, secret: pw, path: 'db.py' },
    { code: `SQLALCHEMY_DATABASE_URI = 'mysql+pymysql://app:${pw}@db:3306/app?charset=utf8mb4'`, secret: pw, path: 'config.py' },
    { code: `url = "mssql+pyodbc://sa:${pw}@dsn_name"`, secret: pw, path: 'settings.py' },
    { code: `DATABASE_URL=postgres://app:${pw}@db.prod.internal:5432/app`, secret: pw, count: 1, line: 1, path: '.env' },
    { code: `const uri = "mongodb+srv://svc:${pw2}@cluster0.ab1cd.mongodb.net/prod?retryWrites=true";`, secret: pw2 },
    { name: 'password containing @', code: `mongodb://app:${withAt}@cluster0.mongodb.net/db`, secret: withAt },
    { code: `REDIS_URL: rediss://default:${pw}@cache.prod.internal:6380/0`, secret: pw, path: 'values.yaml' },
    // dj-database-url's and Rails' spatial and vendor schemes.
    { code: `DATABASE_URL="postgis://geo:${withAt}@db.prod.internal:5432/gis"`, secret: withAt, path: '.env' },
    { code: `database_url: pgsql://app:${pw}@pg.prod.internal/app`, secret: pw, path: 'config.yml' },
    { code: `TIMESCALE_URL=timescale://tsdb:${pw}@ts.prod.internal:5432/metrics`, secret: pw, path: '.env' },
    { code: `amqps://orders:${pw}@mq.prod.internal:5671/vhost`, secret: pw },
    { code: `spring.datasource.url=jdbc:mysql://app:${pw}@db.prod.internal:3306/shop`, secret: pw },
    { code: `jdbc:sqlserver://sql.prod.internal:1433;databaseName=app;user=sa;password=${pw}`, secret: pw },
    { code: `jdbc:mysql://db.prod.internal:3307/app?user=admin&password=${pw}&ssl=true`, secret: pw },
    { code: `url: jdbc:oracle:thin:scott/${pw}@//ora.prod.internal:1521/ORCL`, secret: pw },
    { code: `LDAP_URL=ldaps://cn=admin,dc=corp,dc=test:${pw}@ldap.corp.test:636`, secret: pw },
    { code: `smtp://mailer:${pw}@smtp.mailgun.org:587`, secret: pw },
    { code: `sftp://deploy:${pw}@files.partner.test/incoming`, secret: pw },
    { code: `mssql://sa:${pw}@sql.prod.internal:1433/app`, secret: pw },
    { name: 'percent-encoded password', code: `mongodb://reader:D1ff${rand(6, undefined, 'pe')}%40ssw0rd@mongo0.prod.test:27017`, count: 1 },
    { name: 'local default kept (low confidence)', code: `postgres://app:${pw}@localhost:5432/app`, secret: pw },
    { name: 'two URIs on a line', code: `a=postgres://a:${pw}@h1.test/x b=mysql://b:${pw2}@h2.test/y`, count: 2 },
  ],
});

describe('secrets/connection-string confidence', () => {
  it('keeps local and sample-looking passwords at low confidence', () => {
    expect(runRule(rule, { code: `postgres://app:${pw}@localhost:5432/app` })[0]!.confidence).toBe('low');
    expect(runRule(rule, { code: `postgres://app:${cat('sec', 'ret123')}@db.prod.test/app` })[0]!.confidence).toBe('low');
    // five characters or fewer once decoded (a URI parser's test: `p%2Fss`)
    expect(runRule(rule, { code: `snowflake://user%40example:${cat('p%2F', 'ss')}@acme.snowflakecomputing.com/db` })[0]!.confidence).toBe('low');
    // lower-case words joined by `_` (a URI parser's test: `?password=query_secret`)
    expect(runRule(rule, { code: `snowflake://svc@acme.snowflakecomputing.com/db?password=${cat('query', '_secret')}&role=analyst` })[0]!.confidence).toBe('low');
    expect(runRule(rule, { code: `postgres://app:${pw}@db.prod.acme-corp.net/app` })[0]!.confidence).toBe('high');
    // A parser test's sample with the characters it tests, Oracle's demo password in SQLAlchemy's guides.
    for (const url of [`postgresql://us%40r:${cat('p%40', 'ss')}@h%40st1/db`, `postgres://u:${cat('pa:', 'ss')}@db.corp.test/x`, `mssql+pyodbc://scott:${cat('tiger^', '5HHH')}@mssql2017:1433/test`])
      expect(runRule(rule, { code: `dsn = "${url}"`, path: 'tests/test_connect.py' })[0]?.confidence ?? 'none', url).not.toBe('high');
    // A phrase in lower-case letters (`itworkslocally`): chosen by a person for a compose stack's database.
    expect(runRule(rule, { code: `DB_URL: postgres://airtrail:${cat('itworks', 'locally')}@airtrail_postgres_1:5432/airtrail`, path: 'docker-compose.yml' })[0]!.confidence).toBe('low');
  });
});
