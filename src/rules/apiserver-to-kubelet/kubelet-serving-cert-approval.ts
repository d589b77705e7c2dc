import { LINKS } from '../../catalogue/links';
import { kubeletSettingFindings } from '../support/kubelet-findings';
import { defineRule } from '../../engine/rule';
import { kubeletConfig, lines, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'kubelet-serving-cert-approval',
  path: 'apiserver-to-kubelet',
  severity: 'info',
  category: 'breakage',
  title: "The kubelet's serving certificate needs an approver",
  description:
    "With serverTLSBootstrap: true the kubelet asks for its serving certificate with a CSR for the signer kubernetes.io/kubelet-serving, which Kubernetes' built-in approver never approves. Until someone (kubectl certificate approve) or an approver controller does, the kubelet has no serving certificate and logs, exec, attach and port-forward to it fail. The upload cannot show whether an approver runs.",
  remediation:
    'Approve the kubelet-serving CSRs (kubectl get csr; kubectl certificate approve <name>) or run an approver controller that checks them, for every node and after every rotation.',
  links: [LINKS.kubeletServingCertificates, LINKS.kubeadmKubeletServingCerts],
  references: [],
  requires: ['kubelet'],
  check: (model, context) =>
    kubeletSettingFindings(
      // A distribution that approves them itself (k0s) needs no one else to.
      { ...model, kubelets: model.kubelets.filter((kubelet) => !kubelet.servingCertificateApprover) },
      context,
      'serverTLSBootstrap',
      (bootstrap) => bootstrap,
      (kubelet, setting) =>
        `${kubelet.name} requests its serving certificate with a kubernetes.io/kubelet-serving CSR (${setting.describe}), which Kubernetes does not approve by itself: make sure an approver does.`,
    ),
});

export const examples = (): RuleExamples => ({
  bad: upload(kubeletConfig('serverTLSBootstrap: true\n')),
  // The upload cannot show an approver: the quiet case is a serving certificate that needs no CSR.
  good: upload(
    kubeletConfig(
      lines(
        'tlsCertFile: /var/lib/kubelet/pki/kubelet-serving.crt',
        'tlsPrivateKeyFile: /var/lib/kubelet/pki/kubelet-serving.key',
      ),
    ),
  ),
});
