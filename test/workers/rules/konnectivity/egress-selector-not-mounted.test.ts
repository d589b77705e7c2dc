import rule from '../../../../src/rules/konnectivity/egress-selector-not-mounted';
import { WEBSITE_EGRESS } from '../../../support/konnectivity-corpus';
import {
  APISERVER_PATH,
  EGRESS_PATH,
  EGRESS_VOLUME,
  UDS_VOLUME,
  apiserverPod,
  docsSetup,
  kindSetup,
} from '../../../support/konnectivity-setup';
import { ruleTester } from '../../../support/rule-tester';

const flag = `--egress-selector-config-file=${EGRESS_PATH}`;

ruleTester(rule, {
  valid: [
    { name: 'the setup-konnectivity task', files: docsSetup() },
    {
      name: 'the apiserver-network-proxy kind example (socket directory mounted read-only)',
      files: kindSetup(),
    },
    {
      name: 'a kube-apiserver process on the host reads host paths',
      files: [
        { name: '/proc/1234/cmdline', content: `/usr/local/bin/kube-apiserver ${flag}\n` },
        { name: EGRESS_PATH, content: WEBSITE_EGRESS },
      ],
    },
    {
      name: 'the whole /etc/kubernetes directory mounted',
      files: [
        {
          name: APISERVER_PATH,
          content: apiserverPod([flag], [{ name: 'etc-kubernetes', hostPath: '/etc/kubernetes' }]),
        },
        { name: EGRESS_PATH, content: WEBSITE_EGRESS },
      ],
    },
    {
      name: 'no egress selector: nothing to mount',
      files: [{ name: APISERVER_PATH, content: apiserverPod([], []) }],
    },
  ],
  invalid: [
    {
      name: 'neither the file nor the socket directory mounted',
      files: [
        { name: APISERVER_PATH, content: apiserverPod([flag], []) },
        { name: EGRESS_PATH, content: WEBSITE_EGRESS },
      ],
      findings: [
        { file: APISERVER_PATH, line: 12, messageIncludes: ['no volume of the pod mounts', EGRESS_PATH] },
        {
          file: APISERVER_PATH,
          locationDefault: false,
          messageIncludes: ['socket directory /etc/kubernetes/konnectivity-server'],
        },
      ],
    },
    {
      name: 'the socket directory on an emptyDir',
      files: [
        {
          name: APISERVER_PATH,
          content: apiserverPod(
            [flag],
            [
              EGRESS_VOLUME,
              { name: 'uds', hostPath: 'emptyDir', mountPath: '/etc/kubernetes/konnectivity-server' },
            ],
          ),
        },
        { name: EGRESS_PATH, content: WEBSITE_EGRESS },
      ],
      findings: [{ file: APISERVER_PATH, locationDefault: false, messageIncludes: ['emptyDir volume uds'] }],
    },
    {
      name: 'the egress file not uploaded: the file mount is still checked',
      files: [{ name: APISERVER_PATH, content: apiserverPod([flag], [UDS_VOLUME]) }],
      findings: [{ file: APISERVER_PATH, messageIncludes: 'kube-apiserver exits at startup' }],
    },
  ],
  notEvaluated: [
    {
      name: 'socket mounts when the egress file is missing',
      files: [{ name: APISERVER_PATH, content: apiserverPod() }],
      reasonIncludes: 'the socket mounts cannot be checked',
    },
  ],
});
