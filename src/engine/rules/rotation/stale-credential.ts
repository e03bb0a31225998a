/**
 * A token inventory entry for a credential no workflow of the repository uses any more: it still
 * works (and can still leak) but nothing needs it. Only entries that are workflow secrets are judged:
 * no `used_in`, or `used_in` naming only workflow files — a credential declared for a service or a
 * cluster is not stale because no workflow names it. Cross-file: the rule reads every workflow of the
 * repository, so it says nothing when the scan saw no workflow file, and nothing while some workflow
 * hands every secret on (`secrets: inherit` to an outside workflow, `toJSON(secrets)`).
 */
import type { RawFinding, Rule } from '../../rule.js';
import { isWorkflowFile, workflowBound } from '../../inventory/index.js';
import { STALE_ACCESS } from './lib/controls.js';
import { repoPrefix, repoReferences, workflowPaths } from './lib/context.js';
import { atEntry, isInventoryPath, label, loadInventory } from './lib/inventory-rule.js';

const rule: Rule = {
  meta: {
    id: 'rotation/stale-credential',
    family: 'rotation',
    severity: 'medium',
    confidence: 'medium',
    description: 'Token inventory entry for a secret no workflow uses any more',
    controls: [...STALE_ACCESS],
    remediation: 'Revoke the credential at its issuer, delete the GitHub secret and remove the entry — or, if something outside the workflows uses it, say where in `used_in`.',
  },
  keywords: ['credentials'],
  scope: 'file',
  appliesTo: isInventoryPath,
  context: (path) => isInventoryPath(path) || isWorkflowFile(path),
  check(file, ctx) {
    const repo = ctx.repo;
    if (!repo) return [];
    const prefix = repoPrefix(file.path);
    const workflows = workflowPaths(repo, prefix);
    if (!workflows.length) return [];
    const l = loadInventory(file, ctx);
    if (!l) return [];
    const refs = repoReferences(repo, prefix);
    if (refs.open.length) return [];
    const out: RawFinding[] = [];
    for (const e of l.inv.entries) {
      if (!workflowBound(e)) continue;
      if (e.secretNames.some((n) => refs.byName.has(n.toUpperCase()))) continue;
      const f = atEntry(l, e, 'name', {
        message: `Credential ${label(e)} is not used by any workflow (${workflows.length} checked)${e.usedIn.length ? `, although \`used_in\` names ${e.usedIn.join(', ')}` : ''}: an unused credential can still leak.`,
        construct: `entry:${e.name.toUpperCase()} stale`,
      });
      if (f) out.push(f);
    }
    return out;
  },
};

export default rule;
