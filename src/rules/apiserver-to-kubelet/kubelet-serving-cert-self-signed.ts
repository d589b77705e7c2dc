import { LINKS } from '../links';
import { defineRule } from '../types';

/** Where a kubelet writes the certificate it generates for itself (`--cert-dir`, default /var/lib/kubelet/pki). */
const selfSignedPath = (certDir: string | undefined) =>
  `${(certDir ?? '/var/lib/kubelet/pki').replace(/\/+$/, '')}/kubelet.crt`;

export default defineRule({
  id: 'kubelet-serving-cert-self-signed',
  path: 'apiserver-to-kubelet',
  severity: 'high',
  trustedSeverity: 'medium',
  category: 'security',
  title: 'The kubelet serves a self-signed certificate',
  description:
    'With neither tlsCertFile nor serverTLSBootstrap the kubelet generates a certificate signed by a throwaway CA of its own. Nothing can verify it, so the API server cannot use --kubelet-certificate-authority and its connections to the kubelet (logs, exec, attach, port-forward) can be intercepted. kubeadm leaves kubelets this way.',
  remediation:
    'Set serverTLSBootstrap: true in the kubelet config file and approve its kubernetes.io/kubelet-serving CSRs (kubectl certificate approve, or an approver controller), or give it a certificate from the cluster CA with tlsCertFile and tlsPrivateKeyFile.',
  links: [LINKS.kubeletServingCertificates, LINKS.kubeadmKubeletServingCerts, LINKS.kubeletConfiguration],
  references: ['CIS 4.2.9 (partly)'],
  requires: ['kubelet'],
  examples: {
    bad: '# /var/lib/kubelet/config.yaml (kubeadm default: no serving certificate settings)\nkind: KubeletConfiguration\nrotateCertificates: true',
    good: 'kind: KubeletConfiguration\nrotateCertificates: true\nserverTLSBootstrap: true',
  },
  check: (model, context) =>
    model.kubelets.flatMap((kubelet) => {
      const bootstrap = kubelet.setting('serverTLSBootstrap');
      const certFile = kubelet.setting('tlsCertFile');
      if (!bootstrap || !certFile) {
        context.notEvaluated(`${kubelet.name}: ${kubelet.unknownReason ?? 'its configuration is unknown'}`);
        return [];
      }
      if (bootstrap.value) return [];
      // A /configz dump shows the generated certificate's path as tlsCertFile.
      const generated = certFile.value === selfSignedPath(kubelet.flags.get('cert-dir')?.value);
      if (
        certFile.value !== '' &&
        !(
          certFile.source === 'config' &&
          kubelet.config.mode === 'config' &&
          kubelet.config.live &&
          generated
        )
      ) {
        return [];
      }
      return [
        {
          subject: kubelet.name,
          message: generated
            ? `${kubelet.name} serves the certificate it generated for itself (${certFile.value}) and serverTLSBootstrap is false: nothing can verify it.`
            : `${kubelet.name} serves a self-signed certificate: neither tlsCertFile nor serverTLSBootstrap is set (${bootstrap.describe}).`,
          location: bootstrap.location,
          related: [certFile.location],
          evidence: `${bootstrap.describe}; ${certFile.describe}`,
        },
      ];
    }),
});
