import type { FileView, RawFinding, Rule } from '../../rule.js';
import { DEFAULT_SECRET_REMEDIATION, SECRET_CONTROLS } from './define.js';
import { isLocalHost, isRealUrlPassword, isSampleUrlPassword, percentDecode, USERINFO } from './lib/url-credentials.js';
import { isPlaceholderPassword } from './lib/credential-values.js';

// Database, broker, directory, mail and file-transfer schemes. http(s) has its own rule (basic-auth-url).
// With dj-database-url's and Rails' spatial and vendor names (`postgis://`, `pgsql://`, `mysqlgis://`, `timescale://`).
const SCHEMES =
  'jdbc:[a-z][\\w+.-]{0,30}(?::[a-z][\\w+.-]{0,30}){0,2}|postgres(?:ql)?|postgis|pgsql|timescale(?:gis)?|cockroach|mysql(?:x|2|gis)?|mariadb|mongodb(?:\\+srv)?|rediss?|amqps?|mssql|sqlserver|ldaps?|smtps?|s?ftps?|imaps?|pop3s?|oracle|clickhouse|cockroachdb|couchdbs?|neo4j(?:\\+s|\\+ssc)?|bolt(?:\\+s)?|nats|memcached?|cassandra|influxdbs?|snowflake|db2|redshift|presto|trino|hive2?|mqtts?|kafka|elasticsearch|opensearch|ssh|svn\\+ssh|telnet|vnc';

// SQLAlchemy names the driver after a `+` (`postgresql+psycopg2://`, `mysql+pymysql://`, `mssql+pyodbc://`).
const DRIVER = '(?:\\+[a-z][\\w]{1,20})?';
const USERINFO_URL = new RegExp(`(?<![\\w+.-])(?<scheme>(?:${SCHEMES})${DRIVER}):\\/\\/${USERINFO}`, 'gi');
// `jdbc:sqlserver://h;user=sa;password=…`, `mysql://h/db?user=u&password=…`.
const PARAM_URL = new RegExp(`(?<![\\w+.-])(?<scheme>(?:${SCHEMES})${DRIVER}):\\/\\/[^\\s"'<>\`]{0,512}?[;?&](?:password|pwd|pass)=(?<pass>[^;&\\s"'<>\`]{1,256})`, 'gi');
// `jdbc:oracle:thin:<user>/<password>@//host:1521/svc`
const ORACLE = /(?<![\w.-])jdbc:oracle:[a-z]+:(?<user>[\w$#]{1,64})\/(?<pass>[^@\s"'<>`]{1,128})@(?<host>[\w.[\]:/-]{1,253})/gi;

const KIND: Array<[RegExp, string]> = [
  [/postgres/i, 'PostgreSQL'],
  [/mysql|mariadb/i, 'MySQL/MariaDB'],
  [/mongodb/i, 'MongoDB'],
  [/redis/i, 'Redis'],
  [/amqp/i, 'AMQP (RabbitMQ)'],
  [/mssql|sqlserver/i, 'SQL Server'],
  [/ldap/i, 'LDAP'],
  [/smtp|imap|pop3/i, 'mail server'],
  [/ftp/i, 'FTP/SFTP'],
  [/oracle/i, 'Oracle'],
  [/jdbc/i, 'JDBC'],
];
const kindOf = (scheme: string): string => KIND.find(([re]) => re.test(scheme))?.[1] ?? scheme.toLowerCase();

/**
 * A password embedded in a database / broker / directory / mail / FTP connection URI:
 * `postgres://app:…@db.prod:5432/app`, `mongodb+srv://…`, `jdbc:mysql://…?password=…`, `ldaps://cn=…:…@…`.
 * Placeholders (`user:password@`, `:pass@`, `${DB_PASS}`, `<password>`, `****`, `user:user@`) are skipped;
 * local hosts (localhost, 127.0.0.1, docker service names, `*.local`, example.com) stay flagged at low
 * confidence, because dev defaults are often reused in production and the URI shape is unambiguous.
 */
const rule: Rule = {
  meta: {
    id: 'secrets/connection-string',
    family: 'secrets',
    severity: 'high',
    confidence: 'high',
    description: 'Password embedded in a database, broker, LDAP, mail or FTP connection string',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'The database / broker / directory server named in the connection string',
      steps: [
        "Change the password of the user in the connection string on that server (ALTER USER / ALTER ROLE, the broker's user admin, the directory's bind account).",
        "Review the server's connection and audit logs for logins by that user since the commit.",
        'If the account is shared, rotate it everywhere it is used; prefer one account per service with least privilege.',
        'Build the connection string at run time from a secret store or CI secret (or use IAM / managed identity authentication).',
      ],
    },
  },
  keywords: [
    'postgres',
    'postgis',
    'pgsql',
    'timescale',
    'cockroach',
    'mysql',
    'mariadb',
    'mongodb',
    'redis',
    'amqp',
    'mssql',
    'sqlserver',
    'jdbc:',
    'ldap',
    'smtp',
    'ftp',
    'imap',
    'pop3',
    'oracle',
    'clickhouse',
    'cockroachdb',
    'couchdb',
    'neo4j',
    'bolt',
    'nats://',
    'memcache',
    'cassandra',
    'influxdb',
    'snowflake',
    'db2://',
    'redshift',
    'presto',
    'trino',
    'hive',
    'mqtt',
    'kafka',
    'elasticsearch',
    'opensearch',
    'ssh://',
    'svn+ssh',
    'telnet',
    'vnc://',
  ],
  scope: 'line',
  check(file: FileView): RawFinding[] {
    const out: RawFinding[] = [];
    const seen = new Set<number>();
    const report = (start: number, pass: string, scheme: string, host: string | undefined): void => {
      if (seen.has(start)) return;
      seen.add(start);
      // Local hosts and one-word or self-describing passwords are often samples: keep them, quietly.
      const local = (host !== undefined && isLocalHost(host)) || isSampleUrlPassword(pass);
      out.push({
        start,
        end: start + pass.length,
        secret: pass,
        message: `${kindOf(scheme)} connection string with an embedded password${local ? ' (local host or simple password: verify it is not a real one reused elsewhere)' : ''}.`,
        ...(local ? { confidence: 'low' as const, severity: 'medium' as const } : {}),
      });
    };
    for (const seg of file.segments) {
      for (const re of [USERINFO_URL, ORACLE]) {
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(seg.text)) !== null) {
          const { user = '', pass = '', host = '' } = m.groups!;
          const scheme = m.groups!.scheme ?? 'jdbc:oracle';
          if (!isRealUrlPassword(pass, user)) continue;
          // A `/` ends the authority (`opensearch://localhost:9200/my@index`: an `@` in the path), and an escape
          // sequence in the password (`user:pass\tword@host`) is a test of escaping.
          if (pass.includes('/') || /\\[tnr]/.test(pass)) continue;
          const at = m.index + m[0].lastIndexOf(`${pass}@${host}`);
          report(seg.offset + at, pass, scheme, host);
        }
      }
      PARAM_URL.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = PARAM_URL.exec(seg.text)) !== null) {
        const pass = m.groups!.pass!.replace(/\.{3}$/, '');
        if (isPlaceholderPassword(percentDecode(pass), undefined, false)) continue;
        const host = /:\/\/(?:[^@/]*@)?([^/;?:]+)/.exec(m[0])?.[1];
        report(seg.offset + m.index + m[0].length - m.groups!.pass!.length, pass, m.groups!.scheme!, host);
      }
    }
    return out;
  },
};

export default rule;
