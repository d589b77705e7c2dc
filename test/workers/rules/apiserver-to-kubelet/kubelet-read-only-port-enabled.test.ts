import rule from '../../../../src/rules/apiserver-to-kubelet/kubelet-read-only-port-enabled';
import { KUBELET_CONFIG_PATH, kubeletCommandLine, kubeletConfig } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const flagsFile = '/var/lib/kubelet/kubeadm-flags.env';

ruleTester(rule, {
  valid: [
    {
      name: 'config file without the field: default 0',
      files: [{ name: KUBELET_CONFIG_PATH, content: kubeletConfig('port: 10250\n') }],
    },
    {
      name: 'no --config but --read-only-port=0',
      files: [{ name: 'ps.txt', content: kubeletCommandLine(['--read-only-port=0']) }],
    },
    {
      name: 'kubeadm flags file plus its config file',
      files: [
        {
          name: flagsFile,
          content: 'KUBELET_KUBEADM_ARGS="--pod-infra-container-image=registry.k8s.io/pause:3.10"\n',
        },
        { name: KUBELET_CONFIG_PATH, content: kubeletConfig('readOnlyPort: 0\n') },
      ],
    },
  ],
  invalid: [
    {
      name: 'config file opens 10255',
      files: [{ name: KUBELET_CONFIG_PATH, content: kubeletConfig('readOnlyPort: 10255\n') }],
      findings: [{ file: KUBELET_CONFIG_PATH, line: 3, messageIncludes: 'read-only port 10255' }],
    },
    {
      name: 'no --config: flag default 10255',
      files: [{ name: 'ps.txt', content: kubeletCommandLine(['--kubeconfig=/etc/kubernetes/kubelet.conf']) }],
      findings: [{ file: 'ps.txt', locationDefault: true, messageIncludes: 'flag default 10255' }],
    },
    {
      name: 'a flag in the kubeadm flags file overrides the config file',
      files: [
        { name: flagsFile, content: 'KUBELET_KUBEADM_ARGS="--read-only-port=10255"\n' },
        { name: KUBELET_CONFIG_PATH, content: kubeletConfig('readOnlyPort: 0\n') },
      ],
      findings: [{ file: flagsFile, line: 1, messageIncludes: '--read-only-port=10255' }],
    },
    {
      name: 'two nodes: each kubelet is judged and named',
      files: [
        { name: 'worker-1/var/lib/kubelet/config.yaml', content: kubeletConfig('readOnlyPort: 10255\n') },
        { name: 'worker-2/var/lib/kubelet/config.yaml', content: kubeletConfig('readOnlyPort: 10255\n') },
      ],
      findings: [{ messageIncludes: 'node worker-1' }, { messageIncludes: 'node worker-2' }],
    },
  ],
});
