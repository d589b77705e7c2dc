import type { ApiServer } from '../../model/apiserver';
import type { ClusterModel } from '../../model/cluster-model';
import type { Flag } from '../../model/flags';
import { APISERVER } from '../../model/settings/kube-apiserver';

/** The API servers that verify kubelet serving certificates, with the flag that makes them. */
export function verifyingApiServers(model: ClusterModel): Array<{ server: ApiServer; flag: Flag }> {
  return model.apiServers.flatMap((server) => {
    const flag = APISERVER.kubeletClient.certificateAuthority.of(server).flag;
    return flag?.value ? [{ server, flag }] : [];
  });
}
