import rule from '../../../../src/rules/node-to-control-plane/apiserver-authorization-node-missing';
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
    {
      name: 'Node in an AuthorizationConfiguration (peers false-positive here)',
      files: withConfig(['Node', 'RBAC']),
    },
  ],
  invalid: [
    {
      name: 'RBAC only',
      files: [{ name: file, content: apiserverPod(['--authorization-mode=RBAC']) }],
      findings: [{ file, line: 10, messageIncludes: '--authorization-mode=RBAC' }],
    },
    {
      name: 'default AlwaysAllow',
      files: [{ name: file, content: apiserverPod(['--secure-port=6443']) }],
      findings: [{ file, line: 8, locationDefault: true, messageIncludes: 'default AlwaysAllow' }],
    },
    {
      name: 'AuthorizationConfiguration without Node',
      files: withConfig(['RBAC']),
      findings: [{ file: authzFile, line: 3, messageIncludes: `authorizers [RBAC] in ${authzFile}` }],
    },
  ],
  notEvaluated: [
    {
      name: 'AuthorizationConfiguration not uploaded',
      files: [{ name: file, content: apiserverPod([`--authorization-config=${authzFile}`]) }],
      reasonIncludes: `--authorization-config names ${authzFile}, which was not uploaded`,
    },
  ],
});
