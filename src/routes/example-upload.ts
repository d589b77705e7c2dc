/** The upload the API description's examples show (./examples.ts lints it). */
/** A kubelet config with its read-only port open. */
export const EXAMPLE_FILE = '/var/lib/kubelet/config.yaml';
export const EXAMPLE_UPLOAD =
  'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nreadOnlyPort: 10255\n';
/** The options the example is linted with: one finding suppressed, and failOn to show a 422. */
export const EXAMPLE_OPTIONS = {
  network: 'untrusted',
  kubernetesVersion: '1.31',
  failOn: 'high',
  skipRules: ['kubelet-serving-cert-self-signed'],
  // Pinned, so the example report does not change with the day it is made.
  asOf: new Date('2026-06-01T00:00:00Z'),
} as const;
