import { LINKS } from '../../catalogue/links';
import { kubeletSettingFindings } from '../support/kubelet-findings';
import { defineRule } from '../../engine/rule';
import { kubeletConfig, lines, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'kubelet-client-ca-missing',
  path: 'apiserver-to-kubelet',
  severity: 'high',
  category: 'security',
  title: 'The kubelet does not authenticate client certificates',
  description:
    "Without authentication.x509.clientCAFile the kubelet cannot authenticate the API server's client certificate (--kubelet-client-certificate): the API server's calls for logs, exec and port-forward are rejected, or only work because anonymous requests are allowed. Neither the flag nor the config file has a default.",
  remediation:
    "Set authentication.x509.clientCAFile in the kubelet config file (or --client-ca-file) to the CA that signs the API server's kubelet client certificate (kubeadm: /etc/kubernetes/pki/ca.crt).",
  links: [LINKS.kubeletAuthentication, LINKS.kubeletConfiguration],
  references: ['CIS 4.2.3', 'KCV-0081', 'C-0070'],
  requires: ['kubelet'],
  check: (model, context) =>
    kubeletSettingFindings(
      model,
      context,
      'clientCAFile',
      (file) => file === '',
      (kubelet, setting) =>
        `${kubelet.name} has no client CA, so it cannot authenticate the API server's client certificate: ${setting.describe}.`,
    ),
});

export const examples = (): RuleExamples => ({
  bad: upload(kubeletConfig(lines('authentication:', '  webhook:', '    enabled: true'))),
  good: upload(
    kubeletConfig(
      lines(
        'authentication:',
        '  webhook:',
        '    enabled: true',
        '  x509:',
        '    clientCAFile: /etc/kubernetes/pki/ca.crt',
      ),
    ),
  ),
});
