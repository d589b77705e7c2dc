import { describe, expect, it } from 'vitest';
import { hostPathOf, mountFor, type Mount, type PodView } from '../../../src/model/konnectivity';

const mount = (mountPath: string, hostPath?: string, subPath?: string): Mount => ({
  volumeName: mountPath,
  mountPath,
  subPath,
  readOnly: true,
  volumeType: hostPath ? 'hostPath' : 'emptyDir',
  hostPath,
  location: { file: 'pod.yaml', line: 1, column: 1, pointer: '', document: 0, default: false },
});
const pod = (...mounts: Mount[]) => ({ mounts }) as unknown as PodView;

describe('which mount holds a path inside the container', () => {
  const etc = mount('/etc/kubernetes', '/etc/kubernetes');
  const pki = mount('/etc/kubernetes/pki', '/srv/pki');
  const sibling = mount('/etc/kubernetes-extra', '/srv/extra');

  it('is the one with the longest mount path that holds it', () => {
    expect(mountFor(pod(etc, pki, sibling), '/etc/kubernetes/pki/ca.crt')).toBe(pki);
    expect(mountFor(pod(pki, etc), '/etc/kubernetes/admin.conf')).toBe(etc);
    expect(mountFor(pod(etc), '/etc/kubernetes')).toBe(etc);
  });

  it('is not a mount whose path is only a prefix of a sibling directory', () => {
    expect(mountFor(pod(etc), '/etc/kubernetes-extra/a.crt')).toBeUndefined();
    expect(mountFor(pod(sibling, etc), '/etc/kubernetes-extra/a.crt')).toBe(sibling);
  });

  it('takes a root mount for every absolute path, and the first of two equally long ones', () => {
    const root = mount('/', '/host');
    expect(mountFor(pod(root), '/etc/ca.crt')).toBe(root);
    expect(mountFor(pod(root), 'relative/ca.crt')).toBeUndefined();
    const again = mount('/etc/kubernetes', '/other');
    expect(mountFor(pod(etc, again), '/etc/kubernetes/ca.crt')).toBe(etc);
  });

  it('maps the path onto the host through the hostPath and its subPath', () => {
    expect(hostPathOf(pod(etc, pki), '/etc/kubernetes/pki/ca.crt')).toBe('/srv/pki/ca.crt');
    expect(hostPathOf(pod(mount('/certs', '/srv/', 'node-a')), '/certs/ca.crt')).toBe('/srv/node-a/ca.crt');
    expect(hostPathOf(pod(mount('/certs')), '/certs/ca.crt')).toBeUndefined();
  });
});
