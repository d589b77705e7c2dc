/** The API server's SSH tunnel flags (--ssh-user, --ssh-keyfile), the ones that are set. */
import type { ApiServer } from '../../model/apiserver';
import type { Flag } from '../../model/flags';
import { APISERVER } from '../../model/settings/kube-apiserver';

export const SSH_SETTINGS = [APISERVER.ssh.user, APISERVER.ssh.keyfile] as const;

export function sshFlags(server: ApiServer): Flag[] {
  return SSH_SETTINGS.flatMap((setting) => {
    const flag = setting.of(server).flag;
    return flag?.value ? [flag] : [];
  });
}
