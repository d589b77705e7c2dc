import rule from '../../../../src/rules/node-to-control-plane/kubelet-client-cert-identity-invalid';
import { kubeletCommandLine } from '../../../../src/rules/support/examples';
import { ruleTester } from '../../../support/rule-tester';
import { KEY_BLOCK, OPTIONS, kubeadm, pem, replace } from '../../../support/pki-uploads';

const KUBELET_CLIENT = '/var/lib/kubelet/pki/kubelet-client-current.pem';
const withHostname = (name: string) =>
  kubeletCommandLine([
    '--config=/var/lib/kubelet/config.yaml',
    '--kubeconfig=/etc/kubernetes/kubelet.conf',
    `--hostname-override=${name}`,
  ]);

ruleTester(rule, {
  valid: [
    { name: 'CN=system:node:worker-1, O=system:nodes', files: kubeadm(), options: OPTIONS },
    {
      name: 'the kubelet-client-current.pem as the kubelet writes it: the certificate, then its key',
      files: replace(kubeadm(), KUBELET_CLIENT, pem('kubelet-client') + KEY_BLOCK),
      options: OPTIONS,
    },
    {
      name: 'the node name --hostname-override gives, lower-cased',
      files: kubeadm({}, [withHostname('Worker-1')]),
      options: OPTIONS,
    },
  ],
  invalid: [
    {
      name: 'CN=worker-1 without the system:node: prefix',
      files: kubeadm({ kubeletClient: 'kubelet-client-wrong-cn' }),
      options: OPTIONS,
      findings: [
        { file: KUBELET_CLIENT, messageIncludes: 'its CN is worker-1, not system:node:<node name>' },
      ],
    },
    {
      name: 'O=system:masters instead of system:nodes',
      files: kubeadm({ kubeletClient: 'kubelet-client-wrong-o' }),
      options: OPTIONS,
      findings: [{ file: KUBELET_CLIENT, messageIncludes: ['without system:nodes', 'system:masters'] }],
    },
    {
      name: 'the certificate names another node than --hostname-override',
      files: kubeadm({}, [withHostname('worker-2')]),
      options: OPTIONS,
      findings: [{ file: KUBELET_CLIENT, messageIncludes: 'but the node is worker-2' }],
    },
  ],
});
