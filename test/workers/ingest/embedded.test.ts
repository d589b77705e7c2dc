import { describe, expect, it } from 'vitest';
import { ingestFile as ingestWithBudget, type Upload } from '../../../src/ingest';
import { Budget } from '../../../src/ingest/budget';

const ingestFile = (upload: Upload) => ingestWithBudget(upload, new Budget());
import { lint } from '../../../src/lint';

const kubeletInfo = (cmdLine: string, config?: string) =>
  JSON.stringify({
    apiVersion: 'hostdata.kubescape.cloud/v1beta0',
    kind: 'KubeletInfo',
    data: { cmdLine, ...(config === undefined ? {} : { configFile: { content: btoa(config) } }) },
  });

describe('configuration wrapped in other objects', () => {
  it("reads kubeadm's kubelet-config ConfigMap, mapping lines back into the ConfigMap", async () => {
    const configMap = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: kubelet-config',
      '  namespace: kube-system',
      'data:',
      '  kubelet: |',
      '    apiVersion: kubelet.config.k8s.io/v1beta1',
      '    kind: KubeletConfiguration',
      '    readOnlyPort: 10255',
      '',
    ].join('\n');
    const report = await lint([{ name: 'kubelet-config.yaml', content: configMap }]);
    expect(report.inputs[0]?.documents.map((d) => [d.kind, d.recognized])).toEqual([
      ['ConfigMap', true],
      ['KubeletConfiguration', true],
    ]);
    expect(
      report.findings.find((f) => f.ruleId === 'kubelet-read-only-port-enabled')?.location,
    ).toMatchObject({ file: 'kubelet-config.yaml', line: 10, column: 5 });
  });

  it('reads Kubescape KubeletInfo: the command line decides --config, its base64 config file applies', async () => {
    const withConfig = await lint([
      {
        name: 'kubelet-info.json',
        content: kubeletInfo(
          '/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml',
          'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nreadOnlyPort: 10255\n',
        ),
      },
    ]);
    expect(withConfig.findings.map((f) => f.ruleId)).toContain('kubelet-read-only-port-enabled');
    expect(withConfig.findings.map((f) => f.ruleId)).not.toContain('kubelet-anonymous-auth-enabled');

    // The same file without --config on the command line is not read: the legacy flag defaults apply.
    const withoutConfig = await lint([
      {
        name: 'kubelet-info.json',
        content: kubeletInfo(
          '/usr/bin/kubelet --kubeconfig=/etc/kubernetes/kubelet.conf',
          'authentication:\n  anonymous:\n    enabled: false\n',
        ),
      },
    ]);
    expect(
      withoutConfig.findings.find((f) => f.ruleId === 'kubelet-anonymous-auth-enabled')?.message,
    ).toContain('runs without --config');
  });

  it('says a KubeletInfo whose config file the sensor could not read cannot be judged', async () => {
    const report = await lint([
      {
        name: 'kubelet-info.json',
        content: kubeletInfo('/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml'),
      },
    ]);
    expect(
      report.coverage.notEvaluated.find((n) => n.ruleId === 'kubelet-anonymous-auth-enabled')?.reason,
    ).toContain('was not uploaded');
  });

  it('lists a bad base64 config file as unread, not as an error', () => {
    const file = ingestFile({
      name: 'k.json',
      content: JSON.stringify({
        apiVersion: 'hostdata.kubescape.cloud/v1beta0',
        kind: 'KubeletInfo',
        data: { cmdLine: 'kubelet', configFile: { content: '%%%' } },
      }),
    });
    expect(file.errors).toEqual([]);
    expect(file.documents[0]).toMatchObject({ kind: 'KubeletInfo', recognized: true });
  });
});
