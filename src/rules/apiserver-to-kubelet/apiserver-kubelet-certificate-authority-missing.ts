import { LINKS } from '../../catalogue/links';
import { APISERVER } from '../../model/settings/kube-apiserver';
import { defineRule } from '../../engine/rule';
import { apiserver, upload, type RuleExamples } from '../support/examples';
import { unsetSettings } from '../support/unset-flags';

export default defineRule({
  id: 'apiserver-kubelet-certificate-authority-missing',
  path: 'apiserver-to-kubelet',
  severity: 'high',
  trustedSeverity: 'medium',
  category: 'security',
  title: 'The API server does not verify kubelet serving certificates',
  description:
    'Without --kubelet-certificate-authority the API server connects to each kubelet over HTTPS but accepts any certificate, so on an untrusted network anyone who can intercept that connection sees and alters logs, exec and attach sessions and port-forwarded traffic. kubeadm does not set it.',
  remediation:
    "Set --kubelet-certificate-authority on kube-apiserver to the CA bundle that signs the kubelets' serving certificates, and give every kubelet a serving certificate from that CA (serverTLSBootstrap: true with a CSR approver, or tlsCertFile/tlsPrivateKeyFile).",
  links: [LINKS.kubeletServingCertificates, LINKS.kubeApiserverFlags],
  references: ['CIS 1.2.5', 'KCV-0006', 'C-0117'],
  requires: ['apiserver'],
  check: (model, context) =>
    model.apiServers.flatMap((server) => {
      const setting = APISERVER.kubeletClient.certificateAuthority;
      if (unsetSettings(server, [setting], context)?.length !== 1) return [];
      const { flag, location } = setting.of(server);
      return [
        {
          subject: server.name,
          message: flag
            ? `${server.name} sets --kubelet-certificate-authority to an empty value, so it does not verify the certificates kubelets serve.`
            : `${server.name} does not set --kubelet-certificate-authority, so it does not verify the certificates kubelets serve.`,
          location,
          evidence: flag ? '--kubelet-certificate-authority=' : '--kubelet-certificate-authority not set',
        },
      ];
    }),
});

export const examples = (): RuleExamples => ({
  bad: upload(apiserver(['--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt'])),
  good: upload(apiserver(['--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt'])),
});
