/**
 * The whole `secrets` context handed to a step — `${{ toJSON(secrets) }}` — or a secret picked by a
 * computed name — `${{ secrets[format('TOKEN_{0}', matrix.env)] }}`. Either way every secret the job
 * can see is loaded into the runner (and masked only if it is used verbatim), not the one it needs.
 */
import type { RawFinding, Rule } from '../../rule.js';
import { SECRET_EXPOSURE } from './lib/controls.js';
import { expressionsIn, isYamlPath, loadUnit, withoutPeerIgnored } from './lib/workflow.js';

const WHOLE = /\btojson\s*\(\s*secrets\s*\)/i;
/** `secrets[` not preceded by a property access; the index is checked separately. */
const INDEX = /(?<![\w.-])secrets\s*\[/gi;

/** Whether `body` indexes `secrets` with something other than a string literal. */
function dynamicIndex(body: string): boolean {
  INDEX.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = INDEX.exec(body))) {
    const rest = body.slice(m.index + m[0].length);
    if (!/^\s*'(?:[^']|'')*'\s*\]/.test(rest)) return true;
  }
  return false;
}

const rule: Rule = {
  meta: {
    id: 'scopes/workflow-dynamic-secrets',
    family: 'scopes',
    severity: 'medium',
    confidence: 'high',
    description: 'Workflow loads every secret into a step (`toJSON(secrets)` or `secrets[<computed>]`)',
    controls: [...SECRET_EXPOSURE],
    remediation:
      'Reference each secret the step needs by name (`${{ secrets.DEPLOY_KEY }}`); for per-environment secrets use GitHub environments (`environment:`) so the same name resolves to the right secret.',
  },
  keywords: ['secrets'],
  scope: 'file',
  appliesTo: isYamlPath,
  check(file) {
    const unit = loadUnit(file);
    if (!unit) return [];
    const doc = unit.doc;
    const out: RawFinding[] = [];
    for (const ex of expressionsIn(doc, file.text, unit.root, { want: /\$\{\{/ })) {
      // Where the `${{` opens.
      const start = ex.start - 3;
      const whole = WHOLE.test(ex.body);
      if (!whole && !dynamicIndex(ex.body)) continue;
      const p = doc.file.pos(start);
      out.push({
        line: p.line,
        column: p.column,
        message: whole
          ? 'The whole `secrets` context is serialised into this value (`toJSON(secrets)`): every secret the job can see reaches the step.'
          : 'A secret is selected by a computed name (`secrets[…]`): GitHub must expose every secret to the job to resolve it, and the name can be steered.',
        construct: `${whole ? 'tojson' : 'index'}:${ex.body.replace(/\s+/g, '')}`,
        remediation: whole
          ? 'Pass only the secrets the step uses, one by one: `env: { DEPLOY_KEY: ${{ secrets.DEPLOY_KEY }} }`.'
          : 'Name the secret literally (`secrets.TOKEN_PROD`), or move per-environment values into GitHub environments and use one name.',
      });
    }
    return withoutPeerIgnored(file.text, out, ['overprovisioned-secrets']);
  },
};

export default rule;
