/**
 * Finds `name <op> value` pairs across the syntaxes credentials are written in: code (JS/TS, Python, Go,
 * Java, C#, Ruby, PHP, Kotlin), shell and env files, YAML, JSON, properties/INI, HCL, Makefiles, XML
 * elements and `key="…" value="…"` attributes, setter calls and `System.setProperty("X", "…")`.
 * The caller judges the name (secret-names.ts) and the value (credential-values.ts).
 */

export interface Assignment {
  name: string;
  /** The name was a string literal (`"password": …`, `["password"] = …`, `("API_TOKEN", …)`). */
  nameQuoted: boolean;
  op: string;
  /** The value without its quotes. */
  value: string;
  /** The quote character around the value, `>` for XML element text, or '' when unquoted. */
  quote: string;
  /** Offsets of `value` (without quotes) in the scanned text. */
  start: number;
  end: number;
  /** The character right after the value (and its closing quote): `(` means a call, `[` an index. */
  next: string;
  /** A type annotation sat between name and `=` (`token: string = "…"`). */
  typed: boolean;
  /** With `A B = v` either word may be the name (`var token string`, `char secret[25]`): this is B. */
  altName?: string;
  /**
   * How it was written: `assign` (the general `name <op> value`), `xml` (element text), `attr`
   * (`key="…" value="…"`), `compare` (`"…" === name`), or `statement` (a statement of its own that
   * says what the value is: `#define`, SQL `IDENTIFIED BY`, a header directive, `--flag value`, the
   * prose `API key: …`), where an unquoted value is a literal.
   */
  form: 'assign' | 'xml' | 'attr' | 'compare' | 'statement';
  /** No operator marks it a value (`API key  aB3…` on a line of its own): taken only when random beyond doubt. */
  strict?: true;
}

// Bounded quantifiers and disjoint alternations only: rules run on adversarial minified lines. Up to 40
// blanks around the operator: aligned code (`fbApiKey:            "…"`, gofmt's `=` columns).
const ASSIGN = new RegExp(
  // Not inside `obj.name` (the name starts at `obj`), but after `).`, `].` or a leading `.` (builders).
  // Not after a backslash, except right after a `\n`/`\t`/`\r`/`\u0026` escape: in `"host: db\npassword: …"`
  // the name is `password`, not `npassword`.
  String.raw`(?:(?<=\\[nrt]|\\u[0-9a-fA-F]{4})|(?<![\w$@\\]))(?<![\w$]\.)(?<nq>["'` +
    '`' +
    // A name may start with digits before a letter (`8X8_API_KEY`, `2captcha_key`), not be a number.
    String.raw`]?)(?<name>(?:\$env:|[$@:])?(?:[A-Za-z_]|\d{1,8}[A-Za-z_])[\w.\-\u00f1\u00d1]{0,80})\k<nq>(?:\[\d{0,4}\])?[\]'"]{0,2}[ \t]{0,40}` +
    // A type between name and `=`: `: string`, Go's ` string`, Rust's `: &'static str`; a blank before the
    // `=`, as every formatter writes it (YAML's `fastly_token: tbo=4rnv…` is a value, not `tbo`-typed).
    String.raw`(?:(?<type>(?::[ \t]{0,4}(?:&(?:'[A-Za-z_]\w{0,20}[ \t]{1,4})?)?|[ \t]{1,4})[A-Za-z_][\w.\[\]<>?*]{0,40})[ \t]{1,4}(?==[^=>~]))?` +
    String.raw`(?<op>:{1,3}=|\?\?=|\|\|=|[.?+]=|=>|={1,3}|!==?|:|,|\()[ \t]{0,40}@?` +
    // A literal wrapped in a conversion (`String::from("…")`, `[]byte("…")`, `new String("…")`,
    // `std::string("…")`, `QStringLiteral("…")`), or with a string prefix (Python's `b"…"`, `r'…'`, C++'s `L"…"`).
    String.raw`(?:(?:new[ \t]{1,4})?(?:std::string|String::from|QStringLiteral|QLatin1String|QString|String|\[\]byte|Buffer\.from|SecretStr|SecretString)[ \t]{0,4}\([ \t]{0,4})?(?:(?:[bBrRuUfF]{1,2}|L|u8)(?=["']))?` +
    // Python's triple quotes on one line first: as `"…"` they would read as an empty string.
    String.raw`(?<value>"""(?:[^"\\\r\n]|\\.){1,600}"""|'''(?:[^'\\\r\n]|\\.){1,600}'''|"(?:[^"\\\r\n]|\\.){0,600}"|'(?:[^'\\\r\n]|\\.){0,600}'|` +
    // A parameter expansion with a default, unquoted: `${API_KEY:-…}` (shell, Compose).
    String.raw`\$\{[A-Za-z_][\w.-]{0,80}(?::?[-=]|:)[^\s{}"'\x60$]{1,300}\}|` +
    '`[^`\\r\\n]{0,600}`' +
    String.raw`|[^\s"'` +
    '`' +
    String.raw`,;()[\]{}\\<>]{1,600})`,
  'g',
);

const XML_ELEMENT = /<(?<name>[A-Za-z_][\w.:-]{0,60})(?:\s[^<>]{0,200})?>(?<value>[^<>\r\n]{1,600})<\/\k<name>>/g;
const XML_KEY_VALUE = /\b(?:key|name)\s*=\s*"(?<name>[^"<>]{1,80})"\s+value\s*=\s*"(?<value>[^"\r\n]{0,600})"/gi;
// An environment entry written as a pair: ECS task definitions and ARM app settings
// (`{"name": "API_TOKEN", "value": "…"}`), a YAML flow map (`{ name: API_TOKEN, value: … }`), and with
// `key`: Postman's collections and environments (`{"key": "token", "value": "…"}`), Insomnia's.
const NAME_VALUE_PAIR =
  /["']?\b(?:[Nn]ame|[Kk]ey)["']?[ \t]*:[ \t]*["']?(?<name>[A-Za-z_][\w.-]{0,80})["']?[ \t]*,[ \t]*["']?[Vv]alue["']?[ \t]*:[ \t]*(?<q>["'])(?<value>(?:[^"'\\\r\n]|\\.){1,600})\k<q>/g;
// A property list's `<key>ApiSecret</key><string>…</string>` (the next line: findNameValuePair).
const PLIST_PAIR = /<key>(?<name>[A-Za-z_][\w.-]{0,80})<\/key>[ \t]*<string>(?<value>[^<>\r\n]{1,600})<\/string>/g;
// Hadoop's configuration XML (core-site.xml, hive-site.xml, Spark's, Oozie's): `<name>fs.s3a.secret.key</name>
// <value>…</value>` in one `<property>` (the value on the next line: findNameValuePair).
const PROPERTY_PAIR = /<name>[ \t]*(?<name>[A-Za-z_][\w.-]{0,120})[ \t]*<\/name>[ \t]*<value>(?<value>[^<>\r\n]{1,600})<\/value>/g;
const COMPARE_REVERSED = /(?<q>["'])(?<value>[^"'\r\n]{1,200})\k<q>(?:\s{0,4}[!=]==?\s{0,4}|\.equals(?:IgnoreCase)?\()(?<name>[A-Za-z_$][\w.$]{0,80})/g;

const ASSIGN_AT = new RegExp(ASSIGN.source, 'y');

/**
 * `${NAME:-default}`, `${NAME-default}`, `${NAME:=default}` (shell, Compose) and `${name:default}` (Spring).
 * Not `${NAME:?message}`: the text after `:?` is the error shown when NAME is unset, not a value.
 */
const PARAMETER_DEFAULT = /^\$\{(?<name>[A-Za-z_][\w.-]{0,80})(?<op>:?[-=]|:(?!\?))(?<value>[^{}$\s]{1,300})\}$/;

/** The default of a parameter expansion that is the whole value, with its offset in the value. */
function parameterDefault(value: string): { name: string; value: string; offset: number } | undefined {
  const m = PARAMETER_DEFAULT.exec(value);
  if (!m) return undefined;
  const g = m.groups!;
  return { name: g.name!, value: g.value!, offset: 2 + g.name!.length + g.op!.length };
}

/**
 * All assignments in `text`; offsets are relative to `text` plus `base`. With `anchor` (a global
 * regex of credential words), only names that contain one are tried: the assignment pattern then runs
 * at a few positions per line instead of every one, which is most of a scan's cost on ordinary code.
 */
export function findAssignments(text: string, base = 0, anchor?: RegExp, statements: readonly StatementForm[] = STATEMENTS): Assignment[] {
  const out: Assignment[] = [];
  const re = anchor ? ASSIGN_AT : ASSIGN;
  const starts = anchor ? nameStarts(text, anchor) : undefined;
  let si = 0;
  re.lastIndex = starts ? (starts[0] ?? text.length + 1) : 0;
  let m: RegExpExecArray | null;
  for (;;) {
    m = re.lastIndex <= text.length ? re.exec(text) : null;
    if (starts && m === null) {
      // Sticky miss (which resets lastIndex): go on at the next name start.
      si++;
      if (si >= starts.length) break;
      re.lastIndex = starts[si]!;
      continue;
    }
    if (m === null) break;
    const g = m.groups!;
    const raw = g.value!;
    const quote = /^["'`]/.test(raw) && raw.length >= 2 && raw.endsWith(raw[0]!) ? raw[0]! : '';
    // `"""…"""` and `'''…'''` have three quote characters each side.
    const q = quote && raw.length >= 6 && raw.startsWith(quote.repeat(3)) && raw.endsWith(quote.repeat(3)) ? 3 : quote ? 1 : 0;
    // An unquoted value in a query string or form body ends at the next `&name=`; a URL's query
    // parameter (`?token=…&V1`) at any `&` or `#`, which a query value cannot hold unescaped.
    const amp = quote ? -1 : isQueryParameter(text, m.index) ? raw.search(QUERY_END) : raw.search(QUERY_NEXT);
    const value = quote ? raw.slice(q, -q) : amp > 0 ? raw.slice(0, amp) : raw;
    const rawStart = m.index + m[0].length - raw.length;
    // `name (…)` with a space is prose or a keyword (`if (`), not a setter call.
    if (g.op === '(' && /\s\(\s*$/.test(m[0].slice(0, m[0].length - raw.length))) {
      if (starts) {
        while (si < starts.length && starts[si]! < Math.max(rawStart, m.index + 1)) si++;
        if (si >= starts.length) break;
        re.lastIndex = starts[si]!;
      } else re.lastIndex = rawStart;
      continue;
    }
    const start = rawStart + q;
    // `${API_KEY:-…}`, Spring's `${jwt.secret:…}`: the default is a literal written here, named by the
    // outer name or else the variable's own.
    const fallback = value.startsWith('${') ? parameterDefault(value) : undefined;
    if (fallback) {
      out.push({
        name: g.name!,
        altName: fallback.name,
        nameQuoted: g.nq !== '',
        op: '=',
        value: fallback.value,
        quote: '',
        start: base + start + fallback.offset,
        end: base + start + fallback.offset + fallback.value.length,
        next: '}',
        typed: false,
        form: 'statement',
      });
      // Past the expansion: its own `NAME:-…` is not another assignment.
      const after = rawStart + raw.length;
      if (starts) {
        while (si < starts.length && starts[si]! < after) si++;
        if (si >= starts.length) break;
        re.lastIndex = starts[si]!;
      } else re.lastIndex = after;
      continue;
    }
    const a: Assignment = {
      name: g.name!,
      nameQuoted: g.nq !== '',
      op: g.op!,
      value,
      quote,
      start: base + start,
      end: base + start + value.length,
      next: text.charAt(amp > 0 ? rawStart + amp : rawStart + raw.length),
      typed: g.type !== undefined,
      form: 'assign',
    };
    const alt = g.type && !g.type.trimStart().startsWith(':') ? /^[\s]*([A-Za-z_][\w.]*)/.exec(g.type)?.[1] : undefined;
    if (alt) a.altName = alt;
    out.push(a);
    // Re-scan from the value: it may itself hold `name: value`, or be the quoted name of a call's
    // second argument (`System.setProperty("API_TOKEN", "…")`).
    if (starts) {
      while (si < starts.length && starts[si]! < Math.max(rawStart, m.index + 1)) si++;
      if (si >= starts.length) break;
      re.lastIndex = starts[si]!;
    } else re.lastIndex = rawStart;
  }
  // Each form needs characters most lines lack: a cheap test first spares three regex passes per line.
  if (text.includes('</')) otherForms(text, base, XML_ELEMENT, 'xml', out);
  if (text.includes('"') && HAS_VALUE_WORD.test(text)) otherForms(text, base, XML_KEY_VALUE, 'attr', out);
  if ((text.includes('ame') || text.includes('ey')) && text.includes('alue')) otherForms(text, base, NAME_VALUE_PAIR, 'attr', out);
  if (text.includes('<key>')) otherForms(text, base, PLIST_PAIR, 'attr', out);
  if (text.includes('</name>')) otherForms(text, base, PROPERTY_PAIR, 'attr', out);
  if (text.includes('==') || text.includes('!=') || text.includes('.equals')) otherForms(text, base, COMPARE_REVERSED, 'compare', out);
  // Statements are written one per line in configuration, scripts and docs: a longer stretch is minified
  // code or data, where the general form above is enough.
  if (text.length <= STATEMENT_MAX_LINE) for (const f of statements) if (f.when(text)) statementForms(text, base, f, out);
  return out;
}

/** A test for any of `parts` in a line (built once: no array or closure per call). */
function anyOf(...parts: string[]): (line: string) => boolean {
  return (t) => {
    for (let i = 0; i < parts.length; i++) if (t.includes(parts[i]!)) return true;
    return false;
  };
}
const STATEMENT_MAX_LINE = 500;

export interface StatementForm {
  /**
   * A cheap test on the line first: most lines hold none of these. Plain substring searches: a regex
   * test per form on every line the generic rules see costs more than the forms themselves.
   */
  when: (line: string) => boolean;
  /** Global with `d`; groups `value`, optional `name` and `q` (the value's quote). */
  re: RegExp;
  /** The name when the statement implies it (`IDENTIFIED BY` sets a password). */
  name?: string;
  /** Where it is written (the file's path), when not everywhere: most lines of a scan are code. */
  files?: RegExp;
  /** Nothing but the name's place says this is a value: judged as a loose name's, random beyond doubt. */
  strict?: true;
}

// Kinds of files, by path.
const DOCS = String.raw`\.(?:md|markdown|mdx|txt|text|rst|adoc|asciidoc|org|wiki|textile|html?|ipynb)$|(?:^|\/)[^/.]+$`;
const SCRIPTS = String.raw`\.(?:sh|bash|zsh|ksh|fish|ps1|psm1|bat|cmd|ya?ml|toml|ini|cfg|conf|env|j2|tpl|tmpl|tf|hcl|groovy|gradle)$|(?:^|\/)(?:Dockerfile|Containerfile|Makefile|Jenkinsfile|Procfile|Vagrantfile)[^/]*$|\.(?:dockerfile|mk)$`;
/**
 * Keywords for the lines the forms below find without a credential word in them: calls that take a
 * password by position, and calls that take a signing key by position. The generic rules add them to
 * their own: a random password passed to `getConnection` is generic-secret's, a chosen one generic-password's.
 */
export const POSITIONAL_KEYWORDS: readonly string[] = [
  'basicauth',
  'basic_auth',
  'digestauth',
  'proxyauth',
  'networkcredential',
  'plainauth',
  'getconnection',
  '.login(',
  '.auth(',
  'auth=(',
  'auth = (',
  'pdo(',
  'mysqli',
  'mysql_connect(',
];
export const SIGNING_KEYWORDS: readonly string[] = ['jwt', 'hmac', 'signwith', 'signedstring'];
/**
 * Keywords for the statement forms below that name no credential word: a clear-text scheme (`{PLAIN}…`),
 * a `user:password` pair after HAProxy's `stats auth`, Squid's `login=`, in .curlrc (`user = "u:…"`) and
 * in a Postfix SASL map (`[smtp.example.com]:587 user:…`, by its port); SNMP communities and users,
 * ProFTPD's SQLConnectInfo. Both generic rules add them.
 */
export const PAIR_KEYWORDS: readonly string[] = [
  '{plain',
  '{clear',
  'stats auth',
  'login=',
  'user = "',
  'user="',
  'user "',
  '--user ',
  ':587 ',
  ':465 ',
  ':25 ',
  ':2525 ',
  // Net-SNMP's communities and SNMPv3 users, ProFTPD's SQLConnectInfo.
  'community',
  'com2sec',
  'createuser',
  'sqlconnectinfo',
];
/** A string literal after a comma: a later argument (the password) is one. */
const ARG_STRING = /,[ \t]*["']/;
/** A call the positional form knows, by the end of its name: the search stops at each `(` and looks behind. */
const POSITIONAL_CALL = /\((?<=(?:uth|cation|tionToken|ntials?|login|Connection|auth ?= ?|PDO|mysqli?(?:_connect)?)\()/;
const CODE = /\.(?:py|js|jsx|mjs|cjs|ts|tsx|java|kt|kts|scala|groovy|cs|vb|go|rb|php|swift|rs|cpp|cc|c|m)$/i;
/**
 * Files of directive syntaxes (`name value` per line): server configurations, Java properties, dot-rc
 * files. Not shell scripts or YAML, where such a line is a command or invalid.
 */
const DIRECTIVE_FILES = /\.(?:conf|cfg|cnf|properties)$|(?:^|\/)[._]?(?:wgetrc|curlrc|msmtprc|fetchmailrc|muttrc|lftprc)$/i;
const SQL_HOSTS = String.raw`\.(?:sql|ddl|dml|psql|pgsql|mysql|py|rb|php|java|kt|go|cs|rs|scala|pl|erl|ex|exs)$`;

// Statements that name what they set, each bounded (rules run on adversarial minified lines).
const STATEMENTS: StatementForm[] = [
  // C, C++, Objective-C: `#define API_KEY "…"`, `#define API_KEY @"…"`.
  {
    files: /\.(?:c|h|cc|cpp|cxx|c\+\+|hpp|hh|hxx|h\+\+|m|mm|ino|pch|inl|ipp|tpp)$/i,
    when: (t) => t.includes('define'),
    re: /^[ \t]*#[ \t]*define[ \t]+(?<name>[A-Za-z_]\w{0,80})[ \t]+(?:@|L|u8|u|U)?(?<q>")(?<value>(?:[^"\\\r\n]|\\.){1,600})"/dgm,
  },
  // SQL: `CREATE USER … IDENTIFIED BY '…'`, `ALTER ROLE … WITH PASSWORD '…'`, `CREATE LOGIN … WITH PASSWORD = '…'`, `SET PASSWORD FOR … = '…'`.
  {
    files: new RegExp(`${SQL_HOSTS}|${SCRIPTS}|${DOCS}`, 'i'),
    when: anyOf('IDENTIFIED', 'identified', ' USER ', ' ROLE ', ' LOGIN ', ' user ', ' role ', ' login ', 'SET PASSWORD', 'set password'),
    re: /\b(?:(?:CREATE|ALTER)[ \t]+(?:USER|ROLE|LOGIN)\b[^;'"\r\n]{0,200}?\b(?:(?:ENCRYPTED[ \t]+)?PASSWORD[ \t]*=?|IDENTIFIED[ \t]+(?:WITH[ \t]+[\w$]{1,40}[ \t]+)?BY(?:[ \t]+PASSWORD)?)|IDENTIFIED[ \t]+(?:WITH[ \t]+[\w$]{1,40}[ \t]+)?BY|SET[ \t]+PASSWORD[ \t]+(?:FOR[ \t]+[^=;\r\n]{1,100}?)?=[ \t]*(?:PASSWORD[ \t]*\()?)[ \t]*(?<q>['"])(?<value>[^'"\r\n]{1,200})\k<q>/dgi,
    name: 'password',
  },
  // XML element text named by an attribute: Java's `<entry key="api.key">…</entry>`, Android's `<string name="api_key">…</string>`.
  {
    files: /\.(?:xml|config|plist|xaml|resx|props|targets|[a-z]*proj|nuspec|jelly|xhtml|wsdl|svg|tmx|xlf|xliff)$/i,
    when: (t) => t.includes('</') && (t.includes('key') || t.includes('name')),
    re: /<(?<tag>[A-Za-z_][\w.:-]{0,60})[ \t][^<>]{0,200}?\b(?:key|name)[ \t]*=[ \t]*["'](?<name>[A-Za-z_][\w.:-]{0,80})["'][^<>]{0,200}>(?<value>[^<>\r\n]{1,600})<\/\k<tag>>/dg,
  },
  // Android Gradle: `buildConfigField "String", "API_KEY", "\"…\""`, `buildConfigField 'String', 'API_KEY', '"…"'`,
  // `resValue("string", "api_key", "…")`. In any file: the call names itself (a docs page, a CI script that writes it).
  {
    when: (t) => t.includes('buildConfigField') || t.includes('resValue'),
    re: /\b(?:buildConfigField|resValue)[ \t]*\(?[ \t]*["'][\w.]{1,40}["'][ \t]*,[ \t]*["'](?<name>[A-Za-z_][\w.]{0,80})["'][ \t]*,[ \t]*(?<q>["'])(?:\\?")?(?<value>[^"'\\\r\n]{1,600})(?:\\?")?\k<q>/dg,
  },
  // Web server directives that set a header or an environment variable: nginx's `proxy_set_header X-Api-Key "…";`,
  // `fastcgi_param DB_PASSWORD …;`, Apache's `RequestHeader set X-Api-Key "…"` and `SetEnv DB_PASSWORD …`.
  {
    files: new RegExp(String.raw`nginx|apache|httpd|\.htaccess$|\.(?:conf|vhost|site|inc|locations?)$|${SCRIPTS}|${DOCS}`, 'i'),
    when: anyOf('_header', '_param', 'Header ', 'SetEnv'),
    re: /(?<![\w-])(?:proxy_set_header|grpc_set_header|add_header|fastcgi_param|uwsgi_param|scgi_param|RequestHeader[ \t]+(?:set|add|append|setifempty)|Header[ \t]+(?:always[ \t]+)?(?:set|add|append)|SetEnv)[ \t]+["']?(?<name>[A-Za-z_][\w.-]{0,80})["']?[ \t]+(?<q>["']?)(?<value>[^\s"';]{1,600})\k<q>/dg,
  },
  // A fallback literal after a lookup: `process.env.API_KEY || '…'`, `os.environ.get("TOKEN") or "…"`, `?? "…"`.
  {
    when: anyOf('||', '??', ' or '),
    // The name in a lookbehind after the operator: the search stops at each operator, not at every
    // identifier of a minified line.
    re: /(?:\|\||\?\?|\bor\b)(?<=(?<name>[A-Za-z_][\w-]{0,80})["'`]?[ \t]*[\])]?[ \t]*(?:\|\||\?\?|or))[ \t]*(?<q>["'`])(?<value>[^"'`\\\r\n]{1,600})\k<q>/dg,
  },
  // A Dockerfile's legacy `ENV NAME value` (no `=`).
  { files: new RegExp(`${SCRIPTS}|${DOCS}`, 'i'), when: (t) => t.includes('ENV'), re: /^[ \t]*ENV[ \t]+(?<name>[A-Za-z_]\w{0,80})[ \t]+(?<q>["']?)(?<value>[^\s"'=]{1,600})\k<q>[ \t]*$/dgm },
  // A command-line flag and its value as the next argument: `mycli --api-key …`, `--client-secret "…"`.
  {
    // JSON too: package.json scripts.
    files: new RegExp(`${SCRIPTS}|${DOCS}|\\.json$`, 'i'),
    when: (t) => t.includes('--'),
    // Not `--password --database` (a flag that prompts for its value, then another flag), nor prose's `--password option,`.
    re: /(?<![\w-])--(?<name>[A-Za-z][\w-]{0,60})[ \t]+(?<q>["']?)(?<value>(?!-)[^\s"'`\\<>|;&(){}[\],]{1,600})\k<q>(?![^\s;&|)])/dg,
  },
  // Code inside a JSON string, its double quotes escaped: a notebook cell's `"api_key = \"…\"\n"`.
  {
    files: /\.(?:ipynb|json)$/i,
    when: (t) => t.includes('\\"'),
    // The search stops at each `\"` and looks behind it for the name (minified JSON has long lines).
    re: /\\(?<q>")(?<=(?<![\w$])(?<name>[A-Za-z_][\w.]{0,80})(?:\\?["'])?\]?[ \t]*(?:=|:|:=)[ \t]*\\")(?<value>[^"\\\r\n]{1,600})\\"/dg,
  },
  // A name and a quoted literal, the statement's only words: Groovy's command syntax (Gradle, Jenkins:
  // `password 'secret'`, `credentials { username 'u'; password 'p' }`), Ruby DSLs (Chef's `password "…"`,
  // a Vagrantfile's), and directive files (BIND's TSIG `secret "…";`, other `name "value";` configurations).
  {
    files: /\.(?:gradle|groovy|rb|rake|conf|cfg|cnf)$|(?:^|\/)(?:Jenkinsfile|Vagrantfile|Berksfile|Capfile)[^/]*$/i,
    when: anyOf("'", '"'),
    re: /(?:^|[{;])[ \t]*(?<name>[A-Za-z_]\w{0,60})[ \t]+(?<q>["'])(?<value>(?:[^"'\\\r\n]|\\.){1,600})\k<q>[ \t]*(?=$|[;}]|\/\/|#)/dgm,
  },
  // PowerShell parameters: `Connect-Thing -Password "…"`, `-ApiKey:'…'`.
  {
    files: /\.(?:ps1|psm1|psd1)$/i,
    when: (t) => t.includes(' -'),
    re: /(?<=[ \t])-(?<name>[A-Za-z][A-Za-z0-9]{1,60})(?::|[ \t]+)(?<q>["']?)(?<value>(?!-)[^\s"'`;|(){}]{1,600})\k<q>(?![^\s;|)])/dg,
  },
  // R: `api_key <- "…"`, `token <<- '…'`.
  {
    files: new RegExp(String.raw`\.(?:r|rmd|qmd|rprofile)$|(?:^|\/)\.Rprofile$|${DOCS}`, 'i'),
    when: (t) => t.includes('<-'),
    re: /(?<![\w.])(?<name>[A-Za-z_.][\w.]{0,80})[ \t]*<<?-[ \t]*(?<q>["'])(?<value>(?:[^"'\\\r\n]|\\.){1,600})\k<q>/dg,
  },
  // Visual Basic: `Dim password As String = "…"`, `Private Const ApiKey As String = "…"`.
  {
    files: /\.(?:vb|vbs|bas|cls|frm|vba|vbhtml)$/i,
    when: anyOf(' As ', ' as ', ' AS '),
    re: /\b(?<name>[A-Za-z_]\w{0,80})[ \t]+[Aa][Ss][ \t]+(?:[Nn]ew[ \t]+)?[Ss]tring[ \t]*=[ \t]*(?<q>")(?<value>[^"\r\n]{1,600})"/dg,
  },
  // Kotlin pairs: `mapOf("token" to "…")`.
  {
    files: /\.(?:kt|kts)$/i,
    when: (t) => t.includes(' to '),
    re: /(?<q0>["'])(?<name>[A-Za-z_][\w.-]{0,80})\k<q0>[ \t]+to[ \t]+(?<q>")(?<value>(?:[^"\\\r\n$]|\\.){1,600})"/dg,
  },
  // Clojure and EDN maps: `{:password "…"}`, `:db/password "…"`.
  {
    files: /\.(?:clj|cljs|cljc|edn|bb)$/i,
    when: (t) => t.includes(':'),
    re: /(?<![\w:])(?::(?:[\w.*+!?-]{1,40}\/)?)(?<name>[A-Za-z_][\w.*+!?-]{0,80})[ \t]+(?<q>")(?<value>(?:[^"\\\r\n]|\\.){1,600})"/dg,
  },
  // Clojure's `(def api-key "…")`, `(def ^:private db-password "…")`.
  {
    files: /\.(?:clj|cljs|cljc|bb)$/i,
    when: (t) => t.includes('(def'),
    re: /\(def(?:once)?[ \t]+(?:\^[^\s()]{1,40}[ \t]+){0,3}(?<name>[A-Za-z_*+!?-][\w.*+!?-]{0,80})[ \t]+(?<q>")(?<value>(?:[^"\\\r\n]|\\.){1,600})"/dg,
  },
  // Erlang terms (sys.config, RabbitMQ's classic rabbitmq.config, rebar.config) and Elixir tuples:
  // `{default_pass, <<"…">>}`, `{api_key, "…"}`, `{:api_key, "…"}`.
  {
    files: /\.(?:erl|hrl|config|app\.src|script|escript|ex|exs)$/i,
    when: (t) => t.includes('{') && t.includes('"'),
    re: /\{[ \t]*:?(?<name>[a-z][\w@]{0,80})[ \t]*,[ \t]*(?:<<)?(?<q>")(?<value>(?:[^"\\\r\n]|\\.){1,600})"(?:>>)?[ \t]*\}/dg,
  },
  // CMake: `set(API_TOKEN "…")`, `set(ENV{API_TOKEN} "…")`.
  {
    files: /(?:^|\/)CMakeLists\.txt$|\.cmake$/,
    when: anyOf('set(', 'SET(', 'set (', 'SET ('),
    re: /\b[Ss][Ee][Tt][ \t]*\([ \t]*(?:ENV\{)?(?<name>[A-Za-z_]\w{0,80})\}?[ \t]+(?<q>")(?<value>(?:[^"\\\r\n]|\\.){1,600})"/dg,
  },
  // YAML with an anchor or a tag before the value: `password: &db_password …`, `token: !!str …`.
  {
    files: /\.(?:ya?ml)$/i,
    when: anyOf(': &', ': !'),
    re: /^[ \t]*(?:-[ \t]+)?(?<q0>["']?)(?<name>[A-Za-z_][\w.-]{0,80})\k<q0>[ \t]*:[ \t]+(?:&[\w-]{1,40}|!!?\w{1,20})[ \t]+(?<q>["']?)(?<value>[^\s"']{1,600})\k<q>[ \t]*(?:#[^\r\n]*)?\r?$/dgm,
    // (a tag's value that needs resolving, `!Ref DbPassword`, is judged like any identifier: not a literal)
  },
  // A password passed by position to a basic-auth or login call: `HTTPBasicAuth("u", "…")`,
  // `new NetworkCredential("u", "…")`, `DriverManager.getConnection(url, "u", "…")`, `smtp.login(u, "…")`,
  // `requests.get(url, auth=("u", "…"))`, Go's `req.SetBasicAuth("u", "…")` and `smtp.PlainAuth("", u, "…", host)`,
  // PHP's `new PDO($dsn, "u", "…")` and `mysqli_connect("host", "u", "…")`.
  {
    files: CODE,
    when: (t) => POSITIONAL_CALL.test(t) && ARG_STRING.test(t),
    // The search stops at each `(` and looks behind it for the call's name.
    re: /\((?<=(?:(?<![\w$])(?:HTTP(?:Basic|Digest|Proxy)Auth|BasicAuth(?:entication|Credentials)?|NetworkCredential|UsernamePasswordCredentials|UsernamePasswordAuthenticationToken|PasswordAuthentication|PasswordCredential|[Ss]etBasicAuth|basicAuth|basic_auth|PlainAuth|getConnection|PDO|mysqli|mysqli_connect|mysql_connect|auth[ \t]*=[ \t]*)|\.(?:login|auth))[ \t]*\()[ \t]*(?:(?:"[^"\r\n]{0,200}"|'[^'\r\n]{0,200}'|\$?[A-Za-z_][\w.]{0,60}(?:->[A-Za-z_]\w{0,40}){0,3})[ \t]*,[ \t]*)?(?:"[^"\r\n]{0,100}"|'[^'\r\n]{0,100}'|\$?[A-Za-z_][\w.]{0,60}(?:->[A-Za-z_]\w{0,40}){0,3})[ \t]*,[ \t]*(?<q>["'])(?<value>[^"'\\\r\n]{1,200})\k<q>(?:\.toCharArray\(\))?[ \t]*[,)]/dg,
    name: 'password',
  },
  // A command-line flag and its value as two items of an argument list in code: `subprocess.run(["mysql",
  // "--password", "…"])`, `args = ["--api-key", "…"]`, `spawn("tool", ['--token', '…'])`.
  {
    files: CODE,
    when: (t) => t.includes('--'),
    re: /(?<q0>["'])--(?<name>[A-Za-z][\w-]{0,60})\k<q0>[ \t]*,[ \t]*(?<q>["'])(?<value>(?!-)[^"'\\\r\n]{1,600})\k<q>/dg,
  },
  // Ruby's `set :db_password, "…"` (Capistrano, Sinatra, Rake settings).
  {
    files: /\.(?:rb|rake|ru)$|(?:^|\/)(?:Capfile|Rakefile|Gemfile)$/,
    when: (t) => t.includes('set'),
    re: /(?<![\w.])set[ \t]*\(?[ \t]*:(?<name>[A-Za-z_]\w{0,80})[ \t]*,[ \t]*(?<q>["'])(?<value>(?:[^"'\\\r\n]|\\.){1,600})\k<q>/dg,
  },
  // A signing key passed by position: `jwt.sign(payload, "…")`, `jwt.encode(claims, "…", algorithm="HS256")`,
  // `crypto.createHmac("sha256", "…")`, Python's `hmac.new(b"…", msg, sha256)`, `hash_hmac("sha256", $data, "…")`,
  // java-jwt's `Algorithm.HMAC256("…")`, jjwt's `signWith(SignatureAlgorithm.HS256, "…")`, Go's
  // `SignedString([]byte("…"))`. Whoever reads the key can forge every token or signature it checks.
  {
    files: CODE,
    when: anyOf('jwt', 'JWT', 'mac', 'MAC', 'signWith', 'SignedString'),
    re: /(?:(?<![\w$])(?:jwt|JWT|jsonwebtoken|jose)\.(?:sign|verify|encode|decode)[ \t]*\([ \t]*(?:\{[^{}\r\n]{0,200}\}|[^(){}[\],"'\r\n]{1,200})[ \t]*,|(?<![\w$])createHmac[ \t]*\([ \t]*["'][\w-]{1,20}["'][ \t]*,|(?<![\w$])hmac\.new[ \t]*\(|(?<![\w$])hash_hmac[ \t]*\([ \t]*["'][\w-]{1,20}["'][ \t]*,[ \t]*[^(),"'\r\n]{1,200},|\bHMAC(?:256|384|512)[ \t]*\(|\bsignWith[ \t]*\([^()\r\n]{0,200}?,|\bSignedString[ \t]*\([ \t]*\[\]byte[ \t]*\()[ \t]*b?(?<q>["'])(?<value>[^"'\\\r\n]{1,200})\k<q>(?=[ \t]*[,)])/dg,
    name: 'signing_secret',
  },
  // A default inside a placeholder that is a whole string: Spring's `@Value("${jwt.secret:…}")`,
  // `<property name="x" value="${db.password:…}"/>`, Compose's `"${API_KEY:-…}"` in a list.
  {
    when: (t) => t.includes('${'),
    re: /(?<q0>["'])\$\{(?<name>[A-Za-z_][\w.-]{0,80})(?::?[-=]|:)(?<value>[^{}$\s"'\x60]{1,300})\}\k<q0>/dg,
  },
  // Elixir module attributes: `@secret_key "…"`.
  {
    files: /\.(?:ex|exs)$/i,
    when: (t) => t.includes('@'),
    re: /^[ \t]*@(?<name>[a-z_]\w{0,80})[ \t]+(?<q>")(?<value>(?:[^"\\\r\n#]|\\.){1,600})"/dgm,
  },
  // C# auto-properties with an initializer: `public string ApiKey { get; set; } = "…";`.
  {
    files: /\.cs$/i,
    when: (t) => t.includes('get;'),
    re: /\b(?<name>[A-Za-z_]\w{0,80})[ \t]*\{[ \t]*(?:(?:(?:public|private|protected|internal)[ \t]+)?(?:get|set|init)[ \t]*;[ \t]*){1,2}\}[ \t]*=[ \t]*@?(?<q>")(?<value>[^"\r\n]{1,600})"/dg,
  },
  // A two-column row of a Markdown table, name then value: `| password | … |`, `| \`API_TOKEN\` | \`…\` |`.
  {
    files: new RegExp(DOCS, 'i'),
    when: (t) => t.includes('|'),
    re: /^[ \t]*\|?[ \t]*(?:\*\*)?`?(?<name>[A-Za-z_][\w.-]{0,60}(?:[ \t][A-Za-z][\w.-]{0,30}){0,2})`?(?:\*\*)?[ \t]*\|[ \t]*(?<q>`?)(?<value>[^\s|`]{8,200})\k<q>[ \t]*(?:\|[ \t]*)?$/dgm,
  },
  // Windows' `setx API_TOKEN …` (a persistent environment variable, in scripts and setup guides).
  {
    when: (t) => t.includes('setx') || t.includes('SETX'),
    re: /(?<![\w-])(?:setx|SETX)[ \t]+(?<q0>["']?)(?<name>[A-Za-z_][\w.-]{0,80})\k<q0>[ \t]+(?<q>["']?)(?<value>[^\s"']{1,600})\k<q>(?=[ \t]|$)/dgm,
  },
  // fish's `set -gx API_TOKEN …` (`-x`/`--export`, with any scope flags): fish has no `NAME=value`, so its
  // config and guides set variables this way. Only an exported or universal variable, as setx's are.
  {
    files: /\.fish$|(?:^|\/)fish_variables$/,
    when: (t) => t.includes('set '),
    re: /(?:^|[;&|][ \t]*)[ \t]*set[ \t]+(?:-[A-Za-z]*[xUu][A-Za-z]*|--(?:export|universal|global))(?:[ \t]+-[-A-Za-z]+)*[ \t]+(?<name>[A-Za-z_]\w{0,80})[ \t]+(?<q>["']?)(?<value>[^\s"'$]{1,600})\k<q>[ \t]*(?:#[^\r\n]*)?\r?$/dgm,
  },
  {
    files: new RegExp(DOCS, 'i'),
    when: (t) => t.includes('set -') && (t.includes('x ') || t.includes('export ')),
    re: /^[ \t>$]*set[ \t]+(?:-[A-Za-z]*x[A-Za-z]*|--export)(?:[ \t]+-[-A-Za-z]+)*[ \t]+(?<name>[A-Za-z_]\w{0,80})[ \t]+(?<q>["']?)(?<value>[^\s"'$]{1,600})\k<q>[ \t]*\r?$/dgm,
  },
  // Server configuration directives whose space-separated value is a password: Redis's `requirepass …` and
  // `masterauth …`, OpenLDAP's `rootpw …` (a `{SSHA}` hash there is not a password), keepalived's `auth_pass …`,
  // msmtp's and fetchmail's `password …`.
  {
    files: new RegExp(String.raw`(?:^|\/)\.?(?:msmtprc|fetchmailrc)$|${SCRIPTS}|${DOCS}`, 'i'),
    when: anyOf('requirepass', 'masterauth', 'rootpw', 'auth_pass', 'password ', 'password\t'),
    re: /^[ \t]*(?<name>requirepass|masterauth|rootpw|auth_pass|password)[ \t]+(?<q>["']?)(?<value>[^\s"']{1,600})\k<q>[ \t]*(?:#[^\r\n]*)?\r?$/dgm,
  },
  // Any directive `<name> <value>` in the files of directive syntaxes, the name judged as any other: Fluent
  // Bit's `HTTP_Passwd …`, spark-defaults.conf's `spark.hadoop.fs.s3a.secret.key …`, nslcd's `bindpw …`,
  // Apache's `AuthLDAPBindPassword …`, Java properties' `key value`. One word only, ending the line (a
  // comment after a blank): nginx's `proxy_pass backend;` ends with `;`, and a URL, path or variable is
  // not a password.
  {
    files: DIRECTIVE_FILES,
    when: anyOf('ass', 'ASS', 'pw', 'PW', 'wd', 'WD', 'ecret', 'ECRET', 'oken', 'OKEN', 'ey', 'EY', 'uthtok', 'psk', 'PSK'),
    re: /^[ \t]*(?<name>[A-Za-z_][\w.-]{0,80})[ \t]+(?<q>["']?)(?<value>(?![A-Za-z][\w+.-]{0,20}:\/|[/.~$%@&*!|>])[^\s"'=;]{1,600})\k<q>[ \t]*(?:[ \t][#;][^\r\n]*)?\r?$/dgm,
  },
  // HAProxy's `user admin insecure-password …` (`password` there is a crypt hash).
  {
    files: /\.cfg$/i,
    when: (t) => t.includes('insecure-password'),
    re: /^[ \t]*user[ \t]+\S{1,64}[ \t]+insecure-password[ \t]+(?<value>[^\s"']{1,600})/dgm,
    name: 'password',
  },
  // A `user:password` pair where a directive takes one: HAProxy's `stats auth admin:…`, Squid's `cache_peer …
  // login=user:…`; curl's `user = "u:…"` (and `proxy-user`) in .curlrc; a Postfix SASL password map's
  // `[smtp.example.com]:587 user:…`.
  {
    files: /\.(?:cfg|conf)$/i,
    when: anyOf('auth ', 'login='),
    re: /(?:^[ \t]*stats[ \t]+auth[ \t]+|[ \t]login=)[^\s:"'=]{1,100}:(?<value>[^\s"']{1,200})(?=[ \t]|\r?$)/dgm,
    name: 'password',
  },
  {
    files: /(?:^|\/)[._]?curlrc$/i,
    when: (t) => t.includes('user'),
    re: /^[ \t]*-?-?(?:proxy-)?user[ \t]*[= \t][ \t]*(?<q>"?)[^\s:"'=]{1,100}:(?<value>[^\s"']{1,200})\k<q>[ \t]*\r?$/dgm,
    name: 'password',
  },
  {
    files: /(?:^|\/)sasl_passw(?:or)?d[^/]*$/i,
    when: (t) => t.includes(':'),
    re: /^[ \t]*\[?[\w.@-]{1,253}\]?(?::\d{1,5})?[ \t]+[^\s:"']{1,100}:(?<value>[^\s"']{1,200})[ \t]*\r?$/dgm,
    name: 'password',
  },
  // A password stored in clear under a scheme that says so: Dovecot's passwd-file `user:{PLAIN}…:…` (also
  // `{CLEAR}`, `{CLEARTEXT}`), an LDIF's `userPassword: {CLEARTEXT}…`. Hashed schemes (`{SHA512-CRYPT}`) are not.
  {
    when: anyOf('{PLAIN', '{CLEAR', '{plain', '{clear'),
    re: /(?<=^|[:= \t])\{(?:PLAIN|CLEAR|CLEARTEXT|PLAIN-TRUNC|plain|clear|cleartext)\}(?<value>[^\s:"'{}]{1,200})/dgm,
    name: 'password',
  },
  // Net-SNMP's snmpd.conf: a v1/v2c community (`rocommunity …`, `rwcommunity6 …`, `com2sec name source …`) is
  // the password of those versions; an SNMPv3 user's `createUser name SHA "auth…" AES "priv…"` holds two.
  {
    files: DIRECTIVE_FILES,
    when: anyOf('community', 'com2sec', 'createUser'),
    re: /^[ \t]*(?:r[ow]community6?[ \t]+|com2sec6?[ \t]+(?:-Cn[ \t]+\S{1,64}[ \t]+)?\S{1,64}[ \t]+\S{1,100}[ \t]+|createUser[ \t]+(?:-e[ \t]+\S{1,80}[ \t]+)?\S{1,64}[ \t]+(?:MD5|SHA[\w-]{0,8})[ \t]+)(?<q>"?)(?<value>[^\s"]{1,200})\k<q>(?=[ \t]|\r?$)/dgm,
    name: 'password',
  },
  {
    files: DIRECTIVE_FILES,
    when: (t) => t.includes('createUser'),
    re: /^[ \t]*createUser[ \t]+(?:-e[ \t]+\S{1,80}[ \t]+)?\S{1,64}[ \t]+(?:MD5|SHA[\w-]{0,8})[ \t]+(?:"[^"\r\n]{1,200}"|\S{1,200})[ \t]+(?:DES|AES[\w-]{0,8})[ \t]+(?<q>"?)(?<value>[^\s"]{1,200})\k<q>[ \t]*\r?$/dgm,
    name: 'password',
  },
  // ProFTPD's `SQLConnectInfo db@host user password [policy]`.
  {
    files: DIRECTIVE_FILES,
    when: (t) => t.includes('SQLConnectInfo'),
    re: /^[ \t]*SQLConnectInfo[ \t]+\S{1,200}[ \t]+(?<q0>"?)[^\s"]{1,100}\k<q0>[ \t]+(?<q>"?)(?<value>[^\s"]{1,200})\k<q>(?=[ \t]|\r?$)/dgm,
    name: 'password',
  },
  // A pre-shared or EAP secret in strongSwan's / Openswan's ipsec.secrets: `%any : PSK "…"`.
  {
    files: /(?:^|\/)(?:ipsec\.[^/]*secrets|[^/]*\.secrets)$/i,
    when: anyOf('PSK', 'EAP', 'XAUTH', 'NTLM'),
    re: /:[ \t]*(?:PSK|EAP|XAUTH|NTLM)[ \t]+(?<q>["'])(?<value>[^"'\r\n]{1,600})\k<q>/dg,
    name: 'password',
  },
  // Prose, tables and log lines: `API key: …`, `Client Secret = …`, `access token - …`, and a service's
  // name before the credential word (`Mixpanel secret: …`, `abuseipdb api key = …`). The name is judged
  // as any other: `Public key`, `Sort key`, `GPG key` are not credentials, a bare `<service> key` needs
  // a value random beyond doubt. A password only after a credential word (`API password`): `Default
  // password: admin123` is a guide's. A dash is a separator between blanks (`kubectl get secret
  // --namespace=x` is a command), and no value starts with one.
  {
    files: new RegExp(`${DOCS}|\\.log$`, 'i'),
    when: anyOf(' key', ' Key', ' KEY', ' token', ' Token', ' TOKEN', ' secret', ' Secret', ' SECRET', ' password', ' Password', ' PASSWORD'),
    re: /(?<![\w-])(?<name>[A-Za-z][A-Za-z0-9]{1,30}(?:[ \t](?:api|access|secret|client|auth|app|application|consumer|refresh|session|private|master|bearer|personal[ \t]access))?[ \t](?:key|token|secret)|(?:api|access|secret|client|auth|app|application|consumer|refresh|session|private|master|bearer|personal[ \t]access)[ \t]password)[ \t]*(?:[:=]|[ \t]-(?=[ \t]))[ \t]*(?<q>["'`]?)(?!-)(?<value>[^\s"'`,;<>()[\]{}]{8,600})\k<q>(?![^\s,;.)])/dgi,
  },
  // A line of notes, a copied dashboard or a log holding only a credential's name and its value, with no
  // operator between them (`Secret Access Key   wJal…`, `CLARIFAI_SECRET dkHL…`, `clockify secret y7sb…`):
  // a column layout. Nothing but the name says this is a value, so it must be random beyond doubt, as a
  // loose name's is; up to four words of name, the value ending the line.
  {
    files: new RegExp(`${DOCS}|\\.log$`, 'i'),
    when: anyOf('key', 'Key', 'KEY', 'oken', 'OKEN', 'ecret', 'ECRET', 'ass', 'ASS', 'pw', 'PW', 'wd', 'WD'),
    re: /^[ \t]*(?<name>[A-Za-z][\w.-]{1,60}(?:[ \t][A-Za-z][\w.-]{0,30}){0,3})[ \t]+(?<q>["'`]?)(?<value>[^\s"'`<>()[\]{}|,;]{16,600})\k<q>[ \t]*\r?$/dgm,
    strict: true,
  },
];

/** The statement forms written in a file at `path` (its kind of file). */
export function statementsFor(path: string): readonly StatementForm[] {
  // What decides it: the file's extension (or its name without one) and a server's name in the path.
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  const key = `${dot > 0 ? base.slice(dot).toLowerCase() : base}\0${SERVER_PATH.test(path)}\0${SPECIAL_NAME.test(base)}`;
  let forms = formsByKind.get(key);
  if (forms === undefined) {
    if (formsByKind.size >= 2_000) formsByKind.clear();
    formsByKind.set(key, (forms = STATEMENTS.filter((f) => !f.files || f.files.test(path))));
  }
  return forms;
}

const SERVER_PATH = /nginx|apache|httpd/i;
// Names a form's `files` test reads beyond the extension (the cache is keyed by the extension): `CMakeLists.txt`
// is not any `.txt`, `x.app.src` not any `.src`.
const SPECIAL_NAME = /^(?:Dockerfile|Containerfile|Makefile|Jenkinsfile|Procfile|Vagrantfile|CMakeLists\.txt$)|\.app\.src$/;
const formsByKind = new Map<string, readonly StatementForm[]>();

/** Assignments written as `form` in `text`. */
function statementForms(text: string, base: number, form: StatementForm, out: Assignment[]): void {
  const re = form.re;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const g = m.groups!;
    const at = m.indices!.groups!.value![0];
    const end = m.index + m[0].length;
    out.push({
      name: form.name ?? g.name!,
      nameQuoted: false,
      op: '=',
      value: g.value!,
      quote: g.q ?? '',
      start: base + at,
      end: base + at + g.value!.length,
      next: text.charAt(end),
      typed: false,
      form: 'statement',
      ...(form.strict ? { strict: true as const } : {}),
    });
  }
}

const HAS_VALUE_WORD = /value/i;
const ENCRYPTED_ELEMENT = /\s(?:encoding[ \t]*=[ \t]*["']crypt["']|encrypted[ \t]*=[ \t]*["'](?:true|yes|1)["'])/i;
const QUERY_NEXT = /&(?:amp;)?[A-Za-z_][\w.-]{0,40}=/;
const QUERY_END = /[&#]/;
/** The name at `at` follows a URL's `?` or `&` (`https://host/path?token=…`), not a shell's `a && b=`. */
function isQueryParameter(text: string, at: number): boolean {
  const c = text.charCodeAt(at - 1);
  if (c !== 63 /* ? */ && c !== 38 /* & */) return false;
  if (c === 38 && text.charCodeAt(at - 2) === 38) return false;
  return /[\w.-]\/[^\s"'<>]*$/.test(text.slice(Math.max(0, at - 300), at));
}

/** XML elements, `key="…" value="…"` attributes and reversed comparisons (`"…" === token`) in `text`. */
function otherForms(text: string, base: number, re: RegExp, form: 'xml' | 'attr' | 'compare', out: Assignment[]): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const g = m.groups!;
    const value = g.value!;
    const end = m.index + m[0].length;
    // An element whose attributes say its text is ciphertext under a key kept elsewhere: FileZilla's
    // `<Pass encoding="crypt" pubkey="…">` (a master password protects it), `encrypted="true"`.
    if (form === 'xml' && ENCRYPTED_ELEMENT.test(m[0].slice(0, m[0].indexOf('>')))) continue;
    // After the value: a closing quote, or the element that closes it (`</value>`, a property list's `</string>`).
    const tail = form !== 'attr' ? 1 : m[0].endsWith('</value>') ? 8 : m[0].endsWith('</string>') ? 9 : 1;
    const at = form === 'compare' ? m.index + 1 : form === 'xml' ? end - g.name!.length - 3 - value.length : end - tail - value.length;
    out.push({
      name: g.name!,
      nameQuoted: false,
      op: form === 'compare' ? '==' : '=',
      value,
      quote: form === 'xml' ? '>' : '"', // element text is delimited like a quoted literal
      start: base + at,
      end: base + at + value.length,
      next: '',
      typed: false,
      form,
    });
  }
}

const XML_OPEN_AT_END = /<(?<name>[A-Za-z_][\w.:-]{0,60})(?:\s[^<>]{0,200})?>[ \t]*$/;

/**
 * `<apiToken>` at the end of a line with the value on the next line and the closing tag after it.
 * `after` is the text that follows the line (the scanner gives line rules one line at a time).
 */
export function findMultilineXml(line: string, after: string, afterOffset: number): Assignment[] {
  const open = XML_OPEN_AT_END.exec(line);
  if (!open) return [];
  const name = open.groups!.name!;
  const m = /^\r?\n[ \t]*([^<>\r\n]{1,600}?)[ \t]*\r?\n[ \t]*<\/([A-Za-z_][\w.:-]{0,60})>/.exec(after.slice(0, 800));
  if (!m || m[2] !== name) return [];
  const value = m[1]!;
  const start = afterOffset + m[0].indexOf(value);
  return [{ name, nameQuoted: false, op: '=', value, quote: '>', start, end: start + value.length, next: '', typed: false, form: 'xml' }];
}

const PLIST_KEY_LINE = /<key>(?<name>[A-Za-z_][\w.-]{0,80})<\/key>[ \t]*\r?$/;
const PLIST_STRING_LINE = /^\r?\n[ \t]*<string>(?<value>[^<>\r\n]{1,600})<\/string>/;
const PROPERTY_NAME_LINE = /<name>[ \t]*(?<name>[A-Za-z_][\w.-]{0,120})[ \t]*<\/name>[ \t]*\r?$/;
const PROPERTY_VALUE_LINE = /^\r?\n[ \t]*<value>(?<value>[^<>\r\n]{1,600})<\/value>/;
const NAME_LINE = /^[ \t]*(?:-[ \t]+)?(?<q0>["']?)(?:[Nn]ame|[Kk]ey)\k<q0>[ \t]*:[ \t]*(?<q1>["']?)(?<name>[A-Za-z_][\w.-]{0,80})\k<q1>[ \t]*,?[ \t]*\r?$/;
const VALUE_LINE = /^\n[ \t]*(?<q0>["']?)[Vv]alue\k<q0>[ \t]*:[ \t]*(?:(?<q>["'])(?<quoted>[^"'\r\n]{1,600})\k<q>|(?<bare>[^\s"'#,]{1,600}))[ \t]*,?[ \t]*(?:#[^\n]*)?\r?(?:\n|$)/;

/**
 * A Kubernetes container's environment (`- name: API_TOKEN` and `value: …` on the next line), the same
 * pair in pretty-printed JSON (an ECS task definition), a Hadoop property's `<name>…</name>` and
 * `<value>…</value>` on the next line, or a property list's `<key>ApiSecret</key>` and
 * `<string>…</string>` on the next line: the value is a literal (`valueFrom` is not).
 */
export function findNameValuePair(line: string, after: string, afterOffset: number): Assignment[] {
  const key = line.includes('<key>') ? PLIST_KEY_LINE.exec(line) : null;
  if (key) {
    const v = PLIST_STRING_LINE.exec(after.slice(0, 700));
    if (!v) return [];
    const value = v.groups!.value!;
    const start = afterOffset + v[0].indexOf('>') + 1;
    return [{ name: key.groups!.name!, nameQuoted: false, op: ':', value, quote: '>', start, end: start + value.length, next: '', typed: false, form: 'xml' }];
  }
  const prop = line.includes('</name>') ? PROPERTY_NAME_LINE.exec(line) : null;
  if (prop) {
    const v = PROPERTY_VALUE_LINE.exec(after.slice(0, 700));
    if (!v) return [];
    const value = v.groups!.value!;
    const start = afterOffset + v[0].indexOf('>') + 1;
    return [{ name: prop.groups!.name!, nameQuoted: false, op: '=', value, quote: '>', start, end: start + value.length, next: '', typed: false, form: 'xml' }];
  }
  const open = line.includes('ame') || line.includes('ey') ? NAME_LINE.exec(line) : null;
  if (!open) return [];
  const m = VALUE_LINE.exec(after.slice(0, 700));
  if (!m) return [];
  const value = m.groups!.quoted ?? m.groups!.bare!;
  const start = afterOffset + m[0].indexOf(value, m[0].search(/[Vv]alue/) + 5);
  return [{ name: open.groups!.name!, nameQuoted: false, op: ':', value, quote: m.groups!.q ?? '', start, end: start + value.length, next: '', typed: false, form: 'statement' }];
}

/** A name and its operator ending the line (`const scrapingBeeApiKey =`, `apiKey:`), an optional type between. */
const WRAP_OPEN = /(?:^|[\s({,;])(?<q>["']?)(?<name>[A-Za-z_$][\w$]{0,80})\k<q>[ \t]*(?::[ \t]*[\w$<>[\]|. ]{1,40}[ \t]*)?(?<op>[=:])[ \t]*\r?$/;
/** The next line: only a string literal, and a `;` or `,` (prettier's wrap of a long literal). */
const WRAPPED_LITERAL = /^\r?\n[ \t]+(?<q>["'`])(?<value>[^"'`\\\s]{1,600})\k<q>[ \t]*[;,]?[ \t]*(?:\/\/[^\n]*)?\r?(?:\n|$)/;

/**
 * A literal wrapped onto the line after its name (`const scrapingBeeApiKey =` / `  "P5IS…";`), as
 * prettier and gofmt-minded authors write long strings: the name is the line's last word.
 */
export function findWrappedValue(line: string, after: string, afterOffset: number): Assignment[] {
  const last = line.charCodeAt(line.trimEnd().length - 1);
  if (last !== 61 /* = */ && last !== 58 /* : */) return [];
  const open = WRAP_OPEN.exec(line);
  // Not `==`, `!=`, `<=`, `=>` or `::`: the operator is the name's own.
  if (!open || /[=!<>:]$/.test(line.slice(0, open.index + open[0].trimEnd().length - 1).trimEnd())) return [];
  const m = WRAPPED_LITERAL.exec(after.slice(0, 700));
  if (!m) return [];
  const value = m.groups!.value!;
  const start = afterOffset + m[0].indexOf(m.groups!.q! + value) + 1;
  return [{ name: open.groups!.name!, nameQuoted: open.groups!.q !== '', op: open.groups!.op!, value, quote: m.groups!.q!, start, end: start + value.length, next: '', typed: false, form: 'assign' }];
}

const TF_VARIABLE = /^[ \t]*variable[ \t]+"(?<name>[A-Za-z_][\w-]{0,80})"[ \t]*\{[ \t]*$/;

/**
 * Terraform's `variable "api_token" {` at the end of a line, its `default = "…"` inside the block that
 * follows (the name is the variable's, the value the default): a credential committed as a default.
 */
export function findTerraformDefault(line: string, after: string, afterOffset: number): Assignment[] {
  const open = TF_VARIABLE.exec(line);
  if (!open) return [];
  // The block: up to its closing brace at the start of a line.
  const end = after.search(/\n[ \t]*\}/);
  const block = after.slice(0, end < 0 ? 1200 : end);
  const m = /\n[ \t]*default[ \t]*=[ \t]*"(?<value>(?:[^"\\\r\n$]|\\.){1,600})"/.exec(block);
  if (!m) return [];
  const value = m.groups!.value!;
  const start = afterOffset + m.index + m[0].length - 1 - value.length;
  return [{ name: open.groups!.name!, nameQuoted: true, op: '=', value, quote: '"', start, end: start + value.length, next: '', typed: false, form: 'statement' }];
}

const YAML_BLOCK_AT_END = /(?:^|\n)(?<indent>[ \t]*)(?:-[ \t]+)?(?<q>["']?)(?<name>[A-Za-z_][\w.\-]{0,80})\k<q>[ \t]*:[ \t]*[|>][-+]?[1-9]?[ \t]*(?:#[^\n]*)?\r?$/;

/**
 * `password: |` (or `>`, `|-`, `>+2` …) at the end of a line, its value the one line of the block scalar
 * under it (`  s3cr3t…`). A block of several lines (a certificate, a script) is not a single value.
 */
export function findYamlBlockScalar(line: string, after: string, afterOffset: number): Assignment[] {
  const open = YAML_BLOCK_AT_END.exec(line);
  if (!open) return [];
  const indent = open.groups!.indent!.length;
  const block = /^\r?\n((?:[ \t]*\r?\n)*)([ \t]+)([^\r\n]{1,600})(?:\r?\n|$)/.exec(after.slice(0, 1200));
  if (!block || block[2]!.length <= indent) return [];
  const rest = after.slice(block[0].length, block[0].length + 400);
  // A second line of the same block: several lines, not one value.
  const next = /^(?:[ \t]*\r?\n)*([ \t]*)\S/.exec(rest);
  if (next && next[1]!.length > indent) return [];
  const value = block[3]!.trimEnd();
  // `NAME=value` (an action's list of environment variables, `repo_secrets: |\n  KEY=path:field`): the line
  // is an assignment of its own, judged by its own name.
  if (/^[A-Za-z_][\w.-]{0,80}[ \t]*=/.test(value)) return [];
  const start = afterOffset + block[0].indexOf(block[3]!, 1 + block[1]!.length);
  return [{ name: open.groups!.name!, nameQuoted: false, op: ':', value, quote: '|', start, end: start + value.length, next: '', typed: false, form: 'assign' }];
}

/** A YAML mapping key with nothing after it, named for the secrets it holds (`app_secrets:`, `api_keys:`). */
const SECRET_MAP_AT_END = /^(?<indent>[ \t]*)(?<q>["']?)(?<name>[A-Za-z_][\w.-]{0,80})\k<q>[ \t]*:[ \t]*(?:#[^\r\n]*)?\r?$/;
const SECRET_MAP_NAME = /(?:^|[_.-])(?:secrets|passwords|passwds|tokens|credentials|creds|(?:api|secret|access|private|auth)[_-]?keys)$/i;
/** One `child: value` line of such a mapping: its indent, name and scalar value. */
const MAP_CHILD = /^([ \t]+)(["']?)([A-Za-z0-9_][\w.-]{0,80})\2[ \t]*:[ \t]+(["']?)([^\s"'#|>&*!][^\s"']{0,600})\4[ \t]*(?:#[^\r\n]*)?\r?$/;

/**
 * The children of a YAML mapping named for secrets (`app_secrets:\n  dev: …\n  prod: …`): each value is
 * a secret whatever its own key is called (an environment, a service), so it is judged under the parent's
 * name (`altName`). Only scalars at the first child level, up to the mapping's end or 20 lines.
 */
export function findSecretMapChildren(line: string, after: string, afterOffset: number): Assignment[] {
  const open = SECRET_MAP_AT_END.exec(line);
  if (!open || !SECRET_MAP_NAME.test(open.groups!.name!)) return [];
  const parentIndent = open.groups!.indent!.length;
  const out: Assignment[] = [];
  const text = after.slice(0, 1200);
  let childIndent = -1;
  let at = text.startsWith('\r\n') ? 2 : text.startsWith('\n') ? 1 : -1;
  for (let n = 0; at >= 0 && at < text.length && n < 20; n++) {
    const eol = text.indexOf('\n', at);
    const row = text.slice(at, eol === -1 ? text.length : eol);
    const next = eol === -1 ? -1 : eol + 1;
    if (/^[ \t]*(?:#.*)?\r?$/.test(row)) {
      at = next;
      continue;
    }
    const indent = /^[ \t]*/.exec(row)![0].length;
    if (indent <= parentIndent || (childIndent !== -1 && indent < childIndent)) break;
    if (childIndent === -1) childIndent = indent;
    const m = indent === childIndent ? MAP_CHILD.exec(row) : null;
    if (m) {
      const value = m[5]!;
      const start = afterOffset + at + row.indexOf(value, m[1]!.length + m[3]!.length);
      out.push({ name: m[3]!, altName: open.groups!.name!, nameQuoted: m[2] !== '', op: ':', value, quote: m[4] || '|', start, end: start + value.length, next: '', typed: false, form: 'assign' });
    }
    at = next;
  }
  return out;
}

/**
 * The whole line is `key = value` / `key: value` (env, INI, properties, YAML, Makefile `:=`/`?=`), not code;
 * or a row of `key=value` words, maybe after one host or label (an Ansible inventory's `db1
 * ansible_user=admin ansible_password=…`, logfmt, systemd's `Environment=A=1 B=2`).
 */
export function isConfigLine(line: string): boolean {
  // `@name = value`: a variable of the REST Client / JetBrains HTTP client request files (.http, .rest).
  return /^\s*(?:export\s+|-\s+|set\s+|override\s+|@)?["':]?[\w.\-[\]]{1,100}["']?\s*(?::{1,3}=|\?=|[:=])\s*\S+\s*(?:[#;].*)?$/.test(line) || (line.length <= 2_000 && PAIRS_LINE.test(line));
}

/** Bounded words: a host or label then one or more `key=value`, or two or more `key=value`. */
const PAIRS_LINE =
  /^[ \t]*(?:[\w.:@[\]-]{1,100}[ \t]+(?:[A-Za-z_][\w.-]{0,80}=[^\s=]\S{0,600}[ \t]+){0,20}|(?:[A-Za-z_][\w.-]{0,80}=[^\s=]\S{0,600}[ \t]+){1,20})[A-Za-z_][\w.-]{0,80}=[^\s=]\S{0,600}[ \t]*(?:#.*)?$/;

/** Operators that assign a whole unquoted rest of line in env files, shells and Makefiles. */
export const PLAIN_ASSIGN = /^(?:=|:{1,3}=|\?=)$/;

/** Sorted, distinct offsets where a name holding an `anchor` word starts (with its opening quote). */
function nameStarts(text: string, anchor: RegExp): number[] {
  const out: number[] = [];
  let unsorted = false;
  anchor.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = anchor.exec(text)) !== null) {
    let i = m.index;
    const floor = Math.max(0, i - 81);
    while (i > floor && isNameChar(text.charCodeAt(i - 1))) i--;
    if (i > 0 && isSigil(text.charCodeAt(i - 1))) i--;
    // PowerShell's `$env:API_KEY = …`: the name starts at `$env:`.
    if (text.charCodeAt(i) === 58 && i >= 4 && text.slice(i - 4, i).toLowerCase() === '$env') i -= 4;
    // The letter of a `\n`/`\t`/`\r` escape is not the name's (`"…\npassword: …"`), nor is `u0026`.
    if (i > 0 && text.charCodeAt(i - 1) === 92) {
      if (isEscapeLetter(text.charCodeAt(i))) i++;
      else if (text.charCodeAt(i) === 117 && /^[0-9a-fA-F]{4}/.test(text.slice(i + 1, i + 5))) i += 5;
    }
    // A name starts with a letter or `_` (after an optional sigil), or with digits before one
    // (`8X8_API_KEY`): skip other leading digits, dots, dashes.
    while (i < m.index && !isNameHead(text.charCodeAt(i)) && !isDigitsHead(text, i)) i++;
    // A quoted name (`"password": …`), or a quote that opens a value holding `NAME=…`: try both.
    // Starts come in order, a second word of the same name repeating its start: keep the list sorted
    // and distinct as it grows (a sort per line was most of this function's allocation).
    if (i > 0 && isQuote(text.charCodeAt(i - 1))) unsorted = addStart(out, i - 1) || unsorted;
    unsorted = addStart(out, i) || unsorted;
    anchor.lastIndex = m.index + m[0].length;
  }
  if (!unsorted || out.length < 2) return out;
  out.sort((a, b) => a - b);
  let n = 1;
  for (let k = 1; k < out.length; k++) if (out[k] !== out[n - 1]) out[n++] = out[k]!;
  out.length = n;
  return out;
}

/** Appends `v` unless it repeats the last start; true when it is out of order (the caller sorts then). */
function addStart(out: number[], v: number): boolean {
  const last = out.length ? out[out.length - 1]! : -1;
  if (v > last) out.push(v);
  else if (v < last && !out.includes(v)) {
    out.push(v);
    return true;
  }
  return false;
}

// Character tests by code unit (run for every character of every candidate name): what a name may hold
// walking back from a credential word (`[\w.\-\u00f1\u00d1]`, as in ASSIGN), the sigils `$@:`, a
// name's first character `[A-Za-z_$@:]`, and quotes.
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isNameChar = (c: number): boolean => isLetter(c) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45 || c === 0xf1 || c === 0xd1;
const isSigil = (c: number): boolean => c === 36 || c === 64 || c === 58;
const isNameHead = (c: number): boolean => isLetter(c) || c === 95 || isSigil(c);
const isQuote = (c: number): boolean => c === 34 || c === 39 || c === 96;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isEscapeLetter = (c: number): boolean => c === 110 || c === 114 || c === 116;
/** Up to 8 digits, then a letter or `_`, as ASSIGN's `\d{1,8}[A-Za-z_]`. */
function isDigitsHead(text: string, i: number): boolean {
  let j = i;
  while (j < text.length && j - i < 8 && isDigit(text.charCodeAt(j))) j++;
  return j > i && (isLetter(text.charCodeAt(j)) || text.charCodeAt(j) === 95);
}
