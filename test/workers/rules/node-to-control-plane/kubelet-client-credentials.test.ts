import rule from '../../../../src/rules/node-to-control-plane/kubelet-client-credentials';
import { kubeconfig, kubeletCommandLine } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = '/etc/kubernetes/kubelet.conf';
const cluster = 'server: https://10.0.0.10:6443\ncertificate-authority: /etc/kubernetes/pki/ca.crt';

ruleTester(rule, {
  valid: [
    {
      name: 'client certificate',
      files: [
        {
          name: file,
          content: kubeconfig(
            cluster,
            'client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem\nclient-key: /var/lib/kubelet/pki/kubelet-client-current.pem',
          ),
        },
      ],
    },
    {
      name: 'token, but the kubelet bootstraps a certificate',
      files: [
        { name: file, content: kubeconfig(cluster, 'token: static-token-value') },
        {
          name: '/proc/1/cmdline',
          content: kubeletCommandLine([
            '--kubeconfig=/etc/kubernetes/kubelet.conf',
            '--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf',
          ]),
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'static token',
      files: [{ name: file, content: kubeconfig(cluster, 'token: static-token-value') }],
      findings: [
        { file, line: 11, messageIncludes: ["the kubelet's kubeconfig", 'a static bearer token (token)'] },
      ],
    },
    {
      name: 'user name and password',
      files: [{ name: file, content: kubeconfig(cluster, 'username: kubelet\npassword: hunter2') }],
      findings: [{ line: 11, messageIncludes: 'a user name and password' }],
    },
  ],
  notEvaluated: [
    {
      name: 'only a controller-manager kubeconfig',
      files: [
        {
          name: '/etc/kubernetes/controller-manager.conf',
          content: kubeconfig(cluster, 'token: x', 'system:kube-controller-manager'),
        },
      ],
      reasonIncludes: 'no kubelet kubeconfig was uploaded',
    },
  ],
});
