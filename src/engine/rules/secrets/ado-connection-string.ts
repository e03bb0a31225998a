import type { FileView, RawFinding, Rule } from '../../rule.js';
import { DEFAULT_SECRET_REMEDIATION, SECRET_CONTROLS } from './define.js';
import { isPlaceholderPassword, isTemplated } from './lib/credential-values.js';
import { isLocalHost, isSampleUrlPassword } from './lib/url-credentials.js';

// `Password=…` / `Pwd=…` as one `key=value` pair among others, quoted, braced (ODBC) or bare.
// `=` alone: Erlang's and Ruby's `password => <<"p">>` maps are not a connection string's pairs.
const PASSWORD_PAIR = /(?<![\w.-])(?:password|pwd)[ \t]*=(?!>)[ \t]*(?<value>'[^'\r\n]{1,128}'|"[^"\r\n]{1,128}"|\{[^}\r\n]{1,128}\}|[^;,'"`\r\n]{1,128})/gi;
// Other keys of ADO.NET, ODBC, OLE DB, Npgsql and StackExchange.Redis connection strings.
const OTHER_KEY =
  /(?:^|[;,"'\s])(?:server|data source|datasource|host|hostname|address|addr|network address|user id|userid|uid|user|username|user name|database|initial catalog|dsn|driver|provider|port|integrated security|trusted_connection|encrypt|sslmode|ssl|abortconnect|persist security info|multipleactiveresultsets|accountname|servicename|protocol|connect timeout|timeout)[ \t]*=/i;
// `"[concat(` / `"[format(` opening an ARM template expression, and the functions that look values up.
/** The keys that say what a connection string connects to. */
const TARGET_KEY =
  /(?:^|[;,"'\s])(?:server|data source|datasource|host|hostname|address|addr|network address|database|initial catalog|dsn|driver|provider|port|accountname|servicename|endpoint|fqdn|url|uri)[ \t]*=/i;
const ARM_EXPRESSION = /["']\[\s*(?:concat|format|replace|string|if|base64|uri)\s*\(/i;
const ARM_FUNCTION = /^\W{0,4}(?:parameters|variables|listKeys|listkeys|listConnectionStrings|listSecrets|listCredentials|reference|resourceId|concat|format|secret|getSecret)\s*\(/i;
const HOST_KEY = /(?:server|data source|datasource|host|hostname|address|addr)[ \t]*=[ \t]*(?:tcp:)?([^;,\s"']+)/i;
/** Source files: a connection string there is a string literal (config files write it bare). */
const CODE_FILE = /\.(?:jsonnet|libsonnet|bzl|star|py|pyw|js|jsx|mjs|cjs|ts|tsx|java|kt|kts|scala|groovy|cs|vb|fs|go|rb|php|swift|rs|c|cc|cpp|cxx|h|hpp|m|mm|dart|lua|pl|pm|r|jl|ex|exs)$/i;

/**
 * Whether offset `at` of `text` is a call's argument: inside a `(` opened on its line or the lines just
 * before, in the same context — outside any string literal in code (a `Credential(…)` call with
 * `username` and `password` keyword arguments, a `client.db(` whose arguments follow on the next line),
 * or inside the same string (a template's `"{{ query(…, username='john', password=…) }}"`): keyword
 * arguments, not a connection string, which code writes as a string and which opens no bracket it does
 * not close (`Data Source=(localdb)\\v11;…`). Quotes are read per line (strings rarely span lines),
 * brackets outside them across lines. Text longer than the reach (minified code) is not read: false.
 */
function isCallArgument(text: string, at: number, code: boolean): boolean {
  const min = Math.max(0, at - STRING_REACH);
  let from = at;
  let lines = 0;
  while (from > min) {
    if (text.charCodeAt(from - 1) === 10 && ++lines > CALL_LINES) break;
    from--;
  }
  if (from === min && min > 0 && text.charCodeAt(min - 1) !== 10) return false;
  let open = 0; // the quote character of the string we are in, or 0
  let nested = 0; // inside that string, the quote of a literal of the expression it holds (ARM's `'…'`)
  let depth = 0; // brackets open outside strings
  let inner = 0; // brackets open inside the current string, outside its nested literals
  for (let i = from; i < at; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) open = nested = 0;
    else if (c === 92 /* backslash */) i++;
    else if (nested !== 0) {
      if (c === nested) nested = 0;
    } else if (open !== 0) {
      if (c === open) open = 0;
      else if (c === 34 || c === 39 || c === 96) nested = c;
      else if (c === 40) inner++;
      else if (c === 41 && inner > 0) inner--;
    } else if (c === 34 || c === 39 || c === 96) {
      open = c;
      inner = 0;
    } else if (c === 40) depth++;
    else if (c === 41 && depth > 0) depth--;
  }
  // Outside strings, only code has calls (a config file's bare line may follow a `(` of prose); inside a
  // literal of an expression (`[concat('…;Password=…')]`) the text is the literal's.
  if (nested !== 0) return false;
  return open === 0 ? code && depth > 0 : inner > 0;
}
/** Lines before the match where the call's `(` may be. */
const CALL_LINES = 3;
const STRING_REACH = 2_000;

/**
 * `Password=`/`Pwd=` inside an ADO.NET, ODBC, OLE DB, Npgsql or Redis (StackExchange) connection string:
 * `Server=sql.prod;Database=app;User ID=app;Password=…;`. The line must look like a connection string
 * (`;`/`,` separated pairs with another known key), so a lone `password=` is left to the generic rules.
 */
const rule: Rule = {
  meta: {
    id: 'secrets/ado-connection-string',
    family: 'secrets',
    severity: 'high',
    confidence: 'high',
    description: 'Password in an ADO.NET / ODBC style key=value connection string',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'The database server named by Server / Data Source / Host',
      url: 'https://learn.microsoft.com/sql/relational-databases/security/authentication-access/change-a-password',
      steps: [
        "Change the login's password on the server (ALTER LOGIN … WITH PASSWORD, or the cloud console for Azure SQL / RDS).",
        "Review the server's login audit for that user since the commit.",
        'Move the connection string to a secret store (Key Vault, user secrets, CI secrets) or switch to integrated / managed-identity authentication.',
      ],
    },
  },
  keywords: ['password', 'pwd'],
  scope: 'line',
  check(file: FileView): RawFinding[] {
    const out: RawFinding[] = [];
    const code = CODE_FILE.test(file.path);
    for (const seg of file.segments) {
      if (!/[;,]/.test(seg.text)) continue;
      PASSWORD_PAIR.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = PASSWORD_PAIR.exec(seg.text)) !== null) {
        const raw = m.groups!.value!;
        const before = seg.text.slice(Math.max(0, m.index - 300), m.index);
        const after = seg.text.slice(m.index + m[0].length, m.index + m[0].length + 300);
        // Needs a separator next to it and another connection-string key nearby.
        if (!/[;,]\s*$/.test(before) && !/^\s*[;,]/.test(after)) continue;
        if (!OTHER_KEY.test(before) && !OTHER_KEY.test(after)) continue;
        // Pairs joined by commas alone (`Username=Morty, Password=…`, a log line, a help text's example) are a
        // connection string only when they name what to connect to (StackExchange.Redis writes
        // `host:6379,password=…,ssl=True`; a user and a password alone reach nothing).
        if (!/;\s*$/.test(before) && !/^\s*;/.test(after) && !TARGET_KEY.test(before) && !TARGET_KEY.test(after) && !/[\w.-]+:\d{2,5}\s*,[^,]*$/.test(before)) continue;
        if (/[a-z][\w+.:-]*:\/\/[^\s"'`]*$/i.test(before)) continue; // a URL parameter: connection-string reports it
        // `&amp;password=` in HTML, or a Swift interpolation (`password=\(getEncryptedPass())`): the `;` is an
        // entity's, the pairs a form body's or a URL query's, and the value code.
        if (/&amp;\s*$/i.test(before) || raw.startsWith('\\(')) continue;
        // SQL's bound parameters (`… AND password = ? LIMIT 1`, `password = :pw`, `= $1`, `= @pw`, `= %s`): a query, no value.
        if (/^(?:\?|:[A-Za-z_]\w*|\$\d+|@[A-Za-z_]\w*|%s)(?:\s|$)/.test(raw.trim() + ' ')) continue;
        // sudo's log line (`TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=…`): PWD is the working directory.
        if (/^pwd/i.test(m[0]) && (/^[/~]/.test(raw) || /\bTTY=[^;]*;\s*$/.test(before))) continue;
        if (isCallArgument(file.text, seg.offset + m.index, code)) continue;
        // An inline table of a configuration language (NATS', HCL's, Lua's, TOML's `{ user = "…", password = "…" }`):
        // quoted values after ` = ` and no `;` are a map's fields; a connection string is one string of pairs.
        if (/^['"]/.test(raw) && /\s=\s*$/.test(m[0].slice(0, m[0].length - raw.length)) && !before.includes(';') && /[{,][ \t]*[\w-]+[ \t]+=[ \t]*["']/.test(before)) continue;
        // An ARM template expression builds the string from parameters and keys looked up at deploy
        // time (`[concat('…;Password=', parameters('pw'))]`, `listKeys(…)`): nothing literal is committed.
        // A literal inside such an expression is still committed, so only a value that is itself a
        // function, or the string's end followed by one, is skipped.
        if (ARM_FUNCTION.test(raw) || (ARM_EXPRESSION.test(before.slice(-300)) && /^'\s*,/.test(raw + after))) continue;
        // A template (`Pwd={{ my_pass }}`, Ansible's), read before ODBC's `{…}` quoting is taken off.
        // SQL (`password=ENCRYPT(oldpass, salt)` in a WHERE clause) calls a function: no literal.
        if (isTemplated(raw) || raw.startsWith('{{') || /^[A-Za-z_][\w.]*\(/.test(raw)) continue;
        const quoted = /^['"{]/.test(raw);
        // Code that reads a field (`let password = passwordField?.text,` in Swift, `pwd = cfg.get('pwd'),`): an
        // expression, no literal; a connection string in code is a string.
        if (code && !quoted && /^[A-Za-z_$][\w$]*(?:(?:[?!]?\.[A-Za-z_$][\w$]*)+(?:\([^()]*\))?|\([^()]*\))\s*$/.test(raw.replace(/\s+-.*$/s, ''))) continue;
        // A bare value ends where a command line's next flag starts (`…,password=admin --no-wait`).
        const value = quoted ? raw.slice(1, -1) : raw.replace(/\s+-.*$/s, '').trimEnd();
        // Prose (`Username=100, Password=101. Card: CardholderName=300` in a schema's description): another
        // key inside an unquoted value, or a small number.
        if (isPlaceholderPassword(value) || isTemplated(value) || /^\d{1,5}\.?$/.test(value) || (!quoted && /\s\S+[:=]/.test(value))) continue;
        // Prose about the keys (a changelog's `When user= without password= is in database connect string,`): words.
        if (!quoted && /^[A-Za-z]+(?: [A-Za-z]+){2,}$/.test(value)) continue;
        // A directory (sudo's log line `TTY=pts/0 ; PWD=/home/deploy ; USER=root ; COMMAND=…`: `PWD` is the working directory).
        if (/^~?\/(?:[\w.@-]+\/?)*$/.test(value) && /[A-Za-z]{3}/.test(value)) continue;
        const start = seg.offset + m.index + m[0].length - raw.length + (quoted ? 1 : 0);
        const host = HOST_KEY.exec(before + after)?.[1];
        // `addr=:6379`: no host is this machine. A one-word or self-describing password is a sample as often.
        const local = host !== undefined && (host.startsWith(':') || isLocalHost(host));
        const sample = isSampleUrlPassword(value);
        out.push({
          start,
          end: start + value.length,
          secret: value,
          message: `Connection string with a literal password${local ? ' (local host: verify it is not reused elsewhere)' : ''}.`,
          ...(local ? { confidence: 'low' as const, severity: 'medium' as const } : sample ? { confidence: 'low' as const } : {}),
        });
      }
    }
    return out;
  },
};

export default rule;
