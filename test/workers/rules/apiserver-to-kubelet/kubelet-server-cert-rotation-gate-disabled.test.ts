import rule from '../../../../src/rules/apiserver-to-kubelet/kubelet-server-cert-rotation-gate-disabled';
import {
  KUBELET_CONFIG_PATH,
  kubeletCommandLine,
  kubeletConfig,
  manifestPath,
  staticPod,
} from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const cmdline = '/proc/kubelet-cmdline.txt';
const gateOff = 'featureGates:\n  RotateKubeletServerCertificate: false\n';
const controllerManager = manifestPath('kube-controller-manager');
/** The controller manager's manifest that turns the gate off. */
const managerGateOff = {
  name: controllerManager,
  content: staticPod('kube-controller-manager', ['--feature-gates=RotateKubeletServerCertificate=false']),
};

ruleTester(rule, {
  valid: [
    {
      name: 'bootstrap with the gate at its default (on)',
      files: [{ name: KUBELET_CONFIG_PATH, content: kubeletConfig('serverTLSBootstrap: true\n') }],
    },
    {
      name: 'gate off but no bootstrap wanted (also on kube-controller-manager)',
      files: [{ name: KUBELET_CONFIG_PATH, content: kubeletConfig(gateOff) }, managerGateOff],
    },
    {
      name: 'a flag gate turns the file gate back on (gates merge one by one)',
      files: [
        {
          name: cmdline,
          content: kubeletCommandLine([
            `--config=${KUBELET_CONFIG_PATH}`,
            '--feature-gates=RotateKubeletServerCertificate=true',
          ]),
        },
        { name: KUBELET_CONFIG_PATH, content: kubeletConfig(`serverTLSBootstrap: true\n${gateOff}`) },
      ],
    },
  ],
  invalid: [
    {
      name: 'bootstrap wanted, gate off in the config file',
      files: [{ name: KUBELET_CONFIG_PATH, content: kubeletConfig(`serverTLSBootstrap: true\n${gateOff}`) }],
      findings: [{ line: 5, messageIncludes: 'featureGates.RotateKubeletServerCertificate: false' }],
    },
    {
      name: 'without --config, the gate off among others in --feature-gates (ParseBool spelling False)',
      files: [
        {
          name: cmdline,
          content: kubeletCommandLine([
            '--rotate-server-certificates=true',
            '--feature-gates=SomeOtherGate=true,RotateKubeletServerCertificate=False',
          ]),
        },
      ],
      findings: [{ file: cmdline, messageIncludes: '--feature-gates=SomeOtherGate=true' }],
    },
    {
      name: 'a flag setting another gate keeps the file gate (gates merge one by one)',
      files: [
        {
          name: cmdline,
          content: kubeletCommandLine([
            `--config=${KUBELET_CONFIG_PATH}`,
            '--feature-gates=SomeOtherGate=true',
          ]),
        },
        { name: KUBELET_CONFIG_PATH, content: kubeletConfig(`serverTLSBootstrap: true\n${gateOff}`) },
      ],
      findings: [{ file: KUBELET_CONFIG_PATH, line: 5 }],
    },
    {
      name: 'kube-controller-manager turns it off while a kubelet bootstraps',
      files: [
        {
          name: 'worker-1/var/lib/kubelet/config.yaml',
          content: kubeletConfig('serverTLSBootstrap: true\n'),
        },
        managerGateOff,
      ],
      findings: [
        {
          file: controllerManager,
          line: 10,
          messageIncludes: 'while kubelet on node worker-1 bootstraps its',
        },
      ],
    },
    {
      name: 'kube-controller-manager turns it off while twelve kubelets bootstrap: ten named',
      files: [
        ...Array.from({ length: 12 }, (_, i) => ({
          name: `worker-${i}/var/lib/kubelet/config.yaml`,
          content: kubeletConfig('serverTLSBootstrap: true\n'),
        })),
        managerGateOff,
      ],
      findings: [
        {
          file: controllerManager,
          messageIncludes: [
            'while kubelet on node worker-0, kubelet on node worker-1, ',
            'kubelet on node worker-9 and 2 more bootstrap their serving certificate.',
          ],
        },
      ],
    },
  ],
});
