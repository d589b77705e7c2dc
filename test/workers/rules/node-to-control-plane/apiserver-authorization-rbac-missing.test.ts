import rule from '../../../../src/rules/node-to-control-plane/apiserver-authorization-rbac-missing';
import { apiserverPod, manifestPath } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = manifestPath('kube-apiserver');
const authzFile = '/etc/kubernetes/authz.yaml';
const authz = (types: string[]) =>
  [
    'apiVersion: apiserver.config.k8s.io/v1',
    'kind: AuthorizationConfiguration',
    'authorizers:',
    ...types.flatMap((type) => [`- type: ${type}`, `  name: ${type.toLowerCase()}`]),
    '',
  ].join('\n');
const withConfig = (types: string[]) => [
  { name: file, content: apiserverPod([`--authorization-config=${authzFile}`]) },
  { name: authzFile, content: authz(types) },
];

ruleTester(rule, {
  valid: [
    { name: 'Node,RBAC', files: [{ name: file, content: apiserverPod(['--authorization-mode=Node,RBAC']) }] },
    { name: 'RBAC in an AuthorizationConfiguration', files: withConfig(['Node', 'RBAC']) },
  ],
  invalid: [
    {
      name: 'Node and ABAC',
      files: [{ name: file, content: apiserverPod(['--authorization-mode=Node,ABAC']) }],
      findings: [{ file, line: 10, messageIncludes: 'does not use the RBAC authorizer' }],
    },
    {
      name: 'default AlwaysAllow',
      files: [{ name: file, content: apiserverPod(['--secure-port=6443']) }],
      findings: [{ file, locationDefault: true }],
    },
    {
      name: 'AuthorizationConfiguration with a webhook only',
      files: withConfig(['Node', 'Webhook']),
      findings: [{ file: authzFile, line: 3 }],
    },
  ],
});
