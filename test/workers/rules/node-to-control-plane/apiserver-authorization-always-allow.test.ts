import rule from '../../../../src/rules/node-to-control-plane/apiserver-authorization-always-allow';
import { apiserverPod, manifestPath } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = manifestPath('kube-apiserver');
const authorizationConfig = (types: string[]) =>
  [
    'apiVersion: apiserver.config.k8s.io/v1',
    'kind: AuthorizationConfiguration',
    'authorizers:',
    ...types.flatMap((type) => [`- type: ${type}`, `  name: ${type.toLowerCase()}`]),
    '',
  ].join('\n');

ruleTester(rule, {
  valid: [
    {
      name: 'Node and RBAC',
      files: [{ name: file, content: apiserverPod(['--authorization-mode=Node,RBAC']) }],
    },
    {
      name: 'repeated flag, last list has no AlwaysAllow',
      files: [{ name: file, content: apiserverPod(['--authorization-mode', 'Node,RBAC']) }],
    },
    {
      name: '--authorization-config with Node and RBAC authorizers (no --authorization-mode is not a default here)',
      files: [
        { name: file, content: apiserverPod(['--authorization-config=/etc/kubernetes/authz.yaml']) },
        { name: '/etc/kubernetes/authz.yaml', content: authorizationConfig(['Node', 'RBAC']) },
      ],
    },
  ],
  invalid: [
    {
      name: 'neither flag: the API server defaults to AlwaysAllow',
      files: [{ name: file, content: apiserverPod(['--secure-port=6443']) }],
      findings: [
        {
          file,
          line: 8,
          locationDefault: true,
          messageIncludes: 'neither --authorization-mode nor --authorization-config',
        },
      ],
    },
    {
      name: 'AlwaysAllow listed in the flag',
      files: [{ name: file, content: apiserverPod(['--authorization-mode=RBAC,AlwaysAllow']) }],
      findings: [{ file, line: 10, messageIncludes: '--authorization-mode=RBAC,AlwaysAllow' }],
    },
    {
      name: 'AlwaysAllow among the AuthorizationConfiguration authorizers',
      files: [
        { name: file, content: apiserverPod(['--authorization-config=/etc/kubernetes/authz.yaml']) },
        { name: '/etc/kubernetes/authz.yaml', content: authorizationConfig(['Node', 'AlwaysAllow']) },
      ],
      findings: [{ file: '/etc/kubernetes/authz.yaml', line: 6 }],
    },
  ],
  notEvaluated: [
    {
      name: '--authorization-config names a file that was not uploaded',
      files: [{ name: file, content: apiserverPod(['--authorization-config=/etc/kubernetes/authz.yaml']) }],
      reasonIncludes: '--authorization-config names /etc/kubernetes/authz.yaml, which was not uploaded',
    },
  ],
});
