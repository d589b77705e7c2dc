import type { ClusterModel } from '../../model/cluster-model';
import type { ControlPlaneComponent } from '../../model/control-plane';

/**
 * The Kubernetes minor a component runs (`1.31`): its own image tag, else the cluster's version (the
 * kubernetesVersion option, kubeadm's kubernetesVersion, the API server's image), else null.
 */
export const componentMinor = (component: ControlPlaneComponent, model: ClusterModel): string | null =>
  component.imageVersion ?? model.version?.minor ?? null;
