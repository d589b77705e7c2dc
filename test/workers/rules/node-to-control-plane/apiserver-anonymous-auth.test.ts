import rule from '../../../../src/rules/node-to-control-plane/apiserver-anonymous-auth';
import { apiserverPod, manifestPath } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = manifestPath('kube-apiserver');
const authnFile = '/etc/kubernetes/authn.yaml';
const RBAC = '--authorization-mode=Node,RBAC';
const withConfig = [{ name: file, content: apiserverPod([RBAC, `--authentication-config=${authnFile}`]) }];
const authn = (anonymous: string) =>
  `apiVersion: apiserver.config.k8s.io/v1\nkind: AuthenticationConfiguration\nanonymous:\n${anonymous}`;

ruleTester(rule, {
  valid: [
    {
      name: '--anonymous-auth=false',
      files: [{ name: file, content: apiserverPod(['--anonymous-auth=false']) }],
    },
    {
      name: 'anonymous limited to health checks by conditions',
      files: [
        ...withConfig,
        {
          name: authnFile,
          content: authn(
            '  enabled: true\n  conditions:\n  - path: /livez\n  - path: /readyz\n  - path: /healthz\n',
          ),
        },
      ],
    },
    {
      // pkg/kubeapiserver/options/authentication.go ApplyAuthorization resets anonymous to false.
      name: 'the AlwaysAllow authorizer turns anonymous authentication off',
      files: [
        { name: file, content: apiserverPod(['--authorization-mode=AlwaysAllow', '--anonymous-auth=true']) },
      ],
    },
    {
      name: 'neither authorization flag: the AlwaysAllow default turns it off too',
      files: [{ name: file, content: apiserverPod(['--secure-port=6443']) }],
    },
    {
      name: 'anonymous disabled in the authentication configuration',
      files: [...withConfig, { name: authnFile, content: authn('  enabled: false\n') }],
    },
  ],
  invalid: [
    {
      name: 'flag default: true',
      files: [{ name: file, content: apiserverPod([RBAC]) }],
      findings: [{ file, line: 8, locationDefault: true, messageIncludes: 'defaults to true' }],
    },
    {
      name: 'explicitly on',
      files: [{ name: file, content: apiserverPod([RBAC, '--anonymous-auth=true']) }],
      findings: [{ file, line: 11, messageIncludes: '--anonymous-auth=true' }],
    },
    {
      name: 'authentication configuration without an anonymous section: the flag default applies',
      files: [
        ...withConfig,
        {
          name: authnFile,
          content: 'apiVersion: apiserver.config.k8s.io/v1\nkind: AuthenticationConfiguration\njwt: []\n',
        },
      ],
      findings: [{ file, locationDefault: true }],
    },
    {
      name: 'conditions reach beyond health checks',
      files: [
        ...withConfig,
        {
          name: authnFile,
          content: authn('  enabled: true\n  conditions:\n  - path: /livez\n  - path: /api\n'),
        },
      ],
      findings: [{ file: authnFile, line: 5, messageIncludes: 'includes /api' }],
    },
    {
      name: 'enabled without conditions',
      files: [...withConfig, { name: authnFile, content: authn('  enabled: true\n') }],
      findings: [{ file: authnFile, line: 4, messageIncludes: 'anonymous.enabled: true' }],
    },
  ],
  notEvaluated: [
    {
      name: 'the authentication configuration was not uploaded',
      files: withConfig,
      reasonIncludes: `--authentication-config names ${authnFile}, which was not uploaded`,
    },
  ],
});
