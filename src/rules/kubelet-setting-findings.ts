/**
 * The shape most kubelet rules share: read one effective setting of every kubelet, report those whose
 * value is bad, and say which kubelets could not be judged.
 */
import type { ClusterModel } from '../model/cluster-model';
import type { Kubelet } from '../model/kubelet';
import type { KubeletSettingName, KubeletSettingValue } from '../model/kubelet-settings';
import type { Valued } from '../model/valued';
import type { RawFinding, RuleContext } from './types';

export function kubeletSettingFindings<N extends KubeletSettingName>(
  model: ClusterModel,
  context: RuleContext,
  name: N,
  isBad: (value: KubeletSettingValue<N>) => boolean,
  message: (kubelet: Kubelet, setting: Valued<KubeletSettingValue<N>>) => string,
): RawFinding[] {
  return model.kubelets.flatMap((kubelet) => {
    const setting = kubelet.setting(name);
    if (!setting) {
      context.notEvaluated(`${kubelet.name}: ${kubelet.unknownReason ?? 'its configuration is unknown'}`);
      return [];
    }
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
