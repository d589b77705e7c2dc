import { LINKS } from '../../catalogue/links';
import { kubeletFindings } from '../support/kubelet-findings';
import { defineRule } from '../../engine/rule';
import { verifyingApiServers, type Verifying } from '../support/verifying-apiservers';
import { namedFew, SHOWN } from '../support/named-few';
import { groupBy } from '../../model/group-by';
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
    // By the CA bundle each server verifies with, found once: a kubelet is judged against each bundle,
    // not against each of (maybe thousands of) API servers.
    const byAnchor = groupBy(
      verifying,
      (v) => bindingsOf(model, 'apiserver-kubelet-ca', v.server)[0]?.bundle,
    );
    return kubeletFindings(model, context, (kubelet) => {
      const state = servingState(model, kubelet);
      if (!state) return undefined;
      if (!state.selfSigned) return [];
      const shown: Verifying[] = [];
      let total = 0;
      for (const [anchor, servers] of byAnchor) {
        // A self-signed certificate the API server's bundle holds (pinned) does verify.
        if (state.source === 'certificate' && anchor && state.binding.bundle) {
          const trust = model.certificates.trust(state.binding.bundle, anchor);
          if (trust.trusted !== false) continue;
        }
        shown.push(...servers.slice(0, SHOWN - shown.length));
        total += servers.length;
      }
      const [one] = shown;
      if (!one) return [];
      const kubeletSide = describeServing(state, kubelet.name);
      const verifies =
        total === 1
          ? `${one.server.name} verifies kubelets with --kubelet-certificate-authority=${one.flag.value}`
          : `${namedFew(
              shown.map((v) => `${v.server.name} (--kubelet-certificate-authority=${v.flag.value})`),
              total,
              ', ',
            )} verify kubelets`;
      const flags = shown.map((v) => v.flag.location);
      const values = [...new Set(shown.map((v) => v.flag.value))].join(', ');
      return [
        state.source === 'certificate'
          ? {
              subject: kubelet.name,
              message: `${verifies}, but ${kubeletSide}: logs, exec, attach and port-forward to that node fail.`,
              location: state.location,
              related: [...flags, state.binding.location],
              evidence: `--kubelet-certificate-authority=${values}; ${state.binding.setting}; ${describeCertificate(state.certificate)}`,
            }
          : {
              subject: kubelet.name,
              message: `${verifies}, but ${kubeletSide}: logs, exec, attach and port-forward to that node fail.`,
              location: state.configured.bootstrap.location,
              related: [...flags, state.configured.certFile.location],
              evidence: `--kubelet-certificate-authority=${values}; ${state.configured.bootstrap.describe}; ${state.configured.certFile.describe}`,
            },
      ];
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
