import { LINKS } from '../../catalogue/links';
import { CONTROLLER_MANAGER } from '../../model/settings/kube-controller-manager';
import { SCHEDULER } from '../../model/settings/kube-scheduler';
import { defineRule } from '../../engine/rule';
import { isLoopback } from '../../model/addresses';
import { staticPod, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'control-plane-component-exposed',
  path: 'node-to-control-plane',
  severity: 'medium',
  category: 'security',
  title: 'The controller manager or scheduler listens on the network',
  description:
    'The docs: no other control-plane component than the API server is designed to expose remote services. kube-controller-manager and kube-scheduler serve health, metrics and profiling on their secure port bound to --bind-address, which defaults to 0.0.0.0 (all interfaces), so nodes and pods can reach them.',
  remediation: 'Set --bind-address=127.0.0.1 on kube-controller-manager and kube-scheduler.',
  links: [LINKS.kubeControllerManagerFlags, LINKS.kubeSchedulerFlags],
  references: ['CIS 1.3.7', 'CIS 1.4.2', 'KCV-0039', 'KCV-0041'],
  requires: ['controller-manager-or-scheduler'],
  check: (model) =>
    [
      ...model.controllerManagers.map((component) => ({ component, settings: CONTROLLER_MANAGER })),
      ...model.schedulers.map((component) => ({ component, settings: SCHEDULER })),
    ].flatMap(({ component, settings }) => {
      if (settings.securePort.of(component).value === 0) return []; // serves nothing
      const bind = settings.bindAddress.of(component);
      if (bind.flag && isLoopback(bind.value)) return [];
      const evidence = bind.describe;
      return [
        {
          subject: component.name,
          message: `${component.name} listens on all or non-loopback interfaces (${evidence}).`,
          location: bind.location,
          evidence,
        },
      ];
    }),
});

export const examples = (): RuleExamples => ({
  bad: upload(staticPod('kube-scheduler', ['--bind-address=0.0.0.0'])),
  good: upload(staticPod('kube-scheduler', ['--bind-address=127.0.0.1'])),
});
