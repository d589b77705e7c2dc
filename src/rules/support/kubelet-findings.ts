/**
 * The shapes most kubelet rules share: judge every kubelet, say which ones could not be judged, and
 * (the commonest case) report those whose effective value of one setting is bad.
 */
import type { ClusterModel } from '../../model/cluster-model';
import type { Kubelet } from '../../model/kubelet';
import type { KubeletSettingName, KubeletSettingValue } from '../../model/kubelet-settings';
import type { Valued } from '../../model/valued';
import type { RawFinding, RuleContext } from '../../engine/rule';

/** Runs `judge` on every kubelet; a kubelet it returns undefined for is reported as not evaluated. */
export function kubeletFindings(
  model: ClusterModel,
  context: RuleContext,
  judge: (kubelet: Kubelet) => RawFinding[] | undefined,
): RawFinding[] {
  return model.kubelets.flatMap((kubelet) => {
    const findings = judge(kubelet);
    if (findings) return findings;
    context.notEvaluated(`${kubelet.name}: ${kubelet.unknownReason ?? 'its configuration is unknown'}`);
    return [];
  });
}

export function kubeletSettingFindings<N extends KubeletSettingName>(
  model: ClusterModel,
  context: RuleContext,
  name: N,
  isBad: (value: KubeletSettingValue<N>) => boolean,
  message: (kubelet: Kubelet, setting: Valued<KubeletSettingValue<N>>) => string,
): RawFinding[] {
  return kubeletFindings(model, context, (kubelet) => {
    const setting = kubelet.setting(name);
    if (!setting) return undefined;
    if (!isBad(setting.value)) return [];
    return [
      {
        subject: kubelet.name,
        message: message(kubelet, setting),
        location: setting.location,
        evidence: setting.describe,
      },
    ];
  });
}
