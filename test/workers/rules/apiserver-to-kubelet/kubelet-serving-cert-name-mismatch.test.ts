import rule from '../../../../src/rules/apiserver-to-kubelet/kubelet-serving-cert-name-mismatch';
import { ruleTester } from '../../../support/rule-tester';
import { OPTIONS, kubeadm, replace } from '../../../support/pki-uploads';

const FLAGS = '/var/lib/kubelet/kubeadm-flags.env';
const SERVING = '/var/lib/kubelet/pki/kubelet-server-current.pem';
const hostnameFirst = (files: ReturnType<typeof kubeadm>) =>
  files.map((file) =>
    file.name.endsWith('kube-apiserver.yaml')
      ? { ...file, content: file.content.replace('InternalIP,ExternalIP,Hostname', 'Hostname,InternalIP') }
      : file,
  );

ruleTester(rule, {
  valid: [
    { name: 'InternalIP first: --node-ip 10.0.0.21 is in the SANs', files: kubeadm(), options: OPTIONS },
    {
      name: 'Hostname first: worker-1, the node name its client certificate gives',
      files: hostnameFirst(kubeadm({ kubeletServing: 'kubelet-serving-no-ip' })),
      options: OPTIONS,
    },
  ],
  invalid: [
    {
      name: 'the certificate names worker-1 only; the API server dials 10.0.0.21',
      files: kubeadm({ kubeletServing: 'kubelet-serving-no-ip' }),
      options: OPTIONS,
      findings: [
        {
          file: SERVING,
          messageIncludes: ['at 10.0.0.21 (its InternalIP, --node-ip', 'is valid for worker-1'],
        },
      ],
    },
    {
      name: 'twelve API servers dial 10.0.0.21, which the certificate does not name: one finding, ten named',
      files: kubeadm({ kubeletServing: 'kubelet-serving-no-ip' }).flatMap((file) =>
        file.name.endsWith('kube-apiserver.yaml')
          ? Array.from({ length: 12 }, (_, i) => ({
              ...file,
              name: file.name.replace('.yaml', `-${i}.yaml`),
            }))
          : [file],
      ),
      options: OPTIONS,
      findings: [
        {
          file: SERVING,
          messageIncludes: [
            'kube-apiserver (/etc/kubernetes/manifests/kube-apiserver-0.yaml), kube-apiserver (/etc/kubernetes/manifests/kube-apiserver-1.yaml), ',
            'kube-apiserver (/etc/kubernetes/manifests/kube-apiserver-9.yaml) dial ',
            ' at 10.0.0.21 (its InternalIP, --node-ip; ',
            ' and 2 more, but its serving certificate',
          ],
        },
      ],
    },
    {
      name: 'another --node-ip',
      files: replace(kubeadm(), FLAGS, 'KUBELET_KUBEADM_ARGS="--node-ip=10.0.0.99"\n'),
      options: OPTIONS,
      findings: [{ file: SERVING, messageIncludes: 'at 10.0.0.99' }],
    },
  ],
  notEvaluated: [
    {
      name: 'no --node-ip: the InternalIP the kubelet picks is not in the upload',
      files: kubeadm().filter((file) => file.name !== FLAGS),
      options: OPTIONS,
      reasonIncludes: 'set --node-ip',
    },
  ],
});
