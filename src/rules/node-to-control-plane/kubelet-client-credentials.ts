import { kubeletsUsing } from '../../model/kubeconfig';
import { nodeKeyOf } from '../../model/referenced-file';
import { LINKS } from '../../catalogue/links';
import { KUBELET_FLAGS } from '../../model/kubelet-settings';
import { defineRule } from '../../engine/rule';
import { kubeletConf, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'kubelet-client-credentials',
  path: 'node-to-control-plane',
  severity: 'medium',
  category: 'security',
  title: 'The kubelet authenticates with a static token or password',
  description:
    "The docs recommend that kubelets authenticate to the API server with client certificates from TLS bootstrapping: they identify the node (system:node:<name>, group system:nodes) for the Node authorizer, expire and rotate. A static token or user name and password in the kubelet's kubeconfig never expires and is usually shared between nodes.",
  remediation:
    'Use kubelet TLS bootstrapping: give the kubelet a --bootstrap-kubeconfig with a bootstrap token and let it obtain a client certificate, or put client-certificate and client-key in its kubeconfig.',
  links: [LINKS.kubeletTlsBootstrapping, LINKS.nodeAuthorization],
  references: [],
  requires: ['kubeconfig'],
  check: (model, context) => {
    const own = model.kubeconfigs.filter((k) => k.role === 'kubelet');
    if (own.length === 0)
      context.notEvaluated('no kubelet kubeconfig was uploaded (e.g. /etc/kubernetes/kubelet.conf)');
    // The nodes that have a bootstrap kubeconfig, found once: an upload may hold thousands of kubeconfigs.
    const bootstrapNodes = new Set(
      model.kubeconfigs.filter((k) => k.role === 'kubelet-bootstrap').map((k) => nodeKeyOf(k.file)),
    );
    return own.flatMap((kubeconfig) => {
      const user = kubeconfig.currentUser;
      if (!user || user.auth.includes('client-certificate')) return [];
      const method = user.auth.includes('token')
        ? 'token'
        : user.auth.includes('basic')
          ? 'basic'
          : undefined;
      if (!method) return [];
      const bootstraps =
        kubeletsUsing(kubeconfig, model.kubelets, model.kubeconfigs).some((k) =>
          KUBELET_FLAGS.bootstrapKubeconfig.given(k),
        ) || bootstrapNodes.has(nodeKeyOf(kubeconfig.file));
      if (bootstraps) return [];
      const field =
        method === 'token'
          ? kubeconfig.doc.get(`${user.pointer}/tokenFile`)
            ? 'tokenFile'
            : 'token'
          : 'username';
      const what = method === 'token' ? `a static bearer token (${field})` : 'a user name and password';
      return [
        {
          subject: kubeconfig.name,
          message: `${kubeconfig.name}: user "${user.name}" authenticates with ${what} instead of a client certificate, and no bootstrap kubeconfig is in use.`,
          location: kubeconfig.doc.at(`${user.pointer}/${field}`),
          evidence: `user "${user.name}": ${field} set (value not shown)`,
        },
      ];
    });
  },
});

export const examples = (): RuleExamples => ({
  bad: upload(kubeletConf({ user: 'kubelet', credentials: ['token: 5c1c0d2a3b4e4f6a8b9c0d1e2f3a4b5c'] })),
  good: upload(kubeletConf()),
});
