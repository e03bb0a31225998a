/**
 * Google Cloud API keys (`google_apikeys_key`) that are not restricted (CIS GCP 1.12–1.14). An API key
 * is a bearer string: whoever holds it (it ships in web pages and mobile apps) can call with it. Google's
 * API Keys API restricts a key two ways, both in the `restrictions` block:
 *
 * - application restrictions, who may use it: `browser_key_restrictions` (HTTP referrers),
 *   `server_key_restrictions` (caller IPs), `android_key_restrictions`, `ios_key_restrictions` (apps);
 * - API restrictions, what it may call: `api_targets` (a service and optionally methods). Without any,
 *   "all targets are allowed": the key can call every API enabled in the project.
 *
 * Graded: no `restrictions` (or one with neither kind) → high; an application restriction but no
 * `api_targets` → medium; `api_targets` but no application restriction → low. A browser restriction
 * whose referrers are all wildcards (`*`, `.*`) or a server restriction whose IPs are all `0.0.0.0/0` /
 * `::/0` restricts nothing and counts as none. A `dynamic` block counts as present (its content is not
 * known here).
 */
import type { Severity } from '../../finding.js';
import type { RawFinding, Rule } from '../../rule.js';
import { attr, parseHcl, type HclBlock, type HclValue } from '../../parse/hcl.js';
import { LEAST_PRIVILEGE } from './lib/controls.js';
import { appliesToTerraform } from './lib/gcp-iam.js';

const APP_RESTRICTIONS = ['browser_key_restrictions', 'server_key_restrictions', 'android_key_restrictions', 'ios_key_restrictions'] as const;
const ANY_REFERRER = /^(?:\*|\.\*|\*\/\*|\.\*\/\.\*|https?:\/\/\*(?:\/\*)?)$/;
const ANY_IP = /^(?:0\.0\.0\.0\/0|::\/0)$/;

/** `<type>` blocks and `dynamic "<type>"` blocks (the latter: present, content unknown). */
function blocks(b: HclBlock, type: string): { plain: HclBlock[]; dynamic: boolean } {
  return { plain: b.blocks.filter((c) => c.type === type), dynamic: b.blocks.some((c) => c.type === 'dynamic' && c.labels[0] === type) };
}

/** The literal strings of a list attribute; undefined when any item (or the list) is computed. */
function literals(v: HclValue | undefined): string[] | undefined {
  if (!v || v.kind !== 'tuple') return undefined;
  const out: string[] = [];
  for (const i of v.items) {
    if (i.kind !== 'string') return undefined;
    out.push(i.value.trim());
  }
  return out;
}

/** The application restriction in force, or why there is none (`wildcard`: present but open to all). */
function appRestriction(r: HclBlock): { kind: 'yes' } | { kind: 'none' } | { kind: 'wildcard'; what: string } {
  let wildcard: string | undefined;
  for (const type of APP_RESTRICTIONS) {
    const { plain, dynamic } = blocks(r, type);
    if (dynamic) return { kind: 'yes' };
    for (const b of plain) {
      if (type === 'browser_key_restrictions') {
        const refs = literals(attr(b, 'allowed_referrers')?.value);
        if (refs && refs.length && refs.every((x) => ANY_REFERRER.test(x))) {
          wildcard = `its \`browser_key_restrictions\` allows every referrer with ${refs.map((x) => `\`${x}\``).join(', ')}`;
          continue;
        }
      } else if (type === 'server_key_restrictions') {
        const ips = literals(attr(b, 'allowed_ips')?.value);
        if (ips && ips.length && ips.every((x) => ANY_IP.test(x))) {
          wildcard = `its \`server_key_restrictions\` allows every IP address with ${ips.map((x) => `\`${x}\``).join(', ')}`;
          continue;
        }
      }
      return { kind: 'yes' };
    }
  }
  return wildcard ? { kind: 'wildcard', what: wildcard } : { kind: 'none' };
}

const rule: Rule = {
  meta: {
    id: 'scopes/gcp-api-key-unrestricted',
    family: 'scopes',
    severity: 'high',
    confidence: 'high',
    description: 'Google Cloud API key (`google_apikeys_key`) without API restrictions (`api_targets`) or application restrictions (referrers, IPs, apps)',
    controls: [...LEAST_PRIVILEGE, 'NIST-800-53-IA-5', 'CIS-GCP-1.12', 'CIS-GCP-1.13', 'CIS-GCP-1.14'],
    remediation:
      'Add a `restrictions` block with `api_targets` naming only the services (and methods) the key is for, and one application restriction: `browser_key_restrictions.allowed_referrers`, `server_key_restrictions.allowed_ips`, `android_key_restrictions` or `ios_key_restrictions`. For server-to-server calls prefer a service account over an API key.',
  },
  keywords: ['google_apikeys_key'],
  scope: 'file',
  appliesTo: appliesToTerraform,
  check(file) {
    const parsed = parseHcl(file.text);
    const out: RawFinding[] = [];
    for (const k of parsed?.root.blocks ?? []) {
      const [type, name] = k.labels;
      if (k.type !== 'resource' || type !== 'google_apikeys_key' || name === undefined) continue;
      const address = `${type}.${name}`;
      const restrictions = blocks(k, 'restrictions');
      if (restrictions.dynamic) continue;
      const r = restrictions.plain[0];
      const targets = r ? blocks(r, 'api_targets') : undefined;
      const hasTargets = !!targets && (targets.dynamic || targets.plain.length > 0);
      const app = r ? appRestriction(r) : ({ kind: 'none' } as const);
      const hasApp = app.kind === 'yes';
      if (hasTargets && hasApp) continue;
      let severity: Severity;
      let message: string;
      let kind: string;
      if (!hasTargets && !hasApp) {
        severity = 'high';
        kind = 'unrestricted';
        message = !r
          ? `\`${address}\` has no \`restrictions\`: anyone holding the key, from any site, address or app, can call every API enabled in the project with it.`
          : app.kind === 'wildcard'
            ? `\`${address}\` has no \`api_targets\`, and ${app.what}: anyone holding the key can call every API enabled in the project with it.`
            : `\`${address}\` has a \`restrictions\` block with neither \`api_targets\` nor an application restriction: anyone holding the key can call every API enabled in the project with it.`;
      } else if (!hasTargets) {
        severity = 'medium';
        kind = 'no-api-targets';
        message = `\`${address}\` restricts who may use the key but not what it may call (no \`api_targets\`): it works for every API enabled in the project, not only the one it was made for.`;
      } else {
        severity = 'low';
        kind = 'no-application-restriction';
        message = `\`${address}\` limits the APIs the key may call (\`api_targets\`) but not who may use it (${app.kind === 'wildcard' ? app.what : 'no browser, server, Android or iOS restriction'}): anyone who copies the key can use it from anywhere.`;
      }
      const at = r ?? k;
      out.push({ line: at.pos.line, column: at.pos.column, message, severity, construct: `gcp-api-key:${address}:${kind}` });
    }
    return out;
  },
};

export default rule;
