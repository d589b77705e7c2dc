/** The five communication paths of the Kubernetes docs page; the report is organised by them. */
import type { PathId } from '../schemas/common';
import { LINKS } from './links';

export interface PathDefinition {
  id: PathId;
  title: string;
  description: string;
  link: string;
  needs: string;
}

export const PATHS: readonly PathDefinition[] = [
  {
    id: 'node-to-control-plane',
    title: 'Node to control plane',
    description:
      'Kubelets, pods and other node clients calling the API server over HTTPS, authenticated and authorized.',
    link: LINKS.nodeToControlPlane,
    needs: "the kube-apiserver's configuration",
  },
  {
    id: 'apiserver-to-kubelet',
    title: 'API server to kubelet',
    description: "Logs, exec/attach and port-forward: the API server calling each kubelet's HTTPS endpoint.",
    link: LINKS.apiServerToKubelet,
    needs: "the kube-apiserver's configuration and at least one kubelet's configuration",
  },
  {
    id: 'apiserver-to-nodes-pods-services',
    title: 'API server to nodes, pods and services',
    description: 'The API server proxy: plain HTTP to nodes, pods and services unless a tunnel carries it.',
    link: LINKS.apiServerToNodesPodsServices,
    needs: "the kube-apiserver's configuration, and the egress selector file it names",
  },
  {
    id: 'ssh-tunnels',
    title: 'SSH tunnels',
    description: 'The deprecated SSH tunnels from the API server to the nodes.',
    link: LINKS.sshTunnels,
    needs: "the kube-apiserver's configuration",
  },
  {
    id: 'konnectivity',
    title: 'Konnectivity service',
    description:
      'The egress selector, the konnectivity server and its agents, which tunnel control plane to node traffic.',
    link: LINKS.konnectivityService,
    needs:
      "the kube-apiserver's configuration, its egress selector file, the konnectivity server and its agents",
  },
];
