import { LINKS } from '../../catalogue/links';
import { kubeletFindings } from '../support/kubelet-findings';
import { defineRule } from '../../engine/rule';
import { verifyingApiServers } from '../support/verifying-apiservers';
import { apiserver, kubeletConfig, lines, upload } from '../support/examples';

export default defineRule({
  id: 'kubelet-serving-cert-unverifiable',
  path: 'apiserver-to-kubelet',
  severity: 'high',
  category: 'breakage',
  title: 'The API server verifies a kubelet that serves a self-signed certificate',
  description:
    'The API server verifies kubelet serving certificates (--kubelet-certificate-authority) but the kubelet has neither serverTLSBootstrap nor tlsCertFile, so it serves a certificate signed by a throwaway CA of its own. The API server rejects it: kubectl logs, exec, attach and port-forward to that node fail with x509 errors. Each peer checks one side and passes both.',
  remediation:
    'Give the kubelet a serving certificate from the CA in --kubelet-certificate-authority: set serverTLSBootstrap: true in its config file and approve its kubernetes.io/kubelet-serving CSRs, or set tlsCertFile and tlsPrivateKeyFile to a certificate from that CA.',
  links: [LINKS.kubeletServingCertificates, LINKS.kubeadmKubeletServingCerts, LINKS.kubeletConfiguration],
  references: [],
  requires: ['apiserver', 'kubelet'],
  examples: {
    bad: upload(
      apiserver(['--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt']),
      kubeletConfig('rotateCertificates: true\n'),
    ),
    good: upload(
      apiserver(['--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt']),
      kubeletConfig(lines('rotateCertificates: true', 'serverTLSBootstrap: true')),
    ),
  },
  check: (model, context) => {
    const verifying = verifyingApiServers(model);
    if (verifying.length === 0) return [];
    return kubeletFindings(model, context, (kubelet) => {
      const cert = kubelet.servingCertificate();
      if (!cert) return undefined;
      if (!cert.selfSigned) return [];
      const kubeletSide = cert.generated
        ? `serves the certificate it generated for itself (${cert.generated})`
        : `serves a self-signed certificate because neither serverTLSBootstrap nor tlsCertFile is set (${cert.bootstrap.describe})`;
      return verifying.map(({ server, flag }) => ({
        subject: kubelet.name,
        message: `${server.name} verifies kubelets with --kubelet-certificate-authority=${flag.value}, but ${kubelet.name} ${kubeletSide}: logs, exec, attach and port-forward to that node fail.`,
        location: cert.bootstrap.location,
        related: [flag.location, cert.certFile.location],
        evidence: `--kubelet-certificate-authority=${flag.value}; ${cert.bootstrap.describe}; ${cert.certFile.describe}`,
      }));
    });
  },
});
