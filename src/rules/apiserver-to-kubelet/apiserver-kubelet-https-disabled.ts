import { LINKS } from '../../catalogue/links';
import { flagRemovedIn } from '../../model/flag-facts/flag-status';
import { APISERVER } from '../../model/settings/kube-apiserver';
import { defineRule } from '../../engine/rule';
import { apiserver, uploadAt, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'apiserver-kubelet-https-disabled',
  path: 'apiserver-to-kubelet',
  severity: 'critical',
  category: 'security',
  title: 'The API server calls kubelets over plain HTTP',
  description:
    '--kubelet-https=false makes the API server call kubelets over plain HTTP: logs, exec and attach sessions and port-forwarded traffic cross the network unencrypted and the API server presents no credentials. The flag was deprecated in 1.19 and removed in 1.22 (from then removed-flag reports it).',
  remediation: 'Remove --kubelet-https=false from kube-apiserver (HTTPS is the default).',
  links: [LINKS.kubeApiserverFlags],
  references: ['KCV-0004', 'CKV_K8S_71'],
  requires: ['apiserver'],
  appliesTo: { before: flagRemovedIn('kube-apiserver', 'kubelet-https') },
  check: (model) =>
    model.apiServers.flatMap((server) => {
      const { flag, value } = APISERVER.kubeletClient.https.of(server);
      if (!flag || value) return [];
      return [
        {
          subject: server.name,
          message: `${server.name} calls kubelets over plain HTTP: --kubelet-https=${flag.value}.`,
          location: flag.location,
          evidence: `--kubelet-https=${flag.value}`,
        },
      ];
    }),
});

export const examples = (): RuleExamples => ({
  bad: uploadAt('1.21', apiserver(['--kubelet-https=false'], '1.21.14')),
  good: uploadAt(
    '1.21',
    apiserver(['--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt'], '1.21.14'),
  ),
});
