/**
 * The layouts kube-comms-lint reads, one row each: what to upload, what scripts/collect.sh gathers, and
 * the modules that read it. The README's "What to upload" table is this table
 * (test/node/layouts/layout-table.test.ts checks both, and uploads a real file of each layout).
 */
export interface Layout {
  name: string;
  /** Markdown: the files to upload, and how they are read. */
  files: string;
  /** Markdown: what the collector gathers on a node of this layout. */
  collects: string;
  /** The modules that read it. */
  readBy: readonly string[];
  /** The tests that read real files of it from test/fixtures/corpus. */
  testedBy: readonly string[];
}

export const LAYOUTS: readonly Layout[] = [
  {
    name: 'kubeadm node',
    files:
      '`/etc/kubernetes/manifests/*.yaml`, `/var/lib/kubelet/config.yaml`, `/var/lib/kubelet/kubeadm-flags.env`, `/etc/kubernetes/kubelet.conf`, `kubelet.service` and `kubelet.service.d/10-kubeadm.conf`',
    collects: "all of them, the files their flags name, and the running components' command lines",
    readBy: ['src/ingest/classify.ts', 'src/model/kubelets.ts'],
    testedBy: ['test/node/layouts/microk8s-systemd-kops.test.ts', 'test/node/corpus-reports.test.ts'],
  },
  {
    name: 'kubeadm configuration file',
    files:
      "the file given to `kubeadm init/join --config` (ClusterConfiguration, Init/JoinConfiguration, KubeletConfiguration): read as what kubeadm writes, kubeadm's kubelet defaults included",
    collects: '— (it is not on the node; on the node, the row above)',
    readBy: ['src/model/kubeadm.ts'],
    testedBy: ['test/node/layouts/kubeadm-kubelet-defaults.test.ts'],
  },
  {
    name: 'k3s, RKE2',
    files:
      "`/etc/rancher/{k3s,rke2}/config.yaml` and `config.yaml.d/*.yaml`; RKE2's `/var/lib/rancher/rke2/agent/pod-manifests/*.yaml`; the `kubelet.conf.d` drop-ins",
    collects:
      'all of them; the k3s/RKE2 process title hides its flags, so its components are judged on what the files show',
    readBy: ['src/model/distribution.ts'],
    testedBy: ['test/node/corpus-reports.test.ts'],
  },
  {
    name: 'MicroK8s',
    files:
      "`/var/snap/microk8s/current/args/{kube-apiserver,kubelet,kube-controller-manager,kube-scheduler,kube-proxy,kubelite}` (each is that component's whole command line; `${SNAP_DATA}` is expanded)",
    collects: 'the six args files and the kubeconfigs they name under `${SNAP_DATA}`',
    readBy: ['src/ingest/microk8s-args.ts', 'src/model/microk8s.ts'],
    testedBy: ['test/node/layouts/microk8s-systemd-kops.test.ts'],
  },
  {
    name: 'systemd units (Kubernetes The Hard Way, most on-prem installs)',
    files:
      '`kube-apiserver.service`, `kube-controller-manager.service`, `kube-scheduler.service`, `kube-proxy.service`, `kubelet.service` (and `*.service.d/*.conf`), and every file their `EnvironmentFile=` names; a variable from a file not uploaded makes the component partial, and the report names the file',
    collects:
      'the units of these components and of konnectivity-server/agent in `/etc/systemd/system`, `/usr/lib/systemd/system`, `/lib/systemd/system`, their drop-ins and `EnvironmentFile=` files',
    readBy: ['src/ingest/systemd-unit.ts', 'src/model/systemd-units.ts'],
    testedBy: ['test/node/layouts/microk8s-systemd-kops.test.ts'],
  },
  {
    name: 'AKS',
    files:
      '`/etc/default/kubelet` (`KUBELET_FLAGS`), `kubelet.service`, the kubelet config file its flags name',
    collects: 'all of them',
    readBy: ['src/ingest/environment-file.ts', 'src/model/systemd-units.ts'],
    testedBy: ['test/node/layouts/microk8s-systemd-kops.test.ts'],
  },
  {
    name: 'EKS',
    files:
      'AL2023 (nodeadm): `kubelet.service` and `/etc/eks/kubelet/environment` (`NODEADM_KUBELET_ARGS`), and the kubelet config files its flags name; AL2: `kubelet.service` with its `kubelet.service.d/*.conf` (`KUBELET_ARGS`, `KUBELET_EXTRA_ARGS`) and `/etc/kubernetes/kubelet/kubelet-config.json`',
    collects:
      'all of them (the environment file through `EnvironmentFile=`, the config files through `--config`)',
    readBy: ['src/ingest/environment-file.ts', 'src/model/systemd-units.ts'],
    testedBy: ['test/node/layouts/microk8s-systemd-kops.test.ts'],
  },
  {
    name: 'kops',
    files:
      '`/etc/kubernetes/manifests/*.manifest` (the kube-apiserver pod with its healthcheck sidecar), `/etc/sysconfig/kubelet` (`DAEMON_ARGS`), `kubelet.service`',
    collects: 'all of them',
    readBy: ['src/ingest/classify.ts', 'src/ingest/environment-file.ts'],
    testedBy: ['test/node/layouts/microk8s-systemd-kops.test.ts'],
  },
  {
    name: 'Cluster API',
    files:
      '`KubeadmControlPlane`, `KubeadmConfig`, `KubeadmConfigTemplate` as rendered (`kubectl get -o yaml` on the management cluster, or `clusterctl generate cluster`): read as the kubeadm configuration they embed, `files[]` as files on the node; a `ClusterClass` is not applied, `${VAR}` values are not judged',
    collects: '— (management cluster; on a node, the kubeadm row)',
    readBy: ['src/ingest/cluster-api.ts', 'src/model/kubeadm.ts'],
    testedBy: ['test/node/layouts/cluster-api.test.ts'],
  },
  {
    name: 'kind',
    files:
      'the kind `Cluster` file, with the Kubernetes version (`kubernetesVersion`, or a node `image:` tag), since a patch naming a kubeadm apiVersion applies only to the version kind generates; or `/kind/kubeadm.conf` (`docker exec <node> cat /kind/kubeadm.conf`)',
    collects:
      'inside a node container (`docker exec -i <node> sh -s -- --dry-run /tmp/node.tar < scripts/collect.sh`), the kubeadm row',
    readBy: ['src/ingest/kind-cluster.ts', 'src/model/kind.ts'],
    testedBy: ['test/node/layouts/kind.test.ts'],
  },
  {
    name: 'k0s',
    files:
      "`/etc/k0s/k0s.yaml`, or k0sctl's `Cluster` and k0smotron's `K0sControlPlane` holding it: read as k0s runs kube-apiserver (k0s' flags under `spec.api.extraArgs`), Konnectivity and the egress selector it writes, and one kubelet per worker profile; the install command line (`--kubelet-extra-args`, `--single`) is not in the file (`systemctl cat k0scontroller k0sworker` shows it)",
    collects: '`/etc/k0s/k0s.yaml`',
    readBy: ['src/ingest/k0s-wrapper.ts', 'src/model/k0s.ts'],
    testedBy: ['test/node/layouts/talos-k0s.test.ts'],
  },
  {
    name: 'Talos',
    files:
      "the machine configuration (`talosctl gen config` output, or `talosctl get machineconfig -o yaml` for the one in effect), classic or Talos 1.15's documents: read as machined renders the control plane and the kubelet, Talos' flags and settings under `extraArgs` and `extraConfig`",
    collects: '— (Talos has no shell; use `talosctl`)',
    readBy: ['src/model/talos.ts'],
    testedBy: ['test/node/layouts/talos-k0s.test.ts'],
  },
  {
    name: 'any kubelet',
    files:
      'its serving certificate `<cert-dir>/kubelet.crt` (a public certificate) when `tlsCertFile` is not set: the report tells a CA-signed one from the self-signed pair the kubelet writes itself',
    collects: '— (it never reads `*.crt` or `pki/`; upload it yourself)',
    readBy: ['src/ingest/certificate.ts', 'src/model/kubelets.ts'],
    testedBy: ['test/node/layouts/kubelet-cert-dir.test.ts'],
  },
];
