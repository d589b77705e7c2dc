/**
 * The flag facts answer as the programs behave: each case is a fact checked against the Kubernetes
 * source or release notes (src/model/flag-facts/README.md lists them with their citations).
 */
import { describe, expect, it } from 'vitest';
import { Suggestions } from '../../../src/model/flag-facts/closest';
import {
  componentsDefining,
  flagInertSince,
  flagRemovedIn,
  flagStatus,
} from '../../../src/model/flag-facts/flag-status';
import { valueKindOf, valueProblems } from '../../../src/model/flag-facts/value-problems';

describe('flagStatus', () => {
  it.each([
    ['kube-apiserver', '--kubelet-https', '1.21', { state: 'deprecated', deprecatedIn: '1.19' }],
    ['kube-apiserver', '--kubelet-https', '1.22', { state: 'removed', removedIn: '1.22' }],
    ['kube-apiserver', '--insecure-port', '1.23', { state: 'accepted', inertSince: '1.20', type: 'int' }],
    ['kube-apiserver', '--insecure-port', 'v1.24.3', { state: 'removed', removedIn: '1.24' }],
    ['kube-apiserver', '--log-dir', '1.25', { state: 'deprecated' }],
    ['kube-apiserver', '--log-dir', '1.26', { state: 'removed', removedIn: '1.26' }],
    ['kube-apiserver', '--cloud-provider', '1.32', { state: 'deprecated' }],
    ['kube-apiserver', '--cloud-provider', '1.33', { state: 'removed', removedIn: '1.33' }],
    ['kube-apiserver', '--apiserver-count', '1.35', { state: 'deprecated', deprecatedIn: '1.24' }],
    ['kube-apiserver', '--basic-auth-file', '1.18', { state: 'accepted' }],
    ['kube-apiserver', '--basic-auth-file', '1.19', { state: 'removed', removedIn: '1.19' }],
    ['kube-apiserver', '--anonymous_auth', '1.30', { state: 'accepted', flag: '--anonymous-auth' }],
    ['kube-apiserver', '--authentication-config', '1.28', { state: 'unknown', addedIn: '1.29' }],
    ['kube-apiserver', '--authentication-config', '1.29', { state: 'accepted' }],
    ['kube-apiserver', '-v', '1.30', { state: 'accepted', flag: '--v' }],
    ['kube-apiserver', '--aggregator-reject-forwarding-redirect', '1.24', { state: 'undocumented' }],
    ['kubelet', '--tls-min-version', '1.30', { state: 'deprecated', configField: 'tlsMinVersion' }],
    ['kubelet', '--containerd', '1.35', { state: 'deprecated', linuxOnly: true }],
    ['kubelet', '--keep-terminated-pod-volumes', '1.30', { state: 'deprecated' }],
    ['kubelet', '--keep-terminated-pod-volumes', '1.31', { state: 'removed', removedIn: '1.31' }],
    ['kubelet', '--cloud-config', '1.33', { state: 'deprecated' }],
    ['kubelet', '--cloud-config', '1.34', { state: 'removed', removedIn: '1.34' }],
    ['kubelet', '--pod-infra-container-image', '1.35', { state: 'removed', removedIn: '1.35' }],
    ['kubelet', '--network-plugin', '1.24', { state: 'removed', removedIn: '1.24' }],
    ['kubelet', '--config-dir', '1.27', { state: 'unknown', addedIn: '1.28' }],
    [
      'kubelet',
      '--anonymous-auth',
      '1.31',
      { state: 'deprecated', replacement: 'config file field authentication.anonymous.enabled' },
    ],
    ['kube-controller-manager', '--enable-taint-manager', '1.26', { state: 'deprecated' }],
    ['kube-controller-manager', '--enable-taint-manager', '1.27', { state: 'removed', removedIn: '1.27' }],
    ['kube-scheduler', '--port', '1.23', { state: 'deprecated' }],
    ['kube-scheduler', '--port', '1.24', { state: 'removed', removedIn: '1.24' }],
    ['kube-proxy', '--logtostderr', '1.31', { state: 'removed', removedIn: '1.26' }],
    ['kube-proxy', '--healthz-port', '1.35', { state: 'deprecated' }],
    ['konnectivity-server', '--mode', 'v0.31.2', { state: 'accepted' }],
    ['konnectivity-server', '--log-dir', '1.31', { state: 'accepted' }],
    ['konnectivity-server', '--log_dir', '1.31', { state: 'unknown' }],
    ['kubelet', '--no-such-flag', '1.30', { state: 'unknown' }],
  ] as const)('%s %s in %s', (component, flag, version, want) => {
    expect(flagStatus(component, flag, version)).toMatchObject(want);
  });

  it('judges an unknown version, or one newer than the tables, by the newest table and says so', () => {
    expect(flagStatus('kube-apiserver', '--secure-port', null)).toMatchObject({
      state: 'accepted',
      outside: { table: '1.35', why: 'version-unknown' },
    });
    expect(flagStatus('kube-apiserver', '--insecure-port', '1.40')).toMatchObject({
      state: 'removed',
      outside: { table: '1.35', why: 'newer-than-tables' },
    });
  });

  it('never finds a name through the prototype', () => {
    for (const name of ['--__proto__', '--constructor', '--toString', '--hasOwnProperty'])
      expect(flagStatus('kube-apiserver', name, '1.30').state).toBe('unknown');
    expect(valueProblems('featureGates', 'constructor=true', 'kube-apiserver', '1.30')).toHaveLength(1);
    expect(valueProblems('cipherSuites', '__proto__', 'kube-apiserver', '1.30')).toHaveLength(1);
  });
});

describe('flagRemovedIn and flagInertSince, which rules read their appliesTo from', () => {
  it('give the confirmed removal and the inert minor', () => {
    expect(flagRemovedIn('kube-apiserver', 'basic-auth-file')).toBe('1.19');
    expect(flagRemovedIn('kube-apiserver', '--kubelet-https')).toBe('1.22');
    expect(flagRemovedIn('kube-apiserver', 'ssh_user')).toBe('1.22');
    expect(flagRemovedIn('kube-apiserver', 'insecure-port')).toBe('1.24');
    expect(flagInertSince('kube-apiserver', 'insecure-port')).toBe('1.20');
  });

  it('throw for a flag whose removal the tables do not confirm, so a rule cannot load with a wrong name', () => {
    expect(() => flagRemovedIn('kube-apiserver', 'service-account-lookup')).toThrow(/no confirmed removal/);
    expect(() => flagRemovedIn('kube-apiserver', 'no-such-flag')).toThrow(/no confirmed removal/);
    expect(() => flagInertSince('kube-apiserver', 'secure-port')).toThrow(/not inert/);
  });
});

describe('closestFlag', () => {
  it.each([
    ['kube-apiserver', '--kubelet-certificate-authorty', '--kubelet-certificate-authority'],
    ['kube-apiserver', '--enable-admission-plugin', '--enable-admission-plugins'],
    ['kube-apiserver', '--secrue-port', '--secure-port'],
    ['kube-apiserver', '--Anonymous-Auth', '--anonymous-auth'],
    ['kubelet', '--rotate-certificate', '--rotate-certificates'],
  ] as const)('%s %s → %s', (component, typo, meant) => {
    expect(new Suggestions().flag(component, typo, '1.30')).toBe(meant);
  });

  it('proposes nothing for an unrelated name', () => {
    expect(new Suggestions().flag('kube-apiserver', '--completely-different-thing', '1.30')).toBeUndefined();
  });

  it('names the program a flag belongs to', () => {
    expect(componentsDefining('--rotate-certificates', '1.30')).toEqual(['kubelet']);
  });

  it('finds the nearest value name', () => {
    expect(
      new Suggestions().name('RotateKubeletServerCertificat', ['RotateKubeletServerCertificate', 'NodeSwap']),
    ).toBe('RotateKubeletServerCertificate');
  });
});

describe('valueProblems', () => {
  const messages = (...args: Parameters<typeof valueProblems>) =>
    valueProblems(...args).map((p) => p.message);

  it('parses booleans, numbers and durations as Go does', () => {
    expect(messages('bool', 'yes', 'kubelet', '1.30')).toEqual([
      'strconv.ParseBool: parsing "yes": invalid syntax',
    ]);
    expect(messages('bool', 'T', 'kubelet', '1.30')).toEqual([]);
    expect(messages('int32', '0x1F', 'kubelet', '1.30')).toEqual([]);
    expect(messages('int32', '1_000', 'kubelet', '1.30')).toEqual([]);
    expect(messages('int32', '3000000000', 'kubelet', '1.30')).toEqual([
      'strconv.ParseInt: parsing "3000000000": value out of range',
    ]);
    expect(messages('uint', '-1', 'kube-apiserver', '1.30')).toEqual([
      'strconv.ParseUint: parsing "-1": invalid syntax',
    ]);
    expect(messages('duration', '5', 'kubelet', '1.30')).toEqual(['time: missing unit in duration "5"']);
    expect(messages('duration', '0', 'kubelet', '1.30')).toEqual([]);
    expect(messages('duration', '1h30m', 'kubelet', '1.30')).toEqual([]);
    expect(messages('duration', '5m0', 'kubelet', '1.30')).toEqual(['time: missing unit in duration "5m0"']);
    expect(messages('duration', '.5s', 'kubelet', '1.30')).toEqual([]);
    expect(messages('duration', '5 minutes', 'kubelet', '1.30')).toEqual([
      'time: unknown unit " minutes" in duration "5 minutes"',
    ]);
  });

  it('parses addresses and port ranges', () => {
    expect(messages('ip', '10.0.0.256', 'kube-apiserver', '1.30')).toEqual([
      'failed to parse IP: "10.0.0.256"',
    ]);
    expect(messages('ip', '::1', 'kube-apiserver', '1.30')).toEqual([]);
    expect(messages('ip', '010.0.0.1', 'kube-apiserver', '1.30')).toHaveLength(1);
    expect(messages('ip', '010.0.0.1', 'kubelet', '1.30')).toEqual([]);
    expect(messages('ip', '10.0.0.256', 'kubelet', '1.30')).toEqual([
      '"10.0.0.256" is not a valid IP address',
    ]);
    expect(messages('ipport', '0.0.0.0:10256', 'kube-proxy', '1.30')).toEqual([]);
    expect(messages('ipport', 'localhost:10256', 'kube-proxy', '1.30')).toEqual([
      '"localhost" is not a valid IP address',
    ]);
    expect(messages('portRange', '30000-32767', 'kube-apiserver', '1.30')).toEqual([]);
    expect(messages('portRange', '32767-30000', 'kube-apiserver', '1.30')).toEqual([
      '"32767-30000" is not a valid port range: end port cannot be less than start port: 32767-30000',
    ]);
  });

  it('knows the cipher suites and TLS versions', () => {
    const [unknown] = valueProblems(
      'cipherSuites',
      'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_RC4_128_MD5',
      'kube-apiserver',
      '1.30',
    );
    expect(unknown).toMatchObject({
      item: 'TLS_RSA_WITH_RC4_128_MD5',
      message: "Cipher suite TLS_RSA_WITH_RC4_128_MD5 not supported or doesn't exist",
      certain: true,
    });
    // Items are not trimmed: " B" is not a suite.
    expect(
      valueProblems('cipherSuites', 'TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384', 'kubelet', '1.30'),
    ).toHaveLength(1);
    expect(
      messages('cipherSuites', 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305', 'kube-apiserver', '1.30'),
    ).toEqual([]);
    expect(messages('tlsVersion', 'VersionTLS14', 'kubelet', '1.30')).toEqual([
      'unknown tls version "VersionTLS14"',
    ]);
    expect(valueProblems('tlsVersion', 'VersionTls12', 'kubelet', '1.30')[0]?.closest).toBe('VersionTLS12');
  });

  it('knows the authorization modes', () => {
    expect(valueProblems('authorizationModes', 'Node,RBAC,Rbac', 'kube-apiserver', '1.30')[0]).toMatchObject({
      item: 'Rbac',
      closest: 'RBAC',
    });
    expect(messages('authorizationModes', 'Node,RBAC,Node', 'kube-apiserver', '1.30')).toEqual([
      'authorization-mode ["Node" "RBAC" "Node"] has mode specified more than once',
    ]);
    expect(messages('authorizationModes', 'RBAC', 'kubelet', '1.30')).toEqual([
      'unknown authorization mode RBAC',
    ]);
  });

  it('knows the admission plugins of each version', () => {
    expect(
      valueProblems(
        'admissionPlugins',
        'NodeRestriction,PodSecurityPolicy',
        'kube-apiserver',
        '1.25',
        '--enable-admission-plugins',
      ),
    ).toMatchObject([
      {
        item: 'PodSecurityPolicy',
        message: 'enable-admission-plugins plugin "PodSecurityPolicy" is unknown',
        elsewhere: 'removed in 1.25',
      },
    ]);
    expect(messages('admissionPlugins', 'PodSecurityPolicy', 'kube-apiserver', '1.24')).toEqual([]);
  });

  it('knows the feature gates of each version and their locks', () => {
    expect(messages('featureGates', 'NoSuchGate=true', 'kubelet', '1.30')).toEqual([
      'unrecognized feature gate: NoSuchGate',
    ]);
    expect(messages('featureGates', 'SidecarContainers=false', 'kubelet', '1.33')).toEqual([
      'cannot set feature gate SidecarContainers to false, feature is locked to true',
    ]);
    expect(
      valueProblems('featureGates', 'StrictCostEnforcementForVAP=true', 'kube-apiserver', '1.35')[0],
    ).toMatchObject({
      message: 'unrecognized feature gate: StrictCostEnforcementForVAP',
      elsewhere: 'removed in 1.35',
    });
    expect(messages('featureGates', 'NodeSwap', 'kube-apiserver', '1.30')).toEqual([
      'missing bool value for NodeSwap',
    ]);
    expect(messages('featureGates', 'NodeSwap', 'kubelet', '1.30')).toEqual([
      'malformed pair, expect string=bool',
    ]);
    expect(messages('featureGates', 'NodeSwap=true,AllAlpha=false', 'kubelet', '1.30')).toEqual([]);
    expect(messages('featureGates', 'KubeletRegistrationGetOnExistsOnly=true', 'kubelet', '1.33')).toEqual(
      [],
    );
  });

  it('reads the component prefix of kube-apiserver, kube-controller-manager and kube-scheduler gates from 1.31', () => {
    expect(messages('featureGates', 'kube:NodeSwap=true', 'kube-apiserver', '1.31')).toEqual([]);
    expect(messages('featureGates', 'kube:NodeSwap=true', 'kube-apiserver', '1.30')).toEqual([
      'unrecognized feature gate: kube:NodeSwap',
    ]);
    expect(messages('featureGates', 'wardle:NodeSwap=true', 'kube-scheduler', '1.32')).toEqual([
      'component not registered: wardle',
    ]);
    expect(
      messages('featureGates', 'kube:NodeSwap=true,NodeSwap=true', 'kube-controller-manager', '1.32'),
    ).toEqual([
      'set kube feature gates with default empty prefix or kube: prefix consistently, do not mix use',
    ]);
  });

  it('is not certain of a gate no table knows where the gates were not read from the source', () => {
    expect(valueProblems('featureGates', 'NoSuchGate=true', 'kubelet', '1.22')[0]?.certain).toBe(false);
    expect(valueProblems('featureGates', 'NoSuchGate=true', 'kubelet', '1.31')[0]?.certain).toBe(true);
  });

  it('checks a flag by its name or its type', () => {
    expect(valueKindOf('--tls-cipher-suites', 'stringSlice')).toBe('cipherSuites');
    expect(valueKindOf('--read-only-port', 'int32')).toBe('int32');
    expect(valueKindOf('--kubeconfig', 'string')).toBeUndefined();
  });
});
