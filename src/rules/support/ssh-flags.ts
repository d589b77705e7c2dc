/** The API server's SSH tunnel flags (--ssh-user, --ssh-keyfile), the ones that are set. */
import type { ApiServer } from '../../model/apiserver';
import type { Flag } from '../../model/flags';

export const SSH_FLAGS = ['ssh-user', 'ssh-keyfile'] as const;

export function sshFlags(server: ApiServer): Flag[] {
  return SSH_FLAGS.flatMap((name) => {
    const flag = server.flags.get(name);
    return flag?.value ? [flag] : [];
  });
}
