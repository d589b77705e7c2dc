import rule from '../../../../src/rules/node-to-control-plane/apiserver-serving-cert-name-mismatch';
import { kubeconfig } from '../../../../src/rules/support/examples';
import { ruleTester } from '../../../support/rule-tester';
import { OPTIONS, kubeadm } from '../../../support/pki-uploads';

const APISERVER = '/etc/kubernetes/pki/apiserver.crt';
const admin = (server: string) =>
  kubeconfig('/etc/kubernetes/admin.conf', [`server: ${server}`], 'kubernetes-admin', []);

ruleTester(rule, {
  valid: [
    {
      name: 'the right kubeadm PKI (ClusterIP 10.96.0.1, kubernetes.default.svc, 10.0.0.10)',
      files: kubeadm(),
      options: OPTIONS,
    },
    {
      name: 'an admin kubeconfig that dials a name of the certificate, in another case',
      files: kubeadm({}, [admin('https://Control-Plane-1:6443')]),
      options: OPTIONS,
    },
  ],
  invalid: [
    {
      name: 'the certificate lacks the kubernetes Service ClusterIP pods dial',
      files: kubeadm({ apiserver: 'apiserver-no-service-ip' }),
      options: OPTIONS,
      findings: [{ file: APISERVER, line: 1, messageIncludes: ['does not name 10.96.0.1', 'ClusterIP'] }],
    },
    {
      name: 'a kubeconfig dials a load balancer the certificate does not name',
      files: kubeadm({}, [admin('https://lb.example.com:6443')]),
      options: OPTIONS,
      findings: [
        {
          file: APISERVER,
          messageIncludes: ['lb.example.com (the admin kubeconfig /etc/kubernetes/admin.conf server)'],
        },
      ],
    },
    {
      name: 'twelve kubeconfigs dial it: ten are named, and the others counted',
      files: kubeadm(
        {},
        Array.from({ length: 12 }, (_, i) =>
          kubeconfig(
            `/etc/kubernetes/admin-${i}.conf`,
            ['server: https://lb.example.com:6443'],
            'kubernetes-admin',
            [],
          ),
        ),
      ),
      options: OPTIONS,
      findings: [
        {
          file: APISERVER,
          messageIncludes: ['admin-0.conf server; ', 'admin-9.conf server and 2 more)'],
        },
      ],
    },
    {
      name: 'twelve kubeconfigs dial twelve addresses: ten are named, and the others counted',
      files: kubeadm(
        {},
        Array.from({ length: 12 }, (_, i) =>
          kubeconfig(
            `/etc/kubernetes/admin-${i}.conf`,
            [`server: https://lb-${i}.example.com:6443`],
            'kubernetes-admin',
            [],
          ),
        ),
      ),
      options: OPTIONS,
      findings: [
        {
          file: APISERVER,
          messageIncludes: [
            'does not name lb-0.example.com (the admin kubeconfig /etc/kubernetes/admin-0.conf server), ',
            'lb-9.example.com (the admin kubeconfig /etc/kubernetes/admin-9.conf server) and 2 more: ',
          ],
        },
      ],
    },
    {
      name: 'an IPv6 kubeconfig server',
      files: kubeadm({}, [admin('https://[fd00::10]:6443')]),
      options: OPTIONS,
      findings: [{ file: APISERVER, messageIncludes: 'does not name [fd00::10]' }],
    },
  ],
});
