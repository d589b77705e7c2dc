import { LINKS } from '../../catalogue/links';
import { CONTROLLER_MANAGER } from '../../model/settings/kube-controller-manager';
import { defineRule } from '../../engine/rule';
import { missingSettings } from '../support/flag-findings';
import { staticPod, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'controller-manager-sa-private-key-missing',
  path: 'node-to-control-plane',
  severity: 'medium',
  category: 'breakage',
  title: 'The controller manager cannot sign service-account tokens',
  description:
    "kube-controller-manager signs legacy service-account token Secrets (and its own controllers' tokens with --use-service-account-credentials) with --service-account-private-key-file. Without it the token controller does not run: those tokens are never created and the controllers that rely on them fail to reach the API server.",
  remediation:
    "Set --service-account-private-key-file on kube-controller-manager to the private key matching the API server's --service-account-key-file (e.g. /etc/kubernetes/pki/sa.key).",
  links: [LINKS.serviceAccountsAdmin, LINKS.kubeControllerManagerFlags],
  references: ['CIS 1.3.4', 'KCV-0036'],
  requires: ['controller-manager'],
  check: (model) =>
    missingSettings(
      model.controllerManagers,
      [CONTROLLER_MANAGER.serviceAccountPrivateKeyFile],
      (component) =>
        `${component.name} does not set --service-account-private-key-file, so it cannot sign service-account tokens.`,
    ),
});

export const examples = (): RuleExamples => ({
  bad: upload(staticPod('kube-controller-manager', ['--root-ca-file=/etc/kubernetes/pki/ca.crt'])),
  good: upload(
    staticPod('kube-controller-manager', [
      '--root-ca-file=/etc/kubernetes/pki/ca.crt',
      '--service-account-private-key-file=/etc/kubernetes/pki/sa.key',
    ]),
  ),
});
