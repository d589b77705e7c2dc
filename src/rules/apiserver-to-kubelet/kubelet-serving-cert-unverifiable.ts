import { LINKS } from '../../catalogue/links';
import { kubeletFindings } from '../support/kubelet-findings';
import { defineRule } from '../../engine/rule';
import { verifyingApiServers } from '../support/verifying-apiservers';
import { bindingsOf, describeCertificate } from '../support/certificate-findings';
import { apiserver, kubeletConfig, lines, upload, type RuleExamples } from '../support/examples';
import { describeServing, servingState } from '../support/kubelet-serving';

export default defineRule({
  id: 'kubelet-serving-cert-unverifiable',
  path: 'apiserver-to-kubelet',
  severity: 'high',
  category: 'breakage',
  title: 'The API server verifies a kubelet that serves a self-signed certificate',
  description:
    'The API server verifies kubelet serving certificates (--kubelet-certificate-authority) but the kubelet has neither serverTLSBootstrap nor tlsCertFile, so it serves a certificate signed by a throwaway CA of its own (or its uploaded serving certificate is its own issuer and not in that CA bundle). The API server rejects it: kubectl logs, exec, attach and port-forward to that node fail with x509 errors. Each peer checks one side and passes both.',
  remediation:
    'Give the kubelet a serving certificate from the CA in --kubelet-certificate-authority: set serverTLSBootstrap: true in its config file and approve its kubernetes.io/kubelet-serving CSRs, or set tlsCertFile and tlsPrivateKeyFile to a certificate from that CA.',
  links: [LINKS.kubeletServingCertificates, LINKS.kubeadmKubeletServingCerts, LINKS.kubeletConfiguration],
  references: [],
  requires: ['apiserver', 'kubelet'],
  check: (model, context) => {
    const verifying = verifyingApiServers(model);
    if (verifying.length === 0) return [];
    return kubeletFindings(model, context, (kubelet) => {
      const state = servingState(model, kubelet);
      if (!state) return undefined;
      if (!state.selfSigned) return [];
      const kubeletSide = describeServing(state, kubelet.name);
      return verifying.flatMap(({ server, flag }) => {
        const anchor = bindingsOf(model, 'apiserver-kubelet-ca', server)[0];
        // A self-signed certificate the API server's bundle holds (pinned) does verify.
        if (state.source === 'certificate' && anchor?.bundle && state.binding.bundle) {
          const trust = model.certificates.trust(state.binding.bundle, anchor.bundle);
          if (trust.trusted !== false) return [];
        }
        const where =
          state.source === 'certificate'
            ? { location: state.location, related: [flag.location, state.binding.location] }
            : {
                location: state.configured.bootstrap.location,
                related: [flag.location, state.configured.certFile.location],
              };
        const evidence =
          state.source === 'certificate'
            ? `--kubelet-certificate-authority=${flag.value}; ${state.binding.setting}; ${describeCertificate(state.certificate)}`
            : `--kubelet-certificate-authority=${flag.value}; ${state.configured.bootstrap.describe}; ${state.configured.certFile.describe}`;
        return [
          {
            subject: kubelet.name,
            message: `${server.name} verifies kubelets with --kubelet-certificate-authority=${flag.value}, but ${kubeletSide}: logs, exec, attach and port-forward to that node fail.`,
            ...where,
            evidence,
          },
        ];
      });
    });
  },
});

export const examples = (): RuleExamples => ({
  bad: upload(
    apiserver(['--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt']),
    kubeletConfig('rotateCertificates: true\n'),
  ),
  good: upload(
    apiserver(['--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt']),
    kubeletConfig(lines('rotateCertificates: true', 'serverTLSBootstrap: true')),
  ),
});
