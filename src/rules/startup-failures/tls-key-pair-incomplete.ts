import type { Kubelet } from '../../model/kubelet';
import { APISERVER } from '../../model/settings/kube-apiserver';
import { CONTROLLER_MANAGER } from '../../model/settings/kube-controller-manager';
import { SCHEDULER } from '../../model/settings/kube-scheduler';
import { KONNECTIVITY_AGENT, KONNECTIVITY_SERVER } from '../../model/settings/konnectivity';
import type { Setting } from '../../model/settings/setting';
import type { ControlPlaneComponent } from '../../model/control-plane';
import type { Valued } from '../../model/valued';
import { LINKS } from '../../catalogue/links';
import { defineRule, type RawFinding, type RuleContext } from '../../engine/rule';
import { apiserver, upload, type RuleExamples } from '../support/examples';
import type { PathId } from '../../schemas/common';
import { STARTUP_PATHS } from '../support/startup-paths';

/** A certificate and its key, and what the program says when only one of them is given. */
interface Pair {
  cert: Setting<string>;
  key: Setting<string>;
  says: (cert: string, key: string) => string;
}

/** kubernetes/apiserver pkg/server/dynamiccertificates NewDynamicServingContentFromFiles, from SecureServingOptions.ApplyTo. */
const SERVING = () => 'missing filename for serving cert';
/** apiserver-network-proxy cmd/{server,agent}/app/options/options.go Validate. */
const konnectivity = (what: string) => (cert: string, key: string) =>
  cert
    ? `cannot have ${what} key empty when ${what} cert is set to "${cert}"`
    : `cannot have ${what} cert empty when ${what} key is set to "${key}"`;

const APISERVER_PAIR: Pair = {
  cert: APISERVER.secureServing.tlsCertFile,
  key: APISERVER.secureServing.tlsPrivateKeyFile,
  says: SERVING,
};

export default defineRule({
  id: 'tls-key-pair-incomplete',
  paths: STARTUP_PATHS,
  severity: 'critical',
  category: 'breakage',
  title: 'A component is given a certificate without its key, or a key without its certificate',
  description:
    'A serving certificate needs its private key. kube-apiserver, kube-controller-manager and kube-scheduler given only one of --tls-cert-file and --tls-private-key-file exit at startup ("missing filename for serving cert"): they generate a self-signed pair only when both are unset. The kubelet given only one of tlsCertFile and tlsPrivateKeyFile exits when it starts serving ("Failed to listen and serve"), and the Konnectivity server and agent refuse half of --server-cert/--server-key, --cluster-cert/--cluster-key or --agent-cert/--agent-key. (Half of kube-apiserver\'s --kubelet-client-certificate/--kubelet-client-key is not a startup failure: the API server then calls kubelets without a client certificate, apiserver-kubelet-client-certificate-missing\'s finding.)',
  remediation:
    'Set both the certificate and its key, or neither (to get a generated self-signed pair where the component makes one).',
  links: [LINKS.kubeApiserverFlags, LINKS.kubeletConfiguration, LINKS.setupKonnectivity],
  references: [],
  requires: ['component'],
  check: (model, context) => [
    ...model.apiServers.flatMap((c) => halfPairs(c, [APISERVER_PAIR], 'node-to-control-plane')),
    // Their secure port can be switched off (0), and then no certificate is loaded (SecureServingOptions.ApplyTo).
    ...model.controllerManagers
      .filter((c) => CONTROLLER_MANAGER.securePort.of(c).value !== 0)
      .flatMap((c) =>
        halfPairs(
          c,
          [
            {
              cert: CONTROLLER_MANAGER.tlsCertFile,
              key: CONTROLLER_MANAGER.tlsPrivateKeyFile,
              says: SERVING,
            },
          ],
          'node-to-control-plane',
        ),
      ),
    ...model.schedulers
      .filter((c) => SCHEDULER.securePort.of(c).value !== 0)
      .flatMap((c) =>
        halfPairs(
          c,
          [{ cert: SCHEDULER.tlsCertFile, key: SCHEDULER.tlsPrivateKeyFile, says: SERVING }],
          'node-to-control-plane',
        ),
      ),
    ...model.konnectivityServers.flatMap((c) =>
      halfPairs(
        c,
        [
          {
            cert: KONNECTIVITY_SERVER.serverCert,
            key: KONNECTIVITY_SERVER.serverKey,
            says: konnectivity('server'),
          },
          {
            cert: KONNECTIVITY_SERVER.clusterCert,
            key: KONNECTIVITY_SERVER.clusterKey,
            says: konnectivity('cluster'),
          },
        ],
        'konnectivity',
      ),
    ),
    ...model.konnectivityAgents.flatMap((c) =>
      halfPairs(
        c,
        [
          {
            cert: KONNECTIVITY_AGENT.agentCert,
            key: KONNECTIVITY_AGENT.agentKey,
            says: konnectivity('agent'),
          },
        ],
        'konnectivity',
      ),
    ),
    ...model.kubelets.flatMap((kubelet) => kubeletHalfPair(kubelet, context)),
  ],
});

export const examples = (): RuleExamples => ({
  bad: upload(apiserver(['--tls-cert-file=/etc/kubernetes/pki/apiserver.crt'])),
  good: upload(
    apiserver([
      '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt',
      '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
    ]),
  ),
});

function halfPairs(component: ControlPlaneComponent, pairs: readonly Pair[], path: PathId): RawFinding[] {
  return pairs.flatMap(({ cert, key, says }) => {
    const certValue = cert.of(component);
    const keyValue = key.of(component);
    return half(
      component.name,
      certValue,
      keyValue,
      path,
      `it exits at startup ("${says(certValue.value, keyValue.value)}")`,
    );
  });
}

function kubeletHalfPair(kubelet: Kubelet, context: RuleContext): RawFinding[] {
  const cert = kubelet.setting('tlsCertFile');
  const key = kubelet.setting('tlsPrivateKeyFile');
  if (!cert || !key) {
    context.notEvaluated(`${kubelet.name}: ${kubelet.unknownReason ?? 'its configuration is unknown'}`);
    return [];
  }
  // A /configz dump shows a kubelet that runs: it started with what it shows.
  if (kubelet.config.mode === 'config' && kubelet.config.live) return [];
  return half(
    kubelet.name,
    cert,
    key,
    'apiserver-to-kubelet',
    'it exits when it starts serving ("Failed to listen and serve": open : no such file or directory)',
  );
}

/** A finding when exactly one of the two is set. */
function half(
  name: string,
  cert: Valued<string>,
  key: Valued<string>,
  path: PathId,
  consequence: string,
): RawFinding[] {
  if ((cert.value === '') === (key.value === '')) return [];
  const [set, unset] = cert.value === '' ? [key, cert] : [cert, key];
  return [
    {
      subject: `${name} ${set.describe.split(/[=:]/)[0] ?? ''}`,
      message: `${name} is given ${set.describe} but not its ${set === cert ? 'key' : 'certificate'} (${unset.describe}): ${consequence}.`,
      location: set.location,
      related: [unset.location],
      evidence: `${set.describe}; ${unset.describe}`,
      path,
    },
  ];
}
