/**
 * Start-up diagnostics for the App's identity: APP_ID and the private key (PRIVATE_KEY, PRIVATE_KEY_PATH,
 * or the one `*.pem` in the working directory, as Probot looks for it). Each problem is named with its fix
 * before Probot gets the values and fails with "secretOrPrivateKey must be an asymmetric key" or a JWT
 * error from GitHub.
 */
import { createPrivateKey } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const WHERE_ID = "the numeric App ID on the App's settings page (General → About → App ID; `probot run` registration writes it to .env)";
const WHERE_KEY = "generate one on the App's settings page (General → Private keys) and point PRIVATE_KEY_PATH at the downloaded .pem file";

/** Probot's reading of PRIVATE_KEY (@probot/get-private-key): base64 decoded, `\n` escapes turned into newlines. */
function asProbotReadsIt(value: string): string {
  let v = value;
  if (Buffer.from(v, 'base64').toString('base64') === v) v = Buffer.from(v, 'base64').toString();
  return v.includes('\\n') ? v.replace(/\\n/g, '\n') : v;
}

/** What is wrong with a PEM text said to hold the App's private key, or undefined when it is one. */
export function pemProblem(text: string, name: string): string | undefined {
  const t = text.trim();
  if (!t) return `${name} is empty: ${WHERE_KEY}.`;
  if (/^["']?-----BEGIN [A-Z ]*PRIVATE KEY-----["']?$/.test(t)) {
    return `${name} holds only the first line of a key: the value was cut at the first newline (docker --env-file and many .env readers do not read multi-line values). Mount the key file and set PRIVATE_KEY_PATH, or put the key on one line with \\n escapes.`;
  }
  if (/^["'].*["']$/s.test(t) && t.includes('-----BEGIN'))
    return `${name} is wrapped in quotes that were kept (docker --env-file keeps them): remove the quotes, or mount the key file and set PRIVATE_KEY_PATH.`;
  if (t.includes('-----BEGIN OPENSSH PRIVATE KEY-----')) return `${name} is an SSH key, not the App's private key: ${WHERE_KEY}.`;
  if (t.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----')) return `${name} is encrypted with a passphrase; the App needs the key as GitHub issued it (unencrypted PEM): ${WHERE_KEY}.`;
  if (/-----BEGIN (?:RSA )?PUBLIC KEY-----|-----BEGIN CERTIFICATE-----/.test(t)) return `${name} is a public key or a certificate, not the private key: ${WHERE_KEY}.`;
  const pkcs = /-----BEGIN (RSA )?PRIVATE KEY-----[\s\S]*-----END (RSA )?PRIVATE KEY-----/.exec(t);
  if (!pkcs) return `${name} is not a PEM private key (no "-----BEGIN RSA PRIVATE KEY-----" … "-----END RSA PRIVATE KEY-----" block): ${WHERE_KEY}.`;
  // A key on one line (its newlines lost): Probot puts them back around the markers, and so do we.
  const pem = pkcs[0].includes('\n') ? pkcs[0] : pkcs[0].replace(/(-----BEGIN [A-Z ]+-----)/, '$1\n').replace(/(-----END [A-Z ]+-----)/, '\n$1');
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'rsa') return `${name} is a ${key.asymmetricKeyType ?? 'non-RSA'} key; GitHub Apps sign with RSA keys: ${WHERE_KEY}.`;
  } catch (e) {
    return `${name} looks like a PEM private key but cannot be read (${(e as Error).message.split('\n')[0]}): it may be truncated or edited; ${WHERE_KEY}.`;
  }
  return undefined;
}

const looksLikePath = (v: string): boolean => !v.includes('-----') && !/\s/.test(v.trim()) && (/\.(pem|key)$/i.test(v.trim()) || /^(\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(v.trim()));

/** Problems with APP_ID and the private key, each with its fix; empty when the App can authenticate. */
export function credentialProblems(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): string[] {
  const problems: string[] = [];
  const id = env.APP_ID;
  if (id === undefined || id.trim() === '') problems.push(`APP_ID is not set: ${WHERE_ID}.`);
  else if (!/^\d+$/.test(id.trim())) {
    const v = id.trim();
    const hint = /^["'].*["']$/.test(v)
      ? 'it has quotes around it that were kept (docker --env-file keeps them): remove them'
      : /^Iv[0-9a-z]*\.|^Iv\d/i.test(v)
        ? 'that is the Client ID; the App ID is the number above it'
        : `it must be ${WHERE_ID}`;
    problems.push(`APP_ID "${v}" is not a number: ${hint}.`);
  }

  // Probot's order: PRIVATE_KEY, then PRIVATE_KEY_PATH, then the one *.pem in the working directory.
  if (env.PRIVATE_KEY) {
    const raw = env.PRIVATE_KEY;
    if (looksLikePath(raw)) problems.push(`PRIVATE_KEY holds a file name ("${raw.trim()}"), not the key: set PRIVATE_KEY_PATH=${raw.trim()} instead (and unset PRIVATE_KEY).`);
    else {
      const p = pemProblem(asProbotReadsIt(raw), 'PRIVATE_KEY');
      if (p) problems.push(p);
    }
    return problems;
  }
  if (env.PRIVATE_KEY_PATH) {
    const abs = resolve(cwd, env.PRIVATE_KEY_PATH);
    const shown = abs === env.PRIVATE_KEY_PATH ? abs : `${env.PRIVATE_KEY_PATH} (${abs})`;
    let text: string | undefined;
    try {
      if (statSync(abs).isDirectory()) {
        const pems = readdirSync(abs).filter((f) => f.endsWith('.pem'));
        problems.push(
          `PRIVATE_KEY_PATH ${shown} is a directory: point it at the key file${pems.length ? ` in it (${pems.join(', ')})` : ''}. (A Docker bind mount of a file that did not exist on the host creates a directory.)`,
        );
      } else text = readFileSync(abs, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push(
        code === 'ENOENT'
          ? `PRIVATE_KEY_PATH ${shown} does not exist (relative paths are from ${cwd}): ${WHERE_KEY}.`
          : code === 'EACCES'
            ? `PRIVATE_KEY_PATH ${shown} cannot be read by this user: make it readable by the user the App runs as (in the Docker image: app).`
            : `PRIVATE_KEY_PATH ${shown} cannot be read (${code ?? (e as Error).message}).`,
      );
    }
    if (text !== undefined) {
      const p = pemProblem(text, `PRIVATE_KEY_PATH ${shown}`);
      if (p) problems.push(p);
    }
    return problems;
  }
  let pems: string[] = [];
  try {
    pems = readdirSync(cwd).filter((f) => f.endsWith('.pem'));
  } catch {
    // an unreadable working directory: as if it held none
  }
  if (pems.length === 0) problems.push(`PRIVATE_KEY or PRIVATE_KEY_PATH is not set (the App's private key, PEM): ${WHERE_KEY}.`);
  else if (pems.length > 1) problems.push(`PRIVATE_KEY and PRIVATE_KEY_PATH are not set, and ${cwd} holds several .pem files (${pems.join(', ')}): set PRIVATE_KEY_PATH to the App's key.`);
  else {
    const p = pemProblem(readFileSync(resolve(cwd, pems[0]!), 'utf8'), `${pems[0]} (the one .pem file in ${cwd}, used as the key)`);
    if (p) problems.push(p);
  }
  return problems;
}

/** Generic APP_ID / key lines of the server's own checks, replaced by the precise ones above. */
const GENERIC = /^(APP_ID is not set|PRIVATE_KEY or PRIVATE_KEY_PATH is not set)/;

/** The start-up verdict for `npm start`: every problem at once, the credentials' named precisely. */
export function startupProblems(serverProblems: readonly string[], env: NodeJS.ProcessEnv, cwd: string = process.cwd()): string[] {
  return [...credentialProblems(env, cwd), ...serverProblems.filter((p) => !GENERIC.test(p))];
}

/** Print the problems and exit 1, before Probot turns them into cryptic errors; return when there are none. */
export function exitOnStartupProblems(serverProblems: readonly string[], env: NodeJS.ProcessEnv = process.env): void {
  const problems = startupProblems(serverProblems, env);
  if (!problems.length) return;
  console.error(`Token Warden will not start:\n- ${problems.join('\n- ')}\nSee docs/github-app.md for the settings.`);
  process.exit(1);
}
