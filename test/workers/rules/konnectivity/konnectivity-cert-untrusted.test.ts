import rule from '../../../../src/rules/konnectivity/konnectivity-cert-untrusted';
import { ruleTester } from '../../../support/rule-tester';
import { OPTIONS, konnectivity } from '../../../support/pki-uploads';

const agentDials = (host: string) =>
  konnectivity().map((f) =>
    f.name === 'konnectivity-agent.yaml'
      ? { ...f, content: f.content.replace('--proxy-server-host=10.0.0.10', `--proxy-server-host=${host}`) }
      : f,
  );

/** The upload with twelve servers (one file each) presenting one certificate, and twelve agents dialing `host`. */
const twelveOfEach = (host: string) =>
  agentDials(host).flatMap((f) => {
    if (f.name === 'konnectivity-agent.yaml')
      return Array.from({ length: 12 }, (_, i) => ({
        name: `konnectivity-agent-${i}.yaml`,
        content: f.content,
      }));
    if (f.name.endsWith('konnectivity-server.yaml'))
      return Array.from({ length: 12 }, (_, i) => ({
        name: f.name.replace('konnectivity-server.yaml', `konnectivity-server-${i}.yaml`),
        content: f.content,
      }));
    return [f];
  });

ruleTester(rule, {
  valid: [
    {
      name: "the agent trusts the service account's CA (kube-controller-manager's --root-ca-file), which signed --cluster-cert",
      files: konnectivity(),
      options: OPTIONS,
    },
    {
      name: 'the agent dials a name the certificate has',
      files: agentDials('control-plane-1'),
      options: OPTIONS,
    },
  ],
  invalid: [
    {
      name: "the agent's --ca-cert is another CA with the cluster CA's name",
      files: konnectivity('other-ca'),
      options: OPTIONS,
      findings: [
        {
          file: '/etc/kubernetes/pki/apiserver.crt',
          messageIncludes: [
            '--cluster-cert=/etc/kubernetes/pki/apiserver.crt',
            '--ca-cert=/etc/konnectivity/ca.crt',
          ],
        },
      ],
    },
    {
      name: 'the agent dials an address the certificate does not name',
      files: agentDials('konnectivity.example.com'),
      options: OPTIONS,
      findings: [{ messageIncludes: 'at konnectivity.example.com:8132' }],
    },
    {
      name: 'twelve agents dial an address that the certificate of twelve servers does not name: one finding, ten of each named',
      files: twelveOfEach('konnectivity.example.com'),
      options: OPTIONS,
      findings: [
        {
          file: '/etc/kubernetes/pki/apiserver.crt',
          messageIncludes: [
            'konnectivity-agent (konnectivity-agent-0.yaml), konnectivity-agent (konnectivity-agent-1.yaml), ',
            'konnectivity-agent (konnectivity-agent-9.yaml) and 2 more dial the konnectivity-server at konnectivity.example.com:8132 (--proxy-server-host=konnectivity.example.com), but ',
            'konnectivity-server-9.yaml) and 2 more serve CN=kube-apiserver',
            'these agents cannot connect.',
          ],
        },
      ],
    },
  ],
});
