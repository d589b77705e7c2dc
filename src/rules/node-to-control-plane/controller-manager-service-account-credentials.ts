import { LINKS } from '../../catalogue/links';
import { CONTROLLER_MANAGER } from '../../model/settings/kube-controller-manager';
import { defineRule } from '../../engine/rule';
import { staticPod, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'controller-manager-service-account-credentials',
  path: 'node-to-control-plane',
  severity: 'medium',
  category: 'security',
  title: "All controllers share the controller manager's credentials",
  description:
    "Without --use-service-account-credentials=true (default false) every controller in kube-controller-manager talks to the API server with the manager's own, very broad identity. With it, each controller uses its own service account and gets only the permissions of its system:controller:* role.",
  remediation: 'Set --use-service-account-credentials=true on kube-controller-manager.',
  links: [LINKS.rbac, LINKS.kubeControllerManagerFlags],
  references: ['CIS 1.3.3', 'KCV-0035'],
  requires: ['controller-manager'],
  check: (model) =>
    model.controllerManagers.flatMap((component) => {
      const setting = CONTROLLER_MANAGER.useServiceAccountCredentials.of(component);
      if (setting.value) return [];
      const evidence = setting.describe;
      return [
        {
          subject: component.name,
          message: `${component.name} runs every controller with the controller manager's own credentials (${evidence}).`,
          location: setting.location,
          evidence,
        },
      ];
    }),
});

export const examples = (): RuleExamples => ({
  bad: upload(staticPod('kube-controller-manager', ['--use-service-account-credentials=false'])),
  good: upload(staticPod('kube-controller-manager', ['--use-service-account-credentials=true'])),
});
