import type { FileView, RawFinding, Rule } from '../../rule.js';
import { DEFAULT_SECRET_REMEDIATION, SECRET_CONTROLS } from './define.js';
import { isGeneratedDataFile, judgeAssignment } from './lib/assignment-verdict.js';

/**
 * The value after a flag: quoted or bare, not another flag nor a subexpression (PowerShell's
 * `([System.Web.Security.Membership]::GeneratePassword(40, 10))`), ending where the argument does.
 */
const VALUE = String.raw`(?<q>["']?)(?<value>(?![-([])[^\s"'` + '`' + String.raw`;|&<>]{1,600})\k<q>(?![^\s;|&)])`;

interface Command {
  /** What the message calls it. */
  label: string;
  /** The command's name (a regex source). */
  name: string;
  /** Its password flag and the value after it, searched in the rest of the command (global, with `d`). */
  flag: RegExp;
}

const flag = (source: string): RegExp => new RegExp(source + VALUE, 'dg');

/**
 * Commands that take a password as an argument, with the flag that carries it (short flags, which the
 * generic `--flag value` form does not read). Flags are case-sensitive (`zip -P`, `sqlcmd -P`); `mysql -p`
 * takes its password glued (`-p secret` names a database), `7z -p` too.
 */
const COMMANDS: Command[] = [
  { label: 'a registry login', name: String.raw`(?:docker|podman|nerdctl|buildah|skopeo|oras|helm[ \t]+registry)[ \t]+login\b`, flag: flag(String.raw`[ \t]-p[ \t]+`) },
  // `az login --service-principal -u <app id> -p <client secret>` (or a user's password).
  { label: 'the Azure CLI', name: String.raw`az[ \t]+login\b`, flag: flag(String.raw`[ \t]-p[ \t]+`) },
  { label: 'sshpass', name: String.raw`sshpass\b`, flag: flag(String.raw`[ \t]-p[ \t]*`) },
  {
    label: 'the MySQL client',
    name: String.raw`(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlshow|mysqlcheck|mysqlpump|mariadb|mariadb-dump|mariadb-admin)(?:\.exe)?\b`,
    flag: flag(String.raw`[ \t]-p(?=[^\s-])`),
  },
  { label: 'redis-cli', name: String.raw`redis-cli\b`, flag: flag(String.raw`[ \t]-a[ \t]+`) },
  { label: 'the SQL Server client', name: String.raw`(?:sqlcmd|bcp|osql)(?:\.exe)?\b`, flag: flag(String.raw`[ \t]-P[ \t]*`) },
  { label: 'an LDAP client', name: String.raw`ldap(?:search|modify|add|delete|passwd|whoami|compare|modrdn)\b`, flag: flag(String.raw`[ \t]-w[ \t]+`) },
  { label: 'keytool', name: String.raw`(?:keytool|jarsigner)(?:\.exe)?\b`, flag: flag(String.raw`[ \t]-(?:store|key|srcstore|deststore|srckey|destkey|new)pass[ \t]+`) },
  { label: 'openssl', name: String.raw`openssl\b`, flag: flag(String.raw`[ \t]-(?:passin|passout|pass|kdf_pass)[ \t]+pass:`) },
  { label: 'an archive tool', name: String.raw`(?:zip|unzip|7z|7za)\b`, flag: flag(String.raw`[ \t]-(?:P[ \t]+|p(?=[^\s-]))`) },
  // Sysinternals PsExec (and PAExec): `-u user -p password`, the command name in any case.
  { label: 'PsExec', name: String.raw`(?:[Pp][Ss]|[Pp][Aa])[Ee][Xx][Ee][Cc](?:64)?(?:\.[Ee][Xx][Ee])?\b`, flag: flag(String.raw`[ \t]-p[ \t]+`) },
  { label: 'the MongoDB client', name: String.raw`(?:mongo|mongosh|mongodump|mongorestore|mongoexport|mongoimport)\b`, flag: flag(String.raw`[ \t]-p[ \t]+`) },
  // Oracle's `sqlplus app/…@db`, `expdp userid=app/…@db`: the password between the user's `/` and `@`.
  {
    label: 'an Oracle client',
    name: String.raw`(?:sqlplus|rman|expdp|impdp|sqlldr)(?:\.exe)?\b`,
    flag: /^[ \t]+(?:-[A-Za-z]+[ \t]+)*(?:userid=)?(?<q>["']?)[A-Za-z_][\w$#]{0,30}\/(?<value>[^\s@/"'`;|&<>]{1,128})@[^\s"']{1,200}\k<q>/dg,
  },
  // `-U user%password`, the quote (if any) around both.
  { label: 'smbclient', name: String.raw`smbclient\b`, flag: /[ \t]-U[ \t]*(?<q>["']?)[^\s%"'\\]{1,64}%(?<value>[^\s"'`;|&<>]{1,600})\k<q>(?![^\s;|&)])/dg },
  // PowerShell: a plain-text string made into a credential.
  {
    label: 'ConvertTo-SecureString -AsPlainText',
    name: String.raw`[Cc]onvert[Tt]o-[Ss]ecure[Ss]tring\b`,
    flag: new RegExp(String.raw`^[ \t]+(?:-[Ss]tring[ \t]+)?` + VALUE + String.raw`(?=[^\r\n]{0,80}-[Aa]s[Pp]lain[Tt]ext)`, 'dg'),
  },
];

/** Any of the commands, by its index in COMMANDS (group `c<i>`). */
const COMMAND = new RegExp(String.raw`(?<![\w./-])(?:${COMMANDS.map((c, i) => `(?<c${i}>${c.name})`).join('|')})`, 'g');
/** Where a command's arguments end: a line break, a pipe, `;`, `&`, or a shell comment. */
const COMMAND_END = /[\r\n|;&]|[ \t]#/;

// A file with more than this is a dump: report the first ones, stay linear.
const MAX_FINDINGS = 100;

/**
 * A literal password given to a command on its command line (`docker login -p …`, `sshpass -p …`,
 * `mysql -p…`, `redis-cli -a …`, `keytool -storepass …`, `openssl … -passin pass:…`, PowerShell's
 * `ConvertTo-SecureString "…" -AsPlainText`): in a script, a CI step, a Dockerfile or a README. The value
 * is judged as a password assignment is (references, templates, placeholders and words dropped).
 */
const rule: Rule = {
  meta: {
    id: 'secrets/command-line-password',
    family: 'secrets',
    severity: 'high',
    confidence: 'medium',
    description: 'Literal password passed to a command on its command line',
    controls: SECRET_CONTROLS,
    remediation: DEFAULT_SECRET_REMEDIATION,
    revoke: {
      provider: 'The system the command logs in to (registry, database, directory, key store …)',
      steps: [
        'Change the password on that system (for a key store: re-create it with a new password).',
        "Review the system's login history since the commit.",
        'Pass the password from the environment or a file outside the repository (`--password-stdin`, `MYSQL_PWD`, `REDISCLI_AUTH`, `-storepass:env`, `-passin env:`), filled from a secret store or CI secret.',
      ],
    },
  },
  keywords: [
    'login',
    'sshpass',
    'mysql',
    'mariadb',
    'redis-cli',
    'sqlcmd',
    'bcp',
    'osql',
    'ldap',
    'keytool',
    'jarsigner',
    'pass:',
    'zip',
    '7z',
    'mongo',
    'psexec',
    'paexec',
    'smbclient',
    'securestring',
    'sqlplus',
    'rman',
    'expdp',
    'impdp',
    'sqlldr',
  ],
  scope: 'line',
  appliesTo: (path) => !isGeneratedDataFile(path),
  check(file: FileView): RawFinding[] {
    const out: RawFinding[] = [];
    for (const seg of file.segments) {
      const text = seg.text;
      COMMAND.lastIndex = 0;
      let c: RegExpExecArray | null;
      while ((c = COMMAND.exec(text)) !== null) {
        const command =
          COMMANDS[
            Number(
              Object.keys(c.groups!)
                .find((k) => c!.groups![k] !== undefined)!
                .slice(1),
            )
          ]!;
        const from = c.index + c[0].length;
        const stop = text.slice(from).search(COMMAND_END);
        const args = text.slice(from, stop < 0 ? text.length : from + stop);
        command.flag.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = command.flag.exec(args)) !== null) {
          const value = m.groups!.value!;
          const at = from + m.indices!.groups!.value![0];
          const end = from + m.index + m[0].length;
          const verdict = judgeAssignment(
            { name: 'password', nameQuoted: false, op: '=', value, quote: m.groups!.q ?? '', start: at, end: at + value.length, next: text.charAt(end), typed: false, form: 'statement' },
            text,
            at,
          );
          if (!verdict) continue;
          // A password that spells the tool it is given to (`mariadb -u root -p'<Tool>11!'`, `redis-cli -a <tool>123`): a
          // guide's demo default, as its own manifests set it; still shown, for installs that kept it.
          const tool = /^[A-Za-z]+/.exec(c[0])?.[0].toLowerCase() ?? '';
          const demo = tool.length >= 4 && value.toLowerCase().includes(tool);
          out.push({
            start: seg.offset + at,
            end: seg.offset + at + value.length,
            secret: value,
            message: `Literal password given to ${command.label} on its command line: change it on the system it logs in to, and pass it from the environment or a secret store${demo ? ` (it spells the tool's name, \`${tool}\`: a demo default as often; check that no install keeps it)` : ''}.`,
            ...(demo ? { confidence: 'low' as const } : {}),
          });
          if (out.length >= MAX_FINDINGS) return out;
        }
        COMMAND.lastIndex = Math.max(COMMAND.lastIndex, from + args.length);
      }
    }
    return out;
  },
};

export default rule;
