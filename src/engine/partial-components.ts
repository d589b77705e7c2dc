/**
 * A component the upload shows only partly (k3s/RKE2 `*-arg`: the distribution passes flags of its
 * own) cannot be judged on a flag it does not show: a finding that rests on such a default (its
 * location is a default in that component's file) is turned into "not evaluated", with the reason.
 */
import type { ClusterModel } from '../model/cluster-model';
import type { RawFinding } from './rule';

export function unknownDefaultReason(model: ClusterModel): (finding: RawFinding) => string | undefined {
  const partial = new Map<string, string>();
  for (const component of [...model.apiServers, ...model.controllerManagers, ...model.schedulers]) {
    const why = component.partial ?? component.hidden;
    if (why) partial.set(component.flags.insertAt.file, `${component.name}: ${why}`);
  }
  return (finding) => (finding.location.default ? partial.get(finding.location.file) : undefined);
}
