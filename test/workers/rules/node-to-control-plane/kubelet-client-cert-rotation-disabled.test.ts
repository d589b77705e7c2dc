import rule from '../../../../src/rules/node-to-control-plane/kubelet-client-cert-rotation-disabled';
import {
  KUBELET_CONFIG_PATH,
  kubeconfig,
  kubeletCommandLine,
  kubeletConfig,
} from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const certUser =
  'client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem\nclient-key: /var/lib/kubelet/pki/kubelet-client-current.pem';
const kubeletConf = (user: string) => ({
  name: '/etc/kubernetes/kubelet.conf',
  content: kubeconfig(
    'server: https://10.0.0.10:6443\ncertificate-authority: /etc/kubernetes/pki/ca.crt',
    user,
  ),
});

ruleTester(rule, {
  valid: [
    {
      name: 'config file: rotateCertificates true',
      files: [{ name: KUBELET_CONFIG_PATH, content: kubeletConfig('rotateCertificates: true\n') }],
    },
    {
      name: 'flag: --rotate-certificates',
      files: [{ name: '/proc/1/cmdline', content: kubeletCommandLine(['--rotate-certificates=true']) }],
    },
    {
      name: 'no rotation, but the kubelet authenticates with an exec plugin',
      files: [
        { name: KUBELET_CONFIG_PATH, content: kubeletConfig('') },
        kubeletConf('exec:\n  apiVersion: client.authentication.k8s.io/v1beta1\n  command: aws'),
      ],
    },
  ],
  invalid: [
    {
      name: 'config-file default false, client certificate in its kubeconfig',
      files: [
        {
          name: KUBELET_CONFIG_PATH,
          content: kubeletConfig('authentication:\n  anonymous:\n    enabled: false\n'),
        },
        kubeletConf(certUser),
      ],
      findings: [
        {
          file: KUBELET_CONFIG_PATH,
          line: 1,
          locationDefault: true,
          messageIncludes: ['KubeletConfiguration default false', 'uses a client certificate'],
        },
      ],
    },
    {
      name: 'flag default false without --config, bootstrapping',
      files: [
        {
          name: '/proc/1/cmdline',
          content: kubeletCommandLine(['--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf']),
        },
      ],
      findings: [
        { locationDefault: true, messageIncludes: ['flag default false', 'bootstraps a client certificate'] },
      ],
    },
    {
      name: 'explicitly false, kubeconfig not uploaded',
      files: [{ name: KUBELET_CONFIG_PATH, content: kubeletConfig('rotateCertificates: false\n') }],
      findings: [
        { line: 3, messageIncludes: ['rotateCertificates: false', 'a client certificate is assumed'] },
      ],
    },
  ],
});
