import { LINKS } from '../../catalogue/links';
import { APISERVER } from '../../model/settings/kube-apiserver';
import { defineRule } from '../../engine/rule';
import { CLUSTER, apiserver, kubeconfig, upload, type RuleExamples } from '../support/examples';
import { namedFew, SHOWN } from '../support/named-few';

export default defineRule({
  id: 'bootstrap-token-auth-missing',
  path: 'node-to-control-plane',
  severity: 'high',
  category: 'breakage',
  title: "The API server does not accept the kubelet's bootstrap token",
  description:
    'A kubelet joining with a bootstrap kubeconfig sends its token to the API server to request a client certificate. kube-apiserver only accepts bootstrap tokens (Secrets of type bootstrap.kubernetes.io/token) with --enable-bootstrap-token-auth=true (default false), or tokens listed in --token-auth-file: otherwise TLS bootstrapping fails with 401 and the node never joins.',
  remediation:
    'Set --enable-bootstrap-token-auth=true on kube-apiserver and create the bootstrap token Secret in kube-system.',
  links: [LINKS.bootstrapTokensApiserver, LINKS.kubeletTlsBootstrapping],
  references: [],
  requires: ['apiserver', 'kubeconfig'],
  check: (model, context) => {
    const bootstraps = model.kubeconfigs.filter(
      (k) => k.role === 'kubelet-bootstrap' && k.currentUser?.auth.includes('token'),
    );
    if (bootstraps.length === 0) return [];
    // The same for every API server: named (at most SHOWN) and placed once, not per server.
    const who = namedFew(
      bootstraps.slice(0, SHOWN).map((k) => k.name),
      bootstraps.length,
      ', ',
    );
    const tokens = bootstraps.slice(0, SHOWN).map((k) => k.doc.at(`${k.currentUser?.pointer ?? ''}/token`));
    return model.apiServers.flatMap((server) => {
      const enabled = APISERVER.authentication.enableBootstrapTokenAuth.of(server);
      if (enabled.value) return [];
      const tokenFile = APISERVER.authentication.tokenAuthFile.of(server).flag;
      if (tokenFile?.value) {
        context.notEvaluated(
          `${server.name}: bootstrap tokens may be listed in --token-auth-file=${tokenFile.value}, whose content is not read`,
        );
        return [];
      }
      const flag = enabled.flag;
      // Said without "=": the redactor would take "...token-auth=false" for a secret.
      const evidence = flag
        ? `--enable-bootstrap-token-auth is ${flag.value}`
        : '--enable-bootstrap-token-auth is not set (default false)';
      return [
        {
          subject: server.name,
          message: `${server.name} does not accept bootstrap tokens (${evidence}), but ${who} authenticates with one: TLS bootstrapping fails.`,
          location: enabled.location,
          related: [...tokens],
          evidence,
        },
      ];
    });
  },
});

export const examples = (): RuleExamples => ({
  bad: upload(
    apiserver(['--enable-bootstrap-token-auth=false']),
    kubeconfig('/etc/kubernetes/bootstrap-kubelet.conf', CLUSTER, 'tls-bootstrap-token-user', [
      'token: abcdef.0123456789abcdef',
    ]),
  ),
  good: upload(
    apiserver(['--enable-bootstrap-token-auth=true']),
    kubeconfig('/etc/kubernetes/bootstrap-kubelet.conf', CLUSTER, 'tls-bootstrap-token-user', [
      'token: abcdef.0123456789abcdef',
    ]),
  ),
});
