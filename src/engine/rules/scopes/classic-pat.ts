/**
 * Classic personal access tokens where the policy requires fine-grained ones: a classic PAT reaches
 * every repository its owner can, its scopes are coarse (`repo` is all-or-nothing), and it may never
 * expire. Fine-grained PATs (or GitHub Apps) name repositories and per-permission levels.
 *
 * ```yaml
 * rules:
 *   scopes/classic-pat:
 *     options:
 *       requireFineGrained: true     # default
 *       exempt: [legacy-mirror-bot]  # inventory names (globs) allowed to stay classic, e.g. for APIs without fine-grained support
 * ```
 */
import { nameMatches } from '../../glob.js';
import type { RawFinding, Rule } from '../../rule.js';
import { boolean, listOf } from '../../option-schema.js';
import { TOKEN_GRANTS } from './lib/controls.js';
import { CLASSIC_SCOPES, entryLabel, findTokenEntries, isTokenConfigPath } from './lib/token-config.js';
import { at } from './lib/workflow.js';

export interface ClassicPatOptions {
  requireFineGrained?: boolean;
  exempt?: string[];
}

const rule: Rule = {
  meta: {
    id: 'scopes/classic-pat',
    family: 'scopes',
    severity: 'medium',
    confidence: 'high',
    description: 'Classic personal access token where the policy requires fine-grained tokens',
    controls: [...TOKEN_GRANTS],
    remediation:
      'Replace the classic PAT with a fine-grained PAT (resource owner, selected repositories, the permissions it uses, an expiry) or a GitHub App, revoke the classic token, and update the inventory entry.',
    options: {
      requireFineGrained: boolean('Report classic personal access tokens (`false` turns the rule off).', true),
      exempt: listOf('Inventory names (globs) of tokens allowed to stay classic, e.g. for APIs without fine-grained support.', []),
    },
  },
  keywords: ['classic', 'scope'],
  scope: 'file',
  globOptions: ['exempt'],
  appliesTo: isTokenConfigPath,
  check(file, ctx) {
    const opts = ctx.options as ClassicPatOptions;
    if (opts.requireFineGrained === false) return [];
    const exempt = Array.isArray(opts.exempt) ? opts.exempt.map(String) : [];
    const out: RawFinding[] = [];
    for (const entry of findTokenEntries(file.path, file.text)) {
      // `kind: pat` with classic scopes (`repo`, `admin:org`) is a classic PAT too.
      const classicByScopes = entry.kind === 'pat' || entry.kind === 'personal-access-token' ? entry.scopes.some((s) => s.value.toLowerCase() in CLASSIC_SCOPES) : false;
      if (entry.kind !== 'classic-pat' && !classicByScopes) continue;
      if (entry.name && exempt.some((g) => nameMatches(g, entry.name!))) continue;
      const broad = entry.scopes.map((s) => s.value).filter((s) => ['repo', 'workflow', 'write:packages', 'delete_repo'].includes(s.toLowerCase()) || CLASSIC_SCOPES[s.toLowerCase()]?.severity);
      out.push(
        at(entry.doc, entry.kindNode ?? entry.scopesKey ?? entry.node, {
          message: `${entryLabel(entry)} is a classic personal access token: it reaches every repository its owner can${broad.length ? ` with ${broad.map((b) => `\`${b}\``).join(', ')}` : ''}; the policy requires fine-grained tokens.`,
          construct: `token:${entry.name ?? ''} classic-pat`,
          confidence: entry.inInventory ? 'high' : 'medium',
          remediation: `Replace it with a fine-grained PAT limited to the repositories it works on${entry.scopes.length ? ` and the permissions behind ${entry.scopes.map((s) => `\`${s.value}\``).join(', ')}` : ''}, with an expiry (or a GitHub App installation token); then revoke the classic token and set \`kind: fine-grained-pat\` here.${entry.name ? ` If it must stay classic, add \`${entry.name}\` to \`exempt\` of \`scopes/classic-pat\` with a justification.` : ''}`,
        }),
      );
    }
    return out;
  },
};

export default rule;
