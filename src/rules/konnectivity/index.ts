import type { Rule } from '../../engine/rule';
import egressSelectorConfigInvalid from './egress-selector-config-invalid';
import egressSelectorNotMounted from './egress-selector-not-mounted';
import egressSelectorTcpPlaintext from './egress-selector-tcp-plaintext';
import konnectivityAdminExposed from './konnectivity-admin-exposed';
import konnectivityAgentAuthMissing from './konnectivity-agent-auth-missing';
import konnectivityAgentCaMissing from './konnectivity-agent-ca-missing';
import konnectivityAgentPortMismatch from './konnectivity-agent-port-mismatch';
import konnectivityAgentTokenMismatch from './konnectivity-agent-token-mismatch';
import konnectivityModeMismatch from './konnectivity-mode-mismatch';
import konnectivityServerClusterCertMissing from './konnectivity-server-cluster-cert-missing';
import konnectivityServerFrontendInsecure from './konnectivity-server-frontend-insecure';
import konnectivityUdsMismatch from './konnectivity-uds-mismatch';
import konnectivityCertUntrusted from './konnectivity-cert-untrusted';

/** In the order of the catalogue (RULES.md). */
export const konnectivityRules: Rule[] = [
  egressSelectorConfigInvalid,
  egressSelectorTcpPlaintext,
  egressSelectorNotMounted,
  konnectivityModeMismatch,
  konnectivityUdsMismatch,
  konnectivityServerFrontendInsecure,
  konnectivityServerClusterCertMissing,
  konnectivityAgentAuthMissing,
  konnectivityAgentTokenMismatch,
  konnectivityAgentCaMissing,
  konnectivityAgentPortMismatch,
  konnectivityAdminExposed,
  konnectivityCertUntrusted,
];
