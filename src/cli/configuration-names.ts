/**
 * Which files of a directory tree are worth linting, by name: those configuration files have. A tree
 * holds READMEs, scripts, keys and binaries beside its manifests; reading them would fail the run on
 * "input errors" that are not configuration at all. A file named on the command line is always linted,
 * whatever its name.
 */
const CONFIGURATION_NAMES: readonly RegExp[] = [
  // Manifests, kubelet, kubeadm and k3s configs, /configz dumps, RBAC, egress selector configs.
  /\.(ya?ml|json)$/,
  // Kubeconfigs (admin.conf, kubelet.conf), kubelet drop-ins (*.conf), kind's cluster.config.
  /\.(conf|config|kubeconfig)$/,
  // Extensionless kubeconfigs: ~/.kube/config, a file named kubeconfig.
  /(^|\/)(kube)?config$/,
  // kubeadm's kubelet flags (kubeadm-flags.env), systemd units.
  /\.(env|service)$/,
  // The kubelet flags files of Debian (/etc/default/kubelet) and Red Hat (/etc/sysconfig/kubelet).
  /(^|\/)(default|sysconfig)\/kubelet$/,
  // kops' static pods (/etc/kubernetes/manifests/*.manifest).
  /\.manifest$/,
  // MicroK8s' args files: each is one component's command line (/var/snap/microk8s/current/args/kubelet).
  /(^|\/)snap\/microk8s\/[^/]+\/args\/[^/]+$/,
  // systemd EnvironmentFiles of components (/etc/kubernetes/apiserver, /etc/kubernetes/config).
  /(^|\/)etc\/kubernetes\/[^/.]+$/,
  // A process command line: /proc/PID/cmdline, or one saved as kubelet.cmdline.
  /(^|\/|\.)cmdline$/,
  // Certificates and CA bundles (/etc/kubernetes/pki/*.crt, kubelet-client-current.pem), judged as the
  // API judges them. A .key file holds a private key and nothing to judge: skipped, as the collector
  // leaves keys on the node (a .pem's key block is dropped unread at ingest; private-key-uploaded says so).
  /\.(crt|pem)$/,
];

/** `path` uses `/` separators; the test is on its last segments only. */
export function hasConfigurationName(path: string): boolean {
  return CONFIGURATION_NAMES.some((pattern) => pattern.test(path));
}
