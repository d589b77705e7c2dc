import { LINKS } from '../../catalogue/links';
import { CONTROLLER_MANAGER } from '../../model/settings/kube-controller-manager';
import { defineRule } from '../../engine/rule';
import { missingSettings } from '../support/flag-findings';
import { staticPod, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'controller-manager-root-ca-missing',
  path: 'node-to-control-plane',
  severity: 'medium',
  category: 'security',
  title: 'Pods are not given the cluster root CA',
  description:
    "Pods verify the API server (through the default/kubernetes Service) with the ca.crt kube-controller-manager publishes into every namespace (kube-root-ca.crt) from --root-ca-file. Without it pods get the controller-manager's own serving CA or nothing, and clients end up skipping verification.",
  remediation:
    'Set --root-ca-file on kube-controller-manager to the cluster CA (e.g. /etc/kubernetes/pki/ca.crt).',
  links: [LINKS.serviceAccountsAdmin, LINKS.kubeControllerManagerFlags],
  references: ['CIS 1.3.5', 'KCV-0037'],
  requires: ['controller-manager'],
  check: (model) =>
    missingSettings(
      model.controllerManagers,
      [CONTROLLER_MANAGER.rootCAFile],
      (component) =>
        `${component.name} does not set --root-ca-file, so pods are not given the cluster CA to verify the API server.`,
    ),
});

export const examples = (): RuleExamples => ({
  bad: upload(staticPod('kube-controller-manager', ['--use-service-account-credentials=true'])),
  good: upload(
    staticPod('kube-controller-manager', [
      '--root-ca-file=/etc/kubernetes/pki/ca.crt',
      '--use-service-account-credentials=true',
    ]),
  ),
});
