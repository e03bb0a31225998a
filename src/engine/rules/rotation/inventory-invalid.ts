/**
 * The token inventory itself is broken: YAML syntax, the schema (`policies/token-inventory.schema.json`:
 * unknown keys, unknown kinds, malformed owners and dates) or consistency (a name declared twice, an
 * expiry before the last rotation). A broken inventory cannot vouch for anything, so every rotation
 * check built on it is unreliable until it is fixed.
 */
import type { RawFinding, Rule } from '../../rule.js';
import { CREDENTIAL_INVENTORY } from './lib/controls.js';
import { isInventoryPath, loadInventory } from './lib/inventory-rule.js';

const rule: Rule = {
  meta: {
    id: 'rotation/inventory-invalid',
    family: 'rotation',
    severity: 'high',
    confidence: 'high',
    description: 'Token inventory (.github/token-inventory.yml) does not parse or does not match its schema',
    controls: [...CREDENTIAL_INVENTORY],
    remediation: 'Fix the inventory as the message says; `tokenwarden inventory check` lists every problem with its line. The format is described in docs/token-inventory.md.',
  },
  // Every inventory, even one without a single expected word.
  keywords: [],
  scope: 'file',
  appliesTo: isInventoryPath,
  context: isInventoryPath,
  check(file, ctx) {
    const l = loadInventory(file, ctx);
    if (!l) return [];
    const out: RawFinding[] = [];
    for (const e of l.inv.errors) {
      const line = l.whole.viewLine(e.line);
      if (line === undefined) continue;
      out.push({ line, column: e.column, message: `Token inventory: ${e.message}`, remediation: e.fix, construct: `error:${e.message}` });
    }
    return out;
  },
};

export default rule;
