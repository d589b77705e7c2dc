import { CONTROLLER_MANAGER } from '../../model/settings/kube-controller-manager';
import { LINKS } from '../../catalogue/links';
import { kubeletFindings } from '../support/kubelet-findings';
import { defineRule, type RawFinding } from '../../engine/rule';
import { kubeletConfig, lines, upload, type RuleExamples } from '../support/examples';
import { namedFew } from '../support/named-few';

const GATE = 'RotateKubeletServerCertificate';
/** Beta and on by default since 1.12 (website feature-gates/RotateKubeletServerCertificate.md). */
const GATE_DEFAULT = true;

export default defineRule({
  id: 'kubelet-server-cert-rotation-gate-disabled',
  path: 'apiserver-to-kubelet',
  severity: 'medium',
  category: 'breakage',
  title: 'Serving-certificate bootstrap is wanted but its feature gate is off',
  description:
    'serverTLSBootstrap: true needs the RotateKubeletServerCertificate feature gate (on by default since 1.12). With the gate turned off on the kubelet, it neither requests a serving certificate nor generates one, so the API server cannot reach it for logs, exec, attach and port-forward; CIS also asks for the gate on kube-controller-manager.',
  remediation:
    'Remove RotateKubeletServerCertificate=false from --feature-gates (or featureGates in the kubelet config file) on the kubelet and kube-controller-manager.',
  links: [LINKS.kubeletServingCertificates, LINKS.kubeletConfiguration],
  references: ['CIS 1.3.6', 'CIS 4.2.11', 'KCV-0038', 'KCV-0091'],
  requires: ['kubelet'],
  check: (model, context) => {
    const bootstrapping: string[] = [];
    const kubeletFindingList = kubeletFindings(model, context, (kubelet) => {
      const bootstrap = kubelet.setting('serverTLSBootstrap');
      const gate = kubelet.featureGate(GATE, GATE_DEFAULT);
      if (!bootstrap || !gate) return undefined;
      if (!bootstrap.value) return [];
      bootstrapping.push(kubelet.name);
      if (gate.value) return [];
      return [
        {
          subject: kubelet.name,
          message: `${kubelet.name} wants a bootstrapped serving certificate (${bootstrap.describe}) but turns the ${GATE} feature gate off (${gate.describe}).`,
          location: gate.location,
          related: [bootstrap.location],
          evidence: `${bootstrap.describe}; ${gate.describe}`,
        },
      ];
    });
    // The same for every controller manager: at most SHOWN kubelets named, once.
    const bootstrappers = `${namedFew(bootstrapping, bootstrapping.length, ', ')} bootstrap${bootstrapping.length === 1 ? 's its' : ' their'}`;
    const controllerFindings: RawFinding[] =
      bootstrapping.length === 0
        ? []
        : model.controllerManagers.flatMap((manager) => {
            const gates = CONTROLLER_MANAGER.featureGates.of(manager);
            const flag = gates.flag;
            if (!flag || gates.value[GATE] !== false) return [];
            return [
              {
                subject: manager.name,
                message: `${manager.name} turns the ${GATE} feature gate off (--feature-gates=${flag.value}) while ${bootstrappers} serving certificate.`,
                location: flag.location,
                evidence: `--feature-gates=${flag.value}`,
              },
            ];
          });
    return [...kubeletFindingList, ...controllerFindings];
  },
});

export const examples = (): RuleExamples => ({
  bad: upload(
    kubeletConfig(
      lines('serverTLSBootstrap: true', 'featureGates:', '  RotateKubeletServerCertificate: false'),
    ),
  ),
  good: upload(kubeletConfig('serverTLSBootstrap: true\n')),
});
