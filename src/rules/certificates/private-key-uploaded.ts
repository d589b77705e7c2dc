import { LINKS } from '../../catalogue/links';
import { defineRule } from '../../engine/rule';
import { CERTIFICATE_EXAMPLES as X } from '../support/example-certificates';
import type { RuleExamples } from '../support/examples';

export default defineRule({
  id: 'private-key-uploaded',
  paths: ['node-to-control-plane', 'apiserver-to-kubelet', 'konnectivity'],
  severity: 'info',
  category: 'security',
  title: 'An upload holds a private key',
  description:
    'A PEM private key block or a kubeconfig client-key-data field was uploaded. kube-comms-lint recognised it by its label and dropped it: it was not decoded, stored, logged or echoed, and nothing needs it. Sending keys anywhere widens who may have seen them; the collector (scripts/collect.sh) strips them on the node.',
  remediation:
    'Upload public certificates only: remove private key blocks and client-key-data before uploading, or use the collector, which strips them on the node.',
  links: [LINKS.pkiCertificates],
  references: [],
  requires: [],
  check: (model) =>
    model.certificates.privateKeys.map((key) => {
      // The key's path is the path of the certificate beside it, when a flag or field names that one.
      const beside = model.certificates.bindings.find((b) => b.bundle?.file === key.file);
      return {
        path: beside?.path ?? 'node-to-control-plane',
        subject: `private key in ${key.file}`,
        message: `${key.file} holds a private key (${key.label}, line ${key.location.line}): it was dropped unread and is not in this report.`,
        location: key.location,
        evidence: `${key.label} (not read)`,
      };
    }),
});

export const examples = (): RuleExamples => ({ bad: X.withKey, good: X.kubeadm });
