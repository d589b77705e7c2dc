import type { ApiServer } from '../../model/apiserver';
import type { ClusterModel } from '../../model/cluster-model';
import { transportOf } from '../../model/egress-selector';
import { dirname, mountFor, podOf, type PodView } from '../../model/konnectivity';
import { LINKS } from '../../catalogue/links';
import { defineRule, type RawFinding, type RuleContext } from '../../engine/rule';
import {
  EGRESS_SELECTOR_FILE,
  KONNECTIVITY_MOUNTS,
  apiserver,
  egressSelector,
  upload,
  withHostPaths,
  type RuleExamples,
} from '../support/examples';

export default defineRule({
  id: 'egress-selector-not-mounted',
  path: 'konnectivity',
  severity: 'high',
  category: 'breakage',
  title: 'The kube-apiserver pod does not mount the egress selector file or the Konnectivity socket',
  description:
    "A kube-apiserver that runs as a static pod only sees the host paths its volumes mount. Without a volume holding the file --egress-selector-config-file names, the API server cannot read it and does not start; without a hostPath volume holding the directory of a selection's uds udsName, it cannot reach the socket the konnectivity-server pod creates on the host, and every request the selection carries (logs, exec, port-forward, proxy, webhooks for cluster) fails.",
  remediation:
    'Add hostPath volumes and volumeMounts to the kube-apiserver pod for the egress selector file and for the socket directory (the setup-konnectivity task mounts /etc/kubernetes/konnectivity-server at the same path).',
  links: [LINKS.setupKonnectivity],
  references: [],
  requires: ['apiserver'],
  check: (model, context) => model.apiServers.flatMap((server) => judge(server, model, context)),
});

export const examples = (): RuleExamples => ({
  bad: upload(apiserver([`--egress-selector-config-file=${EGRESS_SELECTOR_FILE}`]), egressSelector()),
  good: upload(
    withHostPaths(apiserver([`--egress-selector-config-file=${EGRESS_SELECTOR_FILE}`]), KONNECTIVITY_MOUNTS),
    egressSelector(),
  ),
});

function judge(server: ApiServer, model: ClusterModel, context: RuleContext): RawFinding[] {
  const egress = server.egressSelector;
  if (egress.state === 'none') return [];
  const pod = podOf(server);
  if (!pod) return []; // a process on the host reads host paths directly
  const findings: RawFinding[] = [];
  // The fix is a volume of the kube-apiserver pod: its volumeMounts, or where they would go.
  const mountsPointer = `${pod.container}/volumeMounts`;
  const mountsAt = pod.doc.at(mountsPointer, pod.doc.get(mountsPointer) === undefined);
  const file = egress.flag.value;
  if (!mountFor(pod, file)) {
    findings.push({
      subject: server.name,
      message: `${server.name} sets --egress-selector-config-file=${file}, but no volume of the pod mounts ${file}: the file does not exist inside the container and kube-apiserver exits at startup.`,
      location: egress.flag.location,
      related: [mountsAt],
      evidence: `--egress-selector-config-file=${file}, not mounted`,
    });
  }
  if (egress.state === 'missing') {
    context.notEvaluated(
      `${server.name}: the socket mounts cannot be checked: --egress-selector-config-file names ${file}, which was not uploaded`,
    );
    return findings;
  }
  for (const selection of egress.value.selections) {
    const socket = selection.udsName;
    if (transportOf(selection) !== 'uds' || !socket) continue;
    const problem = socketProblem(pod, socket, model);
    if (!problem) continue;
    findings.push({
      subject: server.name,
      message: `${server.name} dials the ${selection.name} egress selection's socket ${socket} (${egress.value.file}), but ${problem}: the API server cannot reach the Konnectivity server.`,
      location: mountsAt,
      related: [
        egress.value.doc.at(`${selection.pointer}/connection/transport/uds/udsName`),
        egress.flag.location,
      ],
      evidence: `udsName: ${socket}; kube-apiserver mounts: ${pod.mounts.map((m) => m.mountPath).join(', ') || '(none)'}`,
    });
  }
  return findings;
}

function socketProblem(pod: PodView, socket: string, model: ClusterModel): string | undefined {
  const mount = mountFor(pod, dirname(socket));
  if (!mount) return `no volume of the kube-apiserver pod mounts the socket directory ${dirname(socket)}`;
  if (mount.volumeType === 'hostPath') return undefined;
  // Another volume type is shared only with containers of the same pod (a konnectivity-server sidecar).
  if (model.konnectivityServers.some((s) => s.doc === pod.doc)) return undefined;
  return `the socket directory is mounted from the ${mount.volumeType} volume ${mount.volumeName}, which the konnectivity-server pod cannot share (use a hostPath volume)`;
}
