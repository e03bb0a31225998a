/**
 * A secret a workflow uses (`${{ secrets.NAME }}`, `secrets['NAME']`) that the token inventory does
 * not declare: nobody has said who owns it, when it was rotated or when it expires. One finding per
 * secret and workflow file, at its first use. `GITHUB_TOKEN` needs no entry; a reusable workflow's
 * declared secrets are its caller's inputs (unless a caller passes `secrets: inherit`).
 *
 * Cross-file: the inventory is read through `ctx.repo` (the scan's own `.github/token-inventory.yml`,
 * or what the caller can read). Without an inventory the rule is silent unless `requireInventory` is
 * set, so repositories adopt the inventory on purpose.
 *
 * ```yaml
 * rules:
 *   rotation/inventory-missing:
 *     options:
 *       exempt: [SLACK_CHANNEL_ID, "*_URL"]   # secret names (globs, any case) that are not credentials
 *       requireInventory: false              # true: with no inventory, every secret is undeclared
 * ```
 */
import type { RawFinding, Rule } from '../../rule.js';
import { boolean, listOf } from '../../option-schema.js';
import { exemptOption, isExempt, isInventoryPath, isWorkflowFile, referencedSecrets, type SecretReference } from '../../inventory/index.js';
import { CREDENTIAL_INVENTORY } from './lib/controls.js';
import { findInventory, repoPrefix, repoReferences, wholeFile } from './lib/context.js';

const rule: Rule = {
  meta: {
    id: 'rotation/inventory-missing',
    family: 'rotation',
    severity: 'medium',
    confidence: 'high',
    description: 'Workflow uses a secret that the token inventory does not declare',
    controls: [...CREDENTIAL_INVENTORY],
    remediation:
      'Add an entry for the secret to .github/token-inventory.yml (kind, owner, scopes, rotation_days, last_rotated, expires, used_in); `tokenwarden inventory init` drafts entries for every secret the workflows use.',
    options: {
      exempt: listOf('Secret names (globs, any case) that are not credentials, e.g. `[SLACK_CHANNEL_ID, "*_URL"]`.', []),
      requireInventory: boolean('With no inventory, report every secret a workflow uses as undeclared (otherwise the rule is silent until the repository adopts one).', false),
    },
  },
  keywords: ['secrets'],
  scope: 'file',
  globOptions: ['exempt'],
  appliesTo: isWorkflowFile,
  context: (path) => isInventoryPath(path) || isWorkflowFile(path),
  check(file, ctx) {
    const prefix = repoPrefix(file.path);
    const inv = findInventory(ctx.repo, prefix);
    const requireInventory = ctx.options.requireInventory === true;
    if (!inv && !requireInventory) return [];
    // An inventory that does not parse at all is `rotation/inventory-invalid`'s; do not guess.
    if (inv && !inv.entries.length && inv.errors.length) return [];
    const declared = new Set((inv?.entries ?? []).flatMap((e) => e.secretNames.map((n) => n.toUpperCase())));
    const exempt = exemptOption(ctx.options) ?? [];

    // The repository's view (reusable workflows and their callers) when it holds this file whole,
    // mapped onto the view (a diff keeps only added lines); otherwise this text alone.
    let refs: SecretReference[];
    const whole = wholeFile(file, ctx.repo);
    if (ctx.repo && whole && ctx.repo.read(file.path) === whole.text) {
      refs = [...repoReferences(ctx.repo, prefix, file.path).byName.values()].flat().flatMap((r) => {
        const line = r.path === file.path ? whole.viewLine(r.line) : undefined;
        return line === undefined ? [] : [{ ...r, line }];
      });
    } else {
      const own = referencedSecrets([{ path: file.path, text: file.text }]);
      if (own.notJudged?.length) throw own.notJudged[0]!.limit;
      refs = [...own.byName.values()].flat();
    }
    const first = new Map<string, SecretReference>();
    for (const r of refs) {
      if (r.via !== 'expression') continue;
      const k = r.name.toUpperCase();
      const seen = first.get(k);
      if (!seen || r.line < seen.line || (r.line === seen.line && r.column < seen.column)) first.set(k, r);
    }
    const out: RawFinding[] = [];
    for (const [k, r] of first) {
      if (declared.has(k) || isExempt(r.name, exempt)) continue;
      const uses = refs.filter((x) => x.via === 'expression' && x.name.toUpperCase() === k).length;
      out.push({
        line: r.line,
        column: r.column,
        message: inv
          ? `Secret \`${r.name}\` is used here${uses > 1 ? ` (and ${uses - 1} more time${uses > 2 ? 's' : ''} in this file)` : ''}${r.environment ? ` in environment \`${r.environment}\`` : ''} but not declared in ${inv.path}: nobody has said who owns it, when it was rotated or when it expires.`
          : `Secret \`${r.name}\` is used here but the repository has no token inventory (.github/token-inventory.yml), which the policy requires.`,
        construct: `secret:${k}`,
        remediation: `Add an entry \`- name: ${r.name}\` to ${inv?.path ?? '.github/token-inventory.yml'} with its kind, owner, scopes, rotation_days, last_rotated and expires${r.environment ? ` (environment: ${r.environment})` : ''} — \`tokenwarden inventory init\` drafts it — or, if it is not a credential, add it to \`exempt\` of \`rotation/inventory-missing\`.`,
      });
    }
    return out;
  },
};

export default rule;
