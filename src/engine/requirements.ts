/** What each requirement needs from the upload, and what to tell the user when it is missing. */
import type { ClusterModel } from '../model/cluster-model';
import type { Requirement } from './rule';

export const REQUIREMENTS: Record<
  Requirement,
  { present: (model: ClusterModel) => boolean; missing: string }
> = {
  apiserver: {
    present: (m) => m.apiServers.length > 0,
    missing:
      'no kube-apiserver configuration was uploaded (its static pod manifest, e.g. /etc/kubernetes/manifests/kube-apiserver.yaml, or its command line)',
  },
  kubelet: {
    present: (m) => m.kubelets.length > 0,
    missing:
      'no kubelet configuration was uploaded (its config file, e.g. /var/lib/kubelet/config.yaml, a /configz dump, or its command line)',
  },
  kubeconfig: {
    present: (m) => m.kubeconfigs.length > 0,
    missing: 'no kubeconfig was uploaded (e.g. /etc/kubernetes/kubelet.conf)',
  },
  'controller-manager': {
    present: (m) => m.controllerManagers.length > 0,
    missing:
      'no kube-controller-manager configuration was uploaded (e.g. /etc/kubernetes/manifests/kube-controller-manager.yaml)',
  },
  scheduler: {
    present: (m) => m.schedulers.length > 0,
    missing:
      'no kube-scheduler configuration was uploaded (e.g. /etc/kubernetes/manifests/kube-scheduler.yaml)',
  },
  'konnectivity-server': {
    present: (m) => m.konnectivityServers.length > 0,
    missing: 'no konnectivity-server manifest was uploaded',
  },
  'konnectivity-agent': {
    present: (m) => m.konnectivityAgents.length > 0,
    missing: 'no konnectivity-agent manifest was uploaded',
  },
  'egress-selector': {
    present: (m) => m.egressSelectors.length > 0,
    missing:
      'no EgressSelectorConfiguration was uploaded (the file --egress-selector-config-file names, e.g. /etc/kubernetes/egress-selector-configuration.yaml)',
  },
  rbac: {
    present: (m) => m.rbac.roles.length + m.rbac.bindings.length > 0,
    missing: 'no RBAC Role, ClusterRole or binding was uploaded',
  },
  'controller-manager-or-scheduler': {
    present: (m) => m.controllerManagers.length + m.schedulers.length > 0,
    missing:
      'neither a kube-controller-manager nor a kube-scheduler configuration was uploaded (e.g. /etc/kubernetes/manifests/kube-scheduler.yaml)',
  },
  component: {
    present: (m) =>
      m.apiServers.length +
        m.controllerManagers.length +
        m.schedulers.length +
        m.proxies.length +
        m.kubelets.length +
        m.konnectivityServers.length +
        m.konnectivityAgents.length >
      0,
    missing:
      'no component configuration was uploaded (a static pod manifest, a command line, a kubelet config file, a distribution config)',
  },
  certificates: {
    present: (m) =>
      m.certificates.bindings.some((binding) => binding.bundle?.certificates.some((c) => c.der !== null)),
    missing:
      'no uploaded certificate is named by an uploaded flag or field: upload them (e.g. /etc/kubernetes/pki/*.crt) with the files that name them',
  },
  'kubernetes-service': {
    present: (m) => m.kubernetesService.length > 0,
    missing:
      'neither the default/kubernetes Service nor its Endpoints or EndpointSlice was uploaded (kubectl get -n default service/kubernetes endpoints/kubernetes endpointslices -o yaml)',
  },
};
