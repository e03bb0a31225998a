/**
 * Scope lists of long-lived tokens in configuration — the token inventory and `scopes:` /
 * `oauth_scopes:` next to a GitHub token kind — judged against the policy: admin, delete and
 * site-wide scopes are forbidden by default; an org can list the scopes each token kind may hold.
 *
 * ```yaml
 * rules:
 *   scopes/token-scopes:
 *     options:
 *       allowed:                       # per token kind; scopes outside the list are findings
 *         classic-pat: [repo, read:org]
 *         oauth-app: [read:user, user:email]
 *       forbidden: [site_admin, admin:enterprise, delete_repo, admin:org]   # replaces the default list
 * ```
 */
import type { Severity } from '../../finding.js';
import type { RawFinding, Rule } from '../../rule.js';
import { listOf } from '../../option-schema.js';
import { TOKEN_GRANTS } from './lib/controls.js';
import { CLASSIC_SCOPES, DEFAULT_FORBIDDEN, WILDCARDS, coveredBy, entryLabel, findTokenEntries, isTokenConfigPath, type TokenEntry } from './lib/token-config.js';
import { at } from './lib/workflow.js';

export interface TokenScopesOptions {
  allowed?: Record<string, string[]>;
  forbidden?: string[];
}

const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.map((x) => String(x).toLowerCase()) : undefined);

function minimal(entry: TokenEntry, drop: string): string {
  const keep = entry.scopes.map((s) => s.value).filter((s) => s.toLowerCase() !== drop);
  return keep.length ? `[${keep.join(', ')}]` : '[]';
}

const rule: Rule = {
  meta: {
    id: 'scopes/token-scopes',
    family: 'scopes',
    severity: 'high',
    confidence: 'high',
    description: 'Token scope list holds scopes the policy forbids or does not allow for that token kind',
    controls: [...TOKEN_GRANTS],
    remediation: 'Reissue the token with only the scopes its job needs (prefer a fine-grained PAT or a GitHub App with per-repository permissions), revoke the old one, and update the scope list.',
    options: {
      allowed: {
        description: 'Per token kind, the scopes its tokens may hold; any other scope is a finding, e.g. `{ classic-pat: [repo, read:org] }`.',
        type: 'object',
        additionalProperties: { type: 'array', items: { type: 'string' } },
        default: {},
      },
      forbidden: listOf('Scopes a GitHub token may not hold (replaces the default list).', DEFAULT_FORBIDDEN),
    },
  },
  keywords: ['scope'],
  scope: 'file',
  appliesTo: isTokenConfigPath,
  check(file, ctx) {
    const entries = findTokenEntries(file.path, file.text);
    if (!entries.length) return [];
    const opts = ctx.options as TokenScopesOptions;
    const forbidden = strings(opts.forbidden) ?? DEFAULT_FORBIDDEN;
    const allowedByKind = opts.allowed && typeof opts.allowed === 'object' ? opts.allowed : {};
    const out: RawFinding[] = [];
    for (const entry of entries) {
      if (!entry.scopes.length) continue;
      const values = entry.scopes.map((s) => s.value.toLowerCase());
      const vocabulary = values.some((v) => v in CLASSIC_SCOPES);
      const github = entry.kind === 'classic-pat' || entry.kind === 'oauth-app' || (entry.githubContext && vocabulary);
      if (!github && !entry.credentialContext) continue;
      const allowed = strings(allowedByKind[entry.kind ?? '']);
      const label = entryLabel(entry);
      const id = `${entry.name ?? ''}|${entry.kind ?? ''}`;
      for (const item of entry.scopes) {
        const v = item.value.toLowerCase();
        const spec = CLASSIC_SCOPES[v];
        let severity: Severity | undefined;
        let why: string;
        if (WILDCARDS.has(v) && !(allowed && allowed.includes(v))) {
          severity = 'high';
          why = `has the wildcard scope \`${item.value}\`: everything its issuer can grant`;
        } else if (allowed) {
          if (coveredBy(v, allowed)) continue;
          severity = spec?.severity ?? (github && !spec ? 'low' : 'medium');
          why = `has \`${item.value}\`, which the policy does not allow for ${entry.kind} tokens (allowed: ${allowed.length ? allowed.join(', ') : 'none'})`;
        } else if (github && forbidden.includes(v)) {
          severity = spec?.severity ?? 'high';
          why = `has \`${item.value}\`${spec?.risk ? ` (${spec.risk})` : ''}, a scope the policy forbids`;
        } else continue;
        out.push(
          at(entry.doc, item.node ?? entry.scopesKey, {
            message: `${label} ${why}.`,
            construct: `token:${id} scope:${v}`,
            severity,
            confidence: entry.inInventory || entry.kind ? 'high' : 'medium',
            remediation: `Reissue the token without \`${item.value}\` — scopes ${minimal(entry, v)}${entry.kind === 'classic-pat' ? ', or better a fine-grained PAT limited to the repositories and permissions it uses' : ''} — revoke the old token, and update this list. If the scope is truly needed, allow it for ${entry.kind ?? 'this token kind'} in \`scopes/token-scopes\` with a justification.`,
          }),
        );
      }
    }
    return out;
  },
};

export default rule;
