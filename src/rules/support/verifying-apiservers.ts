import type { ApiServer } from '../../model/apiserver';
import type { ClusterModel } from '../../model/cluster-model';
import type { Flag } from '../../model/flags';
import { APISERVER } from '../../model/settings/kube-apiserver';

/** An API server that verifies kubelet serving certificates, with the flag that makes it. */
export interface Verifying {
  server: ApiServer;
  flag: Flag;
}

export function verifyingApiServers(model: ClusterModel): Verifying[] {
  return model.apiServers.flatMap((server): Verifying[] => {
    const flag = APISERVER.kubeletClient.certificateAuthority.of(server).flag;
    return flag?.value ? [{ server, flag }] : [];
  });
}
