import type { ControlPlaneComponent } from '../../model/control-plane';
import type { Flag } from '../../model/flags';
import { LINKS } from '../../catalogue/links';
import { CONTROLLER_MANAGER } from '../../model/settings/kube-controller-manager';
import { SCHEDULER } from '../../model/settings/kube-scheduler';
import { defineRule } from '../../engine/rule';
import { badSettings } from '../support/flag-findings';
import { staticPod, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'control-plane-component-plaintext-apiserver',
  path: 'node-to-control-plane',
  severity: 'critical',
  category: 'security',
  title: 'The controller manager or scheduler reaches the API server over plain HTTP',
  description:
    "--master overrides the server of the component's kubeconfig. An http:// URL sends the component's requests and the API server's answers (secrets, tokens) unencrypted and unauthenticated, and only works against an insecure port. A plain-HTTP server in the kubeconfig itself is kubeconfig-plaintext-server's finding.",
  remediation:
    'Remove --master from kube-controller-manager and kube-scheduler and give them a --kubeconfig whose server is the https:// secure port.',
  links: [LINKS.kubeControllerManagerFlags, LINKS.kubeSchedulerFlags],
  references: [],
  requires: ['controller-manager-or-scheduler'],
  check: (model) => [
    ...badSettings(model.controllerManagers, CONTROLLER_MANAGER.master, isPlainHttp, plainHttp),
    ...badSettings(model.schedulers, SCHEDULER.master, isPlainHttp, plainHttp),
  ],
});

export const examples = (): RuleExamples => ({
  bad: upload(staticPod('kube-scheduler', ['--master=http://127.0.0.1:8080'])),
  good: upload(staticPod('kube-scheduler', ['--kubeconfig=/etc/kubernetes/scheduler.conf'])),
});

const isPlainHttp = (url: string) => /^http:\/\//i.test(url);
const plainHttp = (component: ControlPlaneComponent, { flag }: { flag: Flag }) =>
  `${component.name} reaches the API server over plain HTTP: --master=${flag.value}.`;
