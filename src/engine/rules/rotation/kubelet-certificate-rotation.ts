/**
 * Kubelet certificate rotation turned off (CIS Kubernetes 4.2.11, 4.2.12): a kubelet started with
 * `--rotate-certificates=false` keeps its client certificate until it expires and then drops off the
 * cluster (or someone issues a long-lived one by hand), and `RotateKubeletServerCertificate=false` in
 * `--feature-gates` (kubelet or kube-controller-manager) does the same for its serving certificate.
 * Read where they are written: a container's `command`/`args` (static pods, DaemonSets), a
 * `KubeletConfiguration` (`rotateCertificates: false`, `featureGates`), kubeadm's `kubeletExtraArgs`
 * (map or list form), and a command line in a script or unit file.
 */
import type { RawFinding, Rule } from '../../rule.js';
import { parseYaml, type YamlDoc, type YamlNode } from '../../parse/yaml.js';
import { KEY_ROTATION } from './lib/controls.js';

const CLIENT_OFF = /(?:^|\s)--rotate-certificates(?:=|\s+)["']?false\b/i;
const SERVER_OFF = /--feature-gates(?:=|\s+)["']?[^\s"']*\bRotateKubeletServerCertificate=false\b/i;
/** The kubelet or the controller manager as the program run (a path, a word of a shell command). */
const COMPONENT = /(?:^|[\s/"'])(?<name>kubelet|kube-controller-manager)(?:$|[\s"';])/;
const LINE_OFF = /^.*\b(?:kubelet|kube-controller-manager)\b.*(?:--rotate-certificates(?:=|\s+)["']?false\b|RotateKubeletServerCertificate=false\b).*$/gim;

const CLIENT = 'the kubelet does not renew its client certificate: when it expires the node drops off the cluster, or someone issues a long-lived one by hand';
const SERVER = 'the kubelet does not renew its serving certificate through the cluster CA';

const rule: Rule = {
  meta: {
    id: 'rotation/kubelet-certificate-rotation',
    family: 'rotation',
    severity: 'medium',
    confidence: 'high',
    description: 'Kubelet certificate rotation turned off (--rotate-certificates=false, RotateKubeletServerCertificate=false)',
    controls: [...KEY_ROTATION, 'CIS-K8S-4.2.11', 'CIS-K8S-4.2.12'],
    remediation:
      'Remove `--rotate-certificates=false` (or set `rotateCertificates: true` in the KubeletConfiguration) and `RotateKubeletServerCertificate=false` from `--feature-gates` / `featureGates`; both default to on. With `serverTLSBootstrap: true` the serving certificate is issued through the cluster CA as well.',
  },
  keywords: ['rotate-certificates', 'rotatecertificates', 'rotatekubeletservercertificate'],
  scope: 'file',
  // Where a kubelet's flags are written: manifests and configuration, scripts, unit files, templates
  // (not source code or prose that mentions the flag).
  appliesTo: (p) => /\.(?:ya?ml|json|sh|bash|zsh|service|conf|cfg|env|ini|j2|tpl|tmpl|tftpl|ps1)$|(?:^|\/)(?:Dockerfile|Containerfile)[^/]*$|(?:^|\/)[^/.]+$/i.test(p),
  check(file) {
    const structured = /\.(?:ya?ml|json)$/i.test(file.path);
    if (structured) {
      const parsed = parseYaml(file.text, /\.json$/i.test(file.path) ? { uniqueKeys: false } : { version: '1.1', tolerant: true });
      if (parsed && parsed.docs.length) {
        const out: RawFinding[] = [];
        for (const doc of parsed.docs) visit(doc, doc.root, 0, out);
        return out;
      }
    }
    // Scripts, unit files, templates that do not parse: the command line itself.
    const out: RawFinding[] = [];
    for (const m of file.text.matchAll(LINE_OFF)) {
      const line = m[0];
      const client = CLIENT_OFF.test(line);
      out.push({
        start: m.index,
        end: m.index + line.length,
        message: `A kubelet command line turns certificate rotation off: ${client ? CLIENT : SERVER}.`,
        construct: `command:${client ? 'client' : 'server'}:${line.trim().slice(0, 200)}`,
        ...(structured ? { confidence: 'medium' as const } : {}),
      });
    }
    return out;
  },
};

function visit(doc: YamlDoc, node: YamlNode | undefined, depth: number, out: RawFinding[]): void {
  if (depth > 24 || node === undefined) return;
  if (doc.isSeq(node)) {
    for (const it of doc.items(node)) visit(doc, it, depth + 1, out);
    return;
  }
  if (!doc.isMap(node)) return;
  if (doc.str(doc.get(node, 'kind')) === 'KubeletConfiguration') kubeletConfiguration(doc, node, out);
  const extra = doc.entry(node, 'kubeletExtraArgs');
  if (extra) extraArgs(doc, extra.value, out);
  const command = doc.get(node, 'command');
  if (doc.isSeq(command) || doc.str(command) !== undefined) container(doc, node, out);
  for (const e of doc.entries(node)) if (e.key !== 'kubeletExtraArgs') visit(doc, e.value, depth + 1, out);
}

/** A container (or any `command`/`args` pair) that runs the kubelet or the controller manager. */
function container(doc: YamlDoc, node: YamlNode, out: RawFinding[]): void {
  const words = [...argv(doc, doc.get(node, 'command')), ...argv(doc, doc.get(node, 'args'))];
  const line = words.map((w) => w.text).join(' ');
  const program = COMPONENT.exec(line)?.groups?.name;
  if (!program) return;
  const name = doc.str(doc.get(node, 'name')) ?? program;
  const report = (re: RegExp, what: string, kind: string): void => {
    const word = words.find((w) => re.test(` ${w.text}`)) ?? words.find((w) => w.text.includes(kind === 'client' ? 'rotate-certificates' : 'RotateKubeletServerCertificate'));
    const p = doc.pos(word?.node) ?? doc.pos(node) ?? { line: 1, column: 1 };
    out.push({ line: p.line, column: p.column, message: `Container \`${name}\` runs ${program} with certificate rotation off: ${what}.`, construct: `container:${name}:${kind}` });
  };
  if (program === 'kubelet' && CLIENT_OFF.test(line)) report(CLIENT_OFF, CLIENT, 'client');
  if (SERVER_OFF.test(line)) report(SERVER_OFF, SERVER, 'server');
}

function argv(doc: YamlDoc, node: YamlNode | undefined): Array<{ text: string; node: YamlNode | undefined }> {
  if (doc.isSeq(node)) return doc.items(node).flatMap((n) => (doc.str(n) !== undefined ? [{ text: doc.str(n)!, node: n }] : []));
  const s = doc.str(node);
  return s !== undefined ? [{ text: s, node }] : [];
}

const isFalse = (v: string | undefined): boolean => v !== undefined && /^false$/i.test(v.trim());

function kubeletConfiguration(doc: YamlDoc, node: YamlNode, out: RawFinding[]): void {
  const rotate = doc.entry(node, 'rotateCertificates');
  if (rotate && isFalse(doc.str(rotate.value))) {
    const p = doc.pos(rotate.keyNode) ?? { line: 1, column: 1 };
    out.push({ line: p.line, column: p.column, message: `This KubeletConfiguration sets \`rotateCertificates: false\`: ${CLIENT}.`, construct: 'kubelet-config:client' });
  }
  const gate = doc.entry(doc.get(node, 'featureGates'), 'RotateKubeletServerCertificate');
  if (gate && isFalse(doc.str(gate.value))) {
    const p = doc.pos(gate.keyNode) ?? { line: 1, column: 1 };
    out.push({ line: p.line, column: p.column, message: `This KubeletConfiguration turns the RotateKubeletServerCertificate feature gate off: ${SERVER}.`, construct: 'kubelet-config:server' });
  }
}

/** kubeadm's `kubeletExtraArgs`: a map (v1beta3) or a list of `{name, value}` (v1beta4). */
function extraArgs(doc: YamlDoc, node: YamlNode | undefined, out: RawFinding[]): void {
  const pairs: Array<{ name: string; value: string | undefined; at: YamlNode | undefined }> = doc.isSeq(node)
    ? doc.items(node).map((it) => ({ name: doc.str(doc.get(it, 'name')) ?? '', value: doc.str(doc.get(it, 'value')), at: it }))
    : doc.entries(node).map((e) => ({ name: e.key, value: doc.str(e.value), at: e.keyNode }));
  for (const { name, value, at } of pairs) {
    const p = doc.pos(at) ?? { line: 1, column: 1 };
    if (name === 'rotate-certificates' && isFalse(value)) {
      out.push({ line: p.line, column: p.column, message: `kubeadm's \`kubeletExtraArgs\` sets \`rotate-certificates: "false"\`: ${CLIENT}.`, construct: 'kubeadm:client' });
    } else if (name === 'feature-gates' && value !== undefined && /\bRotateKubeletServerCertificate=false\b/i.test(value)) {
      out.push({ line: p.line, column: p.column, message: `kubeadm's \`kubeletExtraArgs\` turns the RotateKubeletServerCertificate feature gate off: ${SERVER}.`, construct: 'kubeadm:server' });
    }
  }
}

export default rule;
