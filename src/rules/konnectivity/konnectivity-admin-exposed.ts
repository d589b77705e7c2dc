import type { ControlPlaneComponent } from '../../model/control-plane';
import { isLoopback } from '../../model/addresses';
import { LINKS } from '../../catalogue/links';
import { KONNECTIVITY_AGENT, KONNECTIVITY_SERVER } from '../../model/settings/konnectivity';
import { defineRule, type RawFinding } from '../../engine/rule';
import { konnectivityServer, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'konnectivity-admin-exposed',
  path: 'konnectivity',
  severity: 'low',
  category: 'security',
  title: 'The Konnectivity admin endpoint listens beyond localhost',
  description:
    'konnectivity-server (--admin-port, default 8095) and konnectivity-agent (--admin-server-port, default 8094) serve an unauthenticated admin endpoint with metrics and, with --enable-profiling, Go pprof handlers. It binds to 127.0.0.1 by default; an --admin-bind-address that is not loopback exposes it to the network (the server and agents often run with hostNetwork).',
  remediation: 'Remove --admin-bind-address or set it to 127.0.0.1.',
  links: [LINKS.setupKonnectivity],
  references: [],
  requires: ['konnectivity-server'],
  check: (model) => [...model.konnectivityServers, ...model.konnectivityAgents].flatMap(judge),
});

export const examples = (): RuleExamples => ({
  bad: upload(konnectivityServer(['--admin-bind-address=0.0.0.0', '--admin-port=8133'])),
  good: upload(konnectivityServer(['--admin-port=8133'])),
});

function judge(component: ControlPlaneComponent): RawFinding[] {
  const settings = component.component === 'konnectivity-server' ? KONNECTIVITY_SERVER : KONNECTIVITY_AGENT;
  const flag = settings.adminBindAddress.of(component).flag;
  // Empty means the default, localhost.
  if (!flag || flag.value === '' || isLoopback(flag.value)) return [];
  const port =
    'adminPort' in settings ? settings.adminPort.of(component) : settings.adminServerPort.of(component);
  const profiling = settings.enableProfiling.of(component).value;
  return [
    {
      subject: component.name,
      message: `${component.name} sets --admin-bind-address=${flag.value}: its admin endpoint on port ${port.flag?.value ?? port.value} is reachable from the network${profiling ? ', with pprof profiling enabled (--enable-profiling)' : ''}.`,
      location: flag.location,
      evidence: `--admin-bind-address=${flag.value}`,
    },
  ];
}
