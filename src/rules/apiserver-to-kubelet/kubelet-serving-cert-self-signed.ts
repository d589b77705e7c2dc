import { LINKS } from '../../catalogue/links';
import { kubeletFindings } from '../support/kubelet-findings';
import { defineRule } from '../../engine/rule';
import { verifyingApiServers } from '../support/verifying-apiservers';
import { describeCertificate } from '../support/certificate-findings';
import { kubeletConfig, lines, upload, type RuleExamples } from '../support/examples';
import { describeServing, servingState } from '../support/kubelet-serving';

export default defineRule({
  id: 'kubelet-serving-cert-self-signed',
  path: 'apiserver-to-kubelet',
  severity: 'high',
  trustedSeverity: 'medium',
  category: 'security',
  title: 'The kubelet serves a self-signed certificate',
  description:
    'With neither tlsCertFile nor serverTLSBootstrap the kubelet generates a certificate signed by a throwaway CA of its own. When the serving certificate itself is uploaded (tlsCertFile, <cert-dir>/kubelet.crt, kubelet-server-current.pem), it is judged instead: self-signed means it is its own issuer. Nothing can verify such a certificate, so the API server cannot use --kubelet-certificate-authority and its connections to the kubelet (logs, exec, attach, port-forward) can be intercepted. kubeadm leaves kubelets this way. When every uploaded API server does set --kubelet-certificate-authority, those connections fail instead: kubelet-serving-cert-unverifiable reports that.',
  remediation:
    'Set serverTLSBootstrap: true in the kubelet config file and approve its kubernetes.io/kubelet-serving CSRs (kubectl certificate approve, or an approver controller), or give it a certificate from the cluster CA with tlsCertFile and tlsPrivateKeyFile.',
  links: [LINKS.kubeletServingCertificates, LINKS.kubeadmKubeletServingCerts, LINKS.kubeletConfiguration],
  references: ['CIS 4.2.9 (partly)'],
  requires: ['kubelet'],
  check: (model, context) => {
    const verifying = verifyingApiServers(model);
    if (model.apiServers.length > 0 && verifying.length === model.apiServers.length) return [];
    return kubeletFindings(model, context, (kubelet) => {
      const state = servingState(model, kubelet);
      if (!state) return undefined;
      if (!state.selfSigned) return [];
      if (state.source === 'certificate') {
        return [
          {
            subject: kubelet.name,
            message: `${describeServing(state, kubelet.name)}: nothing can verify it.`,
            location: state.location,
            related: [state.binding.location],
            evidence: `${state.binding.setting}; ${describeCertificate(state.certificate)}`,
          },
        ];
      }
      const cert = state.configured;
      return [
        {
          subject: kubelet.name,
          message: cert.generated
            ? `${kubelet.name} serves the certificate it generated for itself (${cert.generated}) and serverTLSBootstrap is false: nothing can verify it.`
            : `${kubelet.name} serves a self-signed certificate: neither tlsCertFile nor serverTLSBootstrap is set (${cert.bootstrap.describe}).`,
          location: cert.bootstrap.location,
          related: [cert.certFile.location],
          evidence: `${cert.bootstrap.describe}; ${cert.certFile.describe}`,
        },
      ];
    });
  },
});

export const examples = (): RuleExamples => ({
  bad: upload(kubeletConfig('rotateCertificates: true\n')),
  good: upload(kubeletConfig(lines('rotateCertificates: true', 'serverTLSBootstrap: true'))),
});
