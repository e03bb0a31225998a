import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/rotation/k8s-service-account-token.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { y } from './helpers.js';

const secret = y`
  apiVersion: v1
  kind: Secret
  metadata:
    name: build-robot-token
    namespace: ci
    annotations:
      kubernetes.io/service-account.name: build-robot
  type: kubernetes.io/service-account-token
`;

ruleTester(rule, {
  valid: [
    { code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: tls\ntype: kubernetes.io/tls\n', path: 'k8s/tls.yaml' },
    { code: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: build-robot\n', path: 'k8s/sa.yaml' },
    // documentation that mentions the type
    { code: 'Legacy secrets of type kubernetes.io/service-account-token are deprecated.\n', path: 'docs/k8s.md' },
    { code: 'kind: ConfigMap\ndata:\n  type: kubernetes.io/service-account-token\n', path: 'k8s/cm.yaml' },
  ],
  invalid: [
    { code: secret, path: 'k8s/token.yaml', count: 1, line: 8 },
    { code: `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: a\n---\n${secret}`, path: 'k8s/all.yaml', count: 1, line: 13 },
    {
      code: `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Secret\n    metadata:\n      name: t\n    type: kubernetes.io/service-account-token\n`,
      path: 'k8s/list.yml',
      count: 1,
      line: 8,
    },
    { code: '{"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "t"}, "type": "kubernetes.io/service-account-token"}', path: 'k8s/t.json', count: 1 },
    // a Helm template does not parse: the line itself
    {
      code: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ .Release.Name }}-token\n  {{- with .Values.annotations }}\n  annotations: {{ toYaml . | nindent 4 }}\n  {{- end }}\ntype: kubernetes.io/service-account-token\n`,
      path: 'charts/app/templates/token.yaml',
      count: 1,
      line: 8,
    },
  ],
});

describe('rotation/k8s-service-account-token', () => {
  it('names the Secret and its service account', () => {
    expect(runRule(rule, { code: secret, path: 'k8s/token.yaml' })[0]!.message).toBe(
      'Secret `build-robot-token` holds a legacy token for service account `build-robot` that never expires: anyone who reads it can act as the service account until the Secret is deleted.',
    );
  });
});
