import { kubeletKubeconfig } from '../../model/kubeconfig';
import { LINKS } from '../../catalogue/links';
import { KUBELET_FLAGS } from '../../model/kubelet-settings';
import { defineRule } from '../../engine/rule';
import { kubeletConf, kubeletConfig, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'kubelet-client-cert-rotation-disabled',
  path: 'node-to-control-plane',
  severity: 'low',
  category: 'security',
  title: 'The kubelet does not rotate its client certificate',
  description:
    'With rotateCertificates false (the default both as a flag and in the config file) the kubelet keeps the client certificate it was given until it expires: the node then drops out of the cluster, and a stolen certificate stays valid for its whole lifetime. With rotation on, the kubelet requests a new certificate as the old one nears expiry.',
  remediation:
    'Set rotateCertificates: true in the KubeletConfiguration (or --rotate-certificates on the kubelet command line).',
  links: [LINKS.kubeletCertificateRotation, LINKS.kubeletConfiguration],
  references: ['CIS 4.2.10', 'KCV-0090'],
  requires: ['kubelet'],
  check: (model, context) =>
    model.kubelets.flatMap((kubelet) => {
      const setting = kubelet.setting('rotateCertificates');
      if (!setting) {
        context.notEvaluated(`${kubelet.name}: ${kubelet.unknownReason ?? 'its configuration is unknown'}`);
        return [];
      }
      if (setting.value) return [];
      const kubeconfig = kubeletKubeconfig(kubelet, model.kubeconfigs, 'kubelet');
      const usesCert = kubeconfig?.currentUser?.auth.includes('client-certificate');
      const bootstraps = KUBELET_FLAGS.bootstrapKubeconfig.given(kubelet);
      if (kubeconfig && !usesCert && !bootstraps) return [];
      const how = kubeconfig
        ? `its kubeconfig ${kubeconfig.file} uses a client certificate`
        : bootstraps
          ? 'it bootstraps a client certificate'
          : 'its kubeconfig was not uploaded, so a client certificate is assumed';
      return [
        {
          subject: kubelet.name,
          message: `${kubelet.name} does not rotate its client certificate (${setting.describe}); ${how}.`,
          location: setting.location,
          evidence: setting.describe,
        },
      ];
    }),
});

export const examples = (): RuleExamples => ({
  bad: upload(kubeletConfig('rotateCertificates: false\n'), kubeletConf()),
  good: upload(kubeletConfig('rotateCertificates: true\n'), kubeletConf()),
});
