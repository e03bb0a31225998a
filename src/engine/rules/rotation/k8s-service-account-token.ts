/**
 * Legacy Kubernetes service-account token Secrets (`kind: Secret`, `type:
 * kubernetes.io/service-account-token`): the API server fills them with a token that never expires
 * and stays valid until the Secret is deleted. Since Kubernetes 1.22 pods get short-lived, audience-
 * bound tokens through the TokenRequest API (projected volumes); outside pods, `kubectl create token`
 * issues one with an expiry.
 */
import type { RawFinding, Rule } from '../../rule.js';
import { parseYaml } from '../../parse/yaml.js';
import { LONG_LIVED } from './lib/controls.js';
import { addedWhole } from './lib/context.js';

const TYPE = 'kubernetes.io/service-account-token';
const LINE = /^[ \t]*["']?type["']?[ \t]*:[ \t]*["']?kubernetes\.io\/service-account-token["']?[ \t]*(?:#.*)?$/gm;

const rule: Rule = {
  meta: {
    id: 'rotation/k8s-service-account-token',
    family: 'rotation',
    severity: 'medium',
    confidence: 'high',
    description: 'Kubernetes Secret of type service-account-token: a service account token that never expires',
    controls: [...LONG_LIVED],
    remediation:
      'Delete the Secret and let pods use projected service account tokens (the default since Kubernetes 1.22; `serviceAccountToken` volume with `expirationSeconds`). For a client outside the cluster issue a bounded token with `kubectl create token <sa> --duration=…`, or better use workload identity federation.',
  },
  keywords: [TYPE],
  scope: 'file',
  appliesTo: (p) => /\.(?:ya?ml|json)$/i.test(p),
  check(file) {
    const out: RawFinding[] = [];
    const parsed = parseYaml(file.text, /\.json$/i.test(file.path) ? { uniqueKeys: false } : { version: '1.1', tolerant: true });
    if (parsed && parsed.docs.length) {
      for (const doc of parsed.docs) {
        const visit = (node: unknown, depth: number): void => {
          if (depth > 6) return;
          if (doc.isSeq(node)) {
            for (const it of doc.items(node)) visit(it, depth + 1);
            return;
          }
          if (!doc.isMap(node)) return;
          const kind = doc.str(doc.get(node, 'kind'));
          if (kind === 'List') return visit(doc.get(node, 'items'), depth + 1);
          const type = doc.entry(node, 'type');
          if (kind !== 'Secret' || doc.str(type?.value) !== TYPE) return;
          const span = doc.span(node);
          if (span && !addedWhole(file, span.line, span.endLine)) return;
          const name = doc.str(doc.get(node, 'metadata', 'name')) ?? '';
          const sa = doc.str(doc.get(node, 'metadata', 'annotations', 'kubernetes.io/service-account.name'));
          const p = doc.pos(type?.keyNode) ?? span ?? { line: 1, column: 1 };
          out.push({
            line: p.line,
            column: p.column,
            message: `Secret \`${name}\` holds a legacy token${sa ? ` for service account \`${sa}\`` : ''} that never expires: anyone who reads it can act as the service account until the Secret is deleted.`,
            construct: `secret:${doc.str(doc.get(node, 'metadata', 'namespace')) ?? ''}/${name}`,
          });
        };
        visit(doc.root, 0);
      }
      return out;
    }
    // Templates (Helm) do not parse as YAML: fall back to the line itself.
    if (!/\bkind["']?\s*:\s*["']?Secret\b/.test(file.text)) return [];
    let n = 0;
    for (const m of file.text.matchAll(LINE)) {
      out.push({
        start: m.index + m[0].indexOf('type'),
        end: m.index + m[0].length,
        message: 'This Secret holds a legacy service account token that never expires.',
        construct: `template-secret:${n++}`,
        confidence: 'medium',
      });
    }
    return out;
  },
};

export default rule;
