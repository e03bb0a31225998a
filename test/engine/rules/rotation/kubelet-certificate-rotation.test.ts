import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/rotation/kubelet-certificate-rotation.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';

const pod = (command: string, args = ''): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kubelet\n  namespace: kube-system\nspec:\n  containers:\n  - name: kubelet\n    image: registry.k8s.io/kubelet:v1.30.0\n    command:\n${command}${args ? `    args:\n${args}` : ''}`;
const kubeletConfig = (body: string): string => `apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n${body}`;

ruleTester(rule, {
  valid: [
    { code: pod('    - kubelet\n    - --rotate-certificates=true\n'), path: 'manifests/kubelet.yaml' },
    { code: pod('    - kubelet\n    - --feature-gates=RotateKubeletServerCertificate=true\n'), path: 'manifests/kubelet.yaml' },
    // Another program with a flag of the same name is not the kubelet.
    { code: pod('    - /bin/agent\n    - --rotate-certificates=false\n'), path: 'manifests/agent.yaml' },
    { code: kubeletConfig('rotateCertificates: true\nserverTLSBootstrap: true\nfeatureGates:\n  RotateKubeletServerCertificate: true\n'), path: 'kubelet-config.yaml' },
    { code: 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: InitConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    rotate-certificates: "true"\n', path: 'kubeadm.yaml' },
    { code: 'ExecStart=/usr/bin/kubelet --rotate-certificates=true --config=/var/lib/kubelet/config.yaml', path: 'kubelet.service' },
    // Prose about the flag.
    { code: 'Never start the kubelet with `--rotate-certificates=false`.', path: 'docs/hardening.md' },
  ],
  invalid: [
    { code: pod('    - kubelet\n    - --rotate-certificates=false\n'), path: 'manifests/kubelet.yaml', count: 1, line: 12 },
    {
      code: pod('    - /usr/local/bin/kubelet\n', '    - --config=/etc/kubernetes/kubelet.conf\n    - --feature-gates=RotateKubeletServerCertificate=false,GracefulNodeShutdown=true\n'),
      path: 'ds.yaml',
      count: 1,
      line: 14,
    },
    {
      code: pod('    - kube-controller-manager\n    - --feature-gates=RotateKubeletServerCertificate=false\n'),
      path: 'manifests/kube-controller-manager.yaml',
      count: 1,
    },
    { code: pod('    - sh\n    - -c\n    - exec kubelet --rotate-certificates=false --v=2\n'), path: 'pod.yaml', count: 1 },
    { code: pod('    - kubelet\n    - --rotate-certificates=false\n    - --feature-gates=RotateKubeletServerCertificate=false\n'), path: 'manifests/kubelet.yaml', count: 2 },
    { code: kubeletConfig('rotateCertificates: false\n'), path: 'kubelet-config.yaml', count: 1, line: 3 },
    { code: kubeletConfig('featureGates:\n  RotateKubeletServerCertificate: false\n'), path: 'kubelet-config.yaml', count: 1, line: 4 },
    { code: 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: JoinConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    rotate-certificates: "false"\n', path: 'kubeadm-join.yaml', count: 1, line: 5 },
    {
      code: 'apiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n  - name: feature-gates\n    value: RotateKubeletServerCertificate=false\n',
      path: 'kubeadm.yaml',
      count: 1,
      line: 5,
    },
    { code: 'ExecStart=/usr/bin/kubelet --rotate-certificates=false --config=/var/lib/kubelet/config.yaml', path: 'kubelet.service', count: 1 },
    { code: 'KUBELET_EXTRA_ARGS="--node-ip=10.0.0.5"\n/usr/bin/kubelet $KUBELET_EXTRA_ARGS --rotate-certificates false\n', path: 'bootstrap.sh', count: 1, line: 2 },
  ],
});

describe('rotation/kubelet-certificate-rotation', () => {
  it('names the container and says which certificate stops rotating', () => {
    const [f] = runRule(rule, { code: pod('    - kubelet\n    - --rotate-certificates=false\n'), path: 'manifests/kubelet.yaml' });
    expect(f!.message).toMatch(/^Container `kubelet` runs kubelet with certificate rotation off: the kubelet does not renew its client certificate/);
  });
});
