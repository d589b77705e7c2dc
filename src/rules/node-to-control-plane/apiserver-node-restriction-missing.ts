import { LINKS } from '../../catalogue/links';
import { APISERVER } from '../../model/settings/kube-apiserver';
import { defineRule } from '../../engine/rule';
import { apiserver, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'apiserver-node-restriction-missing',
  path: 'node-to-control-plane',
  severity: 'medium',
  category: 'security',
  title: 'Kubelets may modify other nodes and their pods',
  description:
    'The NodeRestriction admission plugin limits the Node and Pod objects a kubelet may modify to its own, and stops kubelets from setting node-restriction.kubernetes.io/ labels. It is not enabled by default: it must be listed in --enable-admission-plugins.',
  remediation:
    'Add NodeRestriction to --enable-admission-plugins on kube-apiserver (and remove it from --disable-admission-plugins).',
  links: [LINKS.nodeRestriction, LINKS.nodeAuthorization],
  references: ['CIS 1.2.14', 'KCV-0016'],
  requires: ['apiserver'],
  check: (model) =>
    model.apiServers.flatMap((server) => {
      const { enableAdmissionPlugins, disableAdmissionPlugins, admissionControl } = APISERVER.admission;
      const disabling = disableAdmissionPlugins.of(server);
      const enabling = enableAdmissionPlugins.of(server);
      const disabled = disabling.items.find((f) => f.value === 'NodeRestriction');
      // --admission-control is the pre-1.10 spelling of the enabled list.
      const enabled = [...enabling.items, ...admissionControl.of(server).items];
      if (!disabled && enabled.some((f) => f.value === 'NodeRestriction')) return [];
      const flag = disabled ? disabling.flag : enabling.flag;
      const evidence = flag ? `--${flag.name}=${flag.value}` : '--enable-admission-plugins is not set';
      return [
        {
          subject: server.name,
          message: disabled
            ? `${server.name} disables NodeRestriction (${evidence}).`
            : `${server.name} does not enable the NodeRestriction admission plugin (${evidence}; it is not on by default).`,
          location: flag?.location ?? enabling.location,
          evidence,
        },
      ];
    }),
});

export const examples = (): RuleExamples => ({
  bad: upload(apiserver(['--enable-admission-plugins=PodSecurity'])),
  good: upload(apiserver(['--enable-admission-plugins=NodeRestriction,PodSecurity'])),
});
