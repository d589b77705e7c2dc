/**
 * MicroK8s' kubelite runs every component in one process, each from its own args file
 * (src/ingest/microk8s-args.ts). `args/kubelite` decides two things the args files do not: which file
 * each component reads (`--apiserver-args-file=…`, defaults `$SNAP_DATA/args/<component>`), and whether
 * the control plane runs on this node at all (`--start-control-plane`; a joined worker runs only
 * kube-proxy and the kubelet: canonical/microk8s run-kubelite-with-args).
 */
import type { IngestedFile } from '../ingest';
import type { CommandLine } from '../ingest/command-line';
import { nodeKeyOf } from './referenced-file';

const CONTROL_PLANE = new Set(['kube-apiserver', 'kube-controller-manager', 'kube-scheduler']);

/**
 * MicroK8s writes the kubelet's serving certificate itself, signed by the cluster CA, as
 * `${SNAP_DATA}/certs/kubelet.crt` (microk8s-resources/actions/common/utils.sh: generate_csr_with_sans
 * "/CN=system:node:$hostname/O=system:nodes" … | sign_certificate > ${SNAP_DATA}/certs/kubelet.crt), and
 * passes `--cert-dir=${SNAP_DATA}/certs`: the kubelet serves that file instead of a self-signed one.
 */
export const MICROK8S_KUBELET_CERTIFICATE =
  'MicroK8s writes, signed by its cluster CA (microk8s utils.sh, produce_certs)';

export function applyKubelite(
  commandLines: readonly CommandLine[],
  files: readonly IngestedFile[],
): CommandLine[] {
  const launchers = files.flatMap((file) => (file.kubelite ? [file.kubelite] : []));
  if (launchers.length === 0) return [...commandLines];
  return commandLines.flatMap((command) => {
    if (command.kind !== 'ArgsFile') return [command];
    const kubelite = launchers.find((k) => nodeKeyOf(k.file) === nodeKeyOf(command.file));
    if (!kubelite) return [command];
    const named = kubelite.argsFiles.find((entry) => command.file.endsWith(entry.path.replace(/^\/+/, '')));
    const component = named?.component ?? command.component;
    if (kubelite.startControlPlane?.value === false && CONTROL_PLANE.has(component)) return [];
    return [{ ...command, component }];
  });
}
