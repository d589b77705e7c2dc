import rule from '../../../../src/rules/apiserver-to-kubelet/kubelet-client-ca-missing';
import { KUBELET_CONFIG_PATH, kubeletCommandLine, kubeletConfig } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const cmdline = '/proc/kubelet-cmdline.txt';

ruleTester(rule, {
  valid: [
    {
      name: 'kubeadm: clientCAFile in the config file',
      files: [
        {
          name: KUBELET_CONFIG_PATH,
          content: kubeletConfig('authentication:\n  x509:\n    clientCAFile: /etc/kubernetes/pki/ca.crt\n'),
        },
      ],
    },
    {
      name: 'without --config, --client-ca-file',
      files: [
        { name: cmdline, content: kubeletCommandLine(['--client-ca-file=/etc/kubernetes/pki/ca.crt']) },
      ],
    },
  ],
  invalid: [
    {
      name: 'with --config, no clientCAFile: no default',
      files: [{ name: KUBELET_CONFIG_PATH, content: kubeletConfig('readOnlyPort: 0\n') }],
      findings: [{ locationDefault: true, messageIncludes: 'authentication.x509.clientCAFile is not set' }],
    },
    {
      name: 'without --config, no --client-ca-file',
      files: [{ name: cmdline, content: kubeletCommandLine(['--kubeconfig=/etc/kubernetes/kubelet.conf']) }],
      findings: [{ file: cmdline, locationDefault: true, messageIncludes: 'runs without --config' }],
    },
    {
      name: 'set to an empty string',
      files: [
        {
          name: KUBELET_CONFIG_PATH,
          content: kubeletConfig('authentication:\n  x509:\n    clientCAFile: ""\n'),
        },
      ],
      findings: [{ line: 5, locationDefault: false }],
    },
  ],
});
