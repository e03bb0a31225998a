/**
 * A field picked out of a JSON secret in a workflow or composite action: `${{ fromJSON(secrets.X).field }}`,
 * `${{ fromJson(secrets.X)['field'] }}`, `${{ fromJSON(secrets['X']).a.b }}`. GitHub masks a secret's
 * value, as stored, in the logs; a value derived from it (a field of the decoded JSON) is not registered
 * for masking, so the credential prints in clear if a step echoes it, a tool logs it or it lands in
 * `set -x` output. zizmor's `unredacted-secrets` audit; its `# zizmor: ignore[unredacted-secrets]`
 * markers are honoured.
 *
 * Not reported: `fromJSON(secrets.X)` with no field taken (the value, if a scalar, prints as stored
 * and is masked); a field only compared or tested (`fromJSON(secrets.X).env == 'prod'`,
 * `!fromJSON(secrets.X).enabled`, `contains(fromJSON(secrets.X).list, …)`) and any `if:` condition:
 * the result is a boolean, not the value.
 */
import type { RawFinding, Rule } from '../../rule.js';
import type { YamlNode } from '../../parse/yaml.js';
import { SECRET_EXPOSURE } from './lib/controls.js';
import { expressionsIn, isYamlPath, loadUnit, withoutPeerIgnored, type CompositeAction, type Workflow } from './lib/workflow.js';

/** `fromJSON(secrets.NAME)` or `fromJSON(secrets['NAME'])` (the name in group 1 or 2). */
const FROM_JSON = /(?<![\w.-])fromjson\s*\(\s*secrets\s*(?:\.\s*([\w-]+)|\[\s*'((?:[^']|'')*)'\s*\])\s*\)/gi;
/** The property accesses after it: `.a`, `['b']`, `[matrix.k]`, `.*`. */
const ACCESS = /^(?:\s*(?:\.\s*[\w*-]+|\[[^\]]*\]))+/;
const COMPARED_AFTER = /^\s*(?:==|!=|<|>)/;
const TESTED_BEFORE = /(?:==|!=|<=|>=|<|>|!)\s*$|\b(?:contains|startswith|endswith)\s*\(\s*$/i;

/** Where an expression sits, for the message, and a stable key for the fingerprint. */
function where(unit: Workflow | CompositeAction, keys: Array<string | number>): { label: string; key: string } {
  const doc = unit.doc;
  let steps: YamlNode[] | undefined;
  let jobId: string | undefined;
  let rest: Array<string | number>;
  if (unit.kind === 'workflow') {
    if (keys[0] !== 'jobs' || typeof keys[1] !== 'string') return { label: `workflow-level \`${String(keys[0] ?? '')}\``, key: `workflow:${String(keys[0] ?? '')}` };
    jobId = keys[1];
    if (keys[2] !== 'steps' || typeof keys[3] !== 'number') return { label: `job \`${jobId}\` (\`${String(keys[2] ?? '')}\`)`, key: `job:${jobId}:${String(keys[2] ?? '')}` };
    steps = doc.items(doc.get(unit.root, 'jobs', jobId, 'steps'));
    rest = keys.slice(3);
  } else {
    if (keys[0] !== 'runs' || keys[1] !== 'steps' || typeof keys[2] !== 'number') return { label: 'action', key: 'action' };
    steps = doc.items(doc.get(unit.root, 'runs', 'steps'));
    rest = keys.slice(2);
  }
  const index = rest[0] as number;
  const node = steps[index];
  const name = doc.str(doc.get(node, 'name'));
  const id = doc.str(doc.get(node, 'id'));
  const uses = doc.str(doc.get(node, 'uses'));
  const step = name ? `step "${name}"` : id ? `step \`${id}\`` : uses ? `step \`${uses.replace(/@.*$/, '')}\`` : `step ${index + 1}`;
  return { label: jobId ? `${step} of job \`${jobId}\`` : `${step} of the action`, key: `${jobId ? `job:${jobId}` : 'action'}:${id ?? name ?? index}` };
}

const rule: Rule = {
  meta: {
    id: 'scopes/workflow-unredacted-secrets',
    family: 'scopes',
    severity: 'medium',
    confidence: 'high',
    description: 'Workflow takes a field out of a JSON secret (`fromJSON(secrets.X).field`): the derived value is not masked in logs',
    controls: [...SECRET_EXPOSURE],
    remediation:
      'Store each credential as its own secret and reference it directly (`${{ secrets.AWS_SECRET_ACCESS_KEY }}`), so GitHub masks it; if the JSON secret must stay, mask the derived value before anything can print it (`echo "::add-mask::$VALUE"` in the first step that reads it).',
  },
  keywords: ['fromjson'],
  scope: 'file',
  appliesTo: isYamlPath,
  check(file) {
    const unit = loadUnit(file);
    if (!unit) return [];
    const doc = unit.doc;
    const out: RawFinding[] = [];
    for (const ex of expressionsIn(doc, file.text, unit.root, { want: /fromjson/i })) {
      // A condition yields a boolean, never the value.
      if (ex.keys[ex.keys.length - 1] === 'if') continue;
      FROM_JSON.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = FROM_JSON.exec(ex.body))) {
        const after = ex.body.slice(m.index + m[0].length);
        const access = ACCESS.exec(after)?.[0];
        if (!access) continue;
        if (COMPARED_AFTER.test(after.slice(access.length)) || TESTED_BEFORE.test(ex.body.slice(0, m.index))) continue;
        const secret = m[1] ?? m[2]!.replace(/''/g, "'");
        const field = access.replace(/\s+/g, '');
        const shown = `${m[0].replace(/\s+/g, '')}${field}`;
        const w = where(unit, ex.keys);
        const p = doc.file.pos(ex.start + m.index);
        out.push({
          line: p.line,
          column: p.column,
          message: `The ${w.label} takes \`${field.replace(/^\./, '')}\` out of the JSON secret \`${secret}\` (\`${shown}\`): GitHub masks the secret's whole value in logs, not a field derived from it, so this credential prints in clear if a step echoes it or a tool logs it.`,
          construct: `unredacted:${w.key}:${shown.toLowerCase()}`,
        });
      }
    }
    return withoutPeerIgnored(file.text, out, ['unredacted-secrets']);
  },
};

export default rule;
