import rule from '../../../../src/rules/node-to-control-plane/kubernetes-service-endpoint-insecure';
import { apiserverPod, manifestPath } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = manifestPath('kube-apiserver');
const svcFile = '/kubernetes-service.yaml';
const service = (targetPort: number) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: kubernetes\n  namespace: default\nspec:\n  ports:\n  - name: https\n    port: 443\n    protocol: TCP\n    targetPort: ${targetPort}\n`;
const endpoints = (port: number) =>
  `apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: kubernetes\n  namespace: default\nsubsets:\n- addresses:\n  - ip: 10.0.0.10\n  ports:\n  - name: https\n    port: ${port}\n`;
const slice = (port: number) =>
  `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: kubernetes\n  namespace: default\n  labels:\n    kubernetes.io/service-name: kubernetes\naddressType: IPv4\nendpoints:\n- addresses: [10.0.0.10]\nports:\n- name: https\n  port: ${port}\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'default secure port 6443 everywhere',
      files: [
        { name: file, content: apiserverPod(['--authorization-mode=Node,RBAC']) },
        { name: svcFile, content: [service(6443), endpoints(6443), slice(6443)].join('---\n') },
      ],
    },
    {
      name: '--secure-port=8443 (minikube)',
      files: [
        { name: file, content: apiserverPod(['--secure-port=8443']) },
        { name: svcFile, content: [service(8443), endpoints(8443)].join('---\n') },
      ],
    },
  ],
  invalid: [
    {
      name: 'targetPort and endpoints on a plain-HTTP port (flag default 6443)',
      files: [
        { name: file, content: apiserverPod(['--authorization-mode=Node,RBAC']) },
        { name: svcFile, content: [service(8080), endpoints(8080)].join('---\n') },
      ],
      findings: [
        {
          file: svcFile,
          line: 11,
          messageIncludes: [
            'Service default/kubernetes targetPort is 8080',
            '--secure-port is not set, so the default 6443 applies',
          ],
        },
        { file: svcFile, line: 23, messageIncludes: 'Endpoints default/kubernetes port is 8080' },
      ],
    },
    {
      name: 'twelve API servers of twelve secure ports: ten named',
      files: [
        {
          name: file,
          content: Array.from({ length: 12 }, (_, i) => apiserverPod([`--secure-port=${7000 + i}`])).join(
            '---\n',
          ),
        },
        { name: svcFile, content: service(8080) },
      ],
      findings: [
        {
          file: svcFile,
          messageIncludes: [
            "not the API server's secure port 7000 or 7001 or ",
            ' or 7009 and 2 more (--secure-port=7000',
            '--secure-port=7009',
            ' and 2 more).',
          ],
        },
      ],
    },
    {
      name: 'EndpointSlice port differs from --secure-port',
      files: [
        { name: file, content: apiserverPod(['--secure-port=8443']) },
        { name: svcFile, content: slice(6443) },
      ],
      findings: [{ file: svcFile, line: 13, messageIncludes: ['EndpointSlice', '--secure-port=8443'] }],
    },
  ],
  notEvaluated: [
    {
      name: 'Service not uploaded',
      files: [{ name: file, content: apiserverPod(['--secure-port=6443']) }],
      reasonIncludes: 'default/kubernetes Service',
    },
  ],
});
