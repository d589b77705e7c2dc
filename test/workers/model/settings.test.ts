/**
 * The settings tables agree with the flag facts (every flag exists for its component, with the type the
 * reference gives it and the default it prints), and reading a setting gives the effective value with
 * its origin: the flag, or the default for the cluster's version at the place the flag would go.
 */
import { describe, expect, it } from 'vitest';
import { Budget } from '../../../src/ingest/budget';
import { flagStatus } from '../../../src/model/flag-facts/flag-status';
import { KONNECTIVITY_TABLES, KUBE_TABLES, type FlagComponent } from '../../../src/model/flag-facts/tables';
import { parseFlags } from '../../../src/model/flags';
import { KUBELET_FLAGS, KUBELET_SETTINGS } from '../../../src/model/kubelet-settings';
import { APISERVER } from '../../../src/model/settings/kube-apiserver';
import { CONTROLLER_MANAGER } from '../../../src/model/settings/kube-controller-manager';
import { PROXY } from '../../../src/model/settings/kube-proxy';
import { SCHEDULER } from '../../../src/model/settings/kube-scheduler';
import { KONNECTIVITY_AGENT, KONNECTIVITY_SERVER } from '../../../src/model/settings/konnectivity';
import {
  FlagSetting,
  ListSetting,
  Setting,
  VersionedSetting,
  type SettingKind,
} from '../../../src/model/settings/setting';
import type { Location } from '../../../src/schemas/common';

const TABLES: Array<[FlagComponent, unknown]> = [
  ['kube-apiserver', APISERVER],
  ['kube-controller-manager', CONTROLLER_MANAGER],
  ['kube-scheduler', SCHEDULER],
  ['kube-proxy', PROXY],
  ['konnectivity-server', KONNECTIVITY_SERVER],
  ['konnectivity-agent', KONNECTIVITY_AGENT],
  ['kubelet', KUBELET_FLAGS],
];

function settingsIn(value: unknown): Array<FlagSetting<unknown>> {
  if (value instanceof FlagSetting) return [value as FlagSetting<unknown>];
  if (Array.isArray(value)) return value.flatMap(settingsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(settingsIn);
  return [];
}

/** The types the reference gives a flag of each kind of setting. */
const TYPES: Record<SettingKind, string[]> = {
  text: ['string', 'ip', 'ipport'],
  duration: ['duration'],
  bool: ['bool'],
  int: ['int', 'int32', 'uint'],
  list: ['stringSlice'],
  map: ['mapStringBool', 'colonMultimap'],
};

const defaultOf = (setting: FlagSetting<unknown>): unknown =>
  setting instanceof Setting ? (setting.defaultValue as unknown) : undefined;

/** The printed default as a value of the setting's type: `true`, `6443`, `0.0.0.0`. */
const typed = (printed: string, like: unknown): unknown =>
  typeof like === 'boolean' ? printed === 'true' : typeof like === 'number' ? Number(printed) : printed;

const printedDefault = (component: FlagComponent, flag: string): string | undefined => {
  const extra = (
    component === 'konnectivity-server' || component === 'konnectivity-agent'
      ? KONNECTIVITY_TABLES[component].flags.get(flag)
      : KUBE_TABLES[component].flags.get(flag)
  )?.extra;
  return extra?.def?.replace(/^"(.*)"$/, '$1');
};

describe.each(TABLES)('the %s settings', (component, table) => {
  const settings = settingsIn(table);

  it('are read from flags the component has, with the type the reference gives them', () => {
    expect(settings.length).toBeGreaterThan(0);
    for (const setting of settings) {
      const ever = ['1.18', '1.21', '1.30', null].map((v) => flagStatus(component, setting.flag, v));
      const known = ever.find((status) => status.state !== 'unknown');
      expect(known, `--${setting.flag}`).toBeDefined();
      expect(TYPES[setting.kind], `--${setting.flag}`).toContain(known?.type);
    }
  });

  it('default to what the reference prints', () => {
    for (const setting of settings) {
      const printed = printedDefault(component, setting.flag);
      if (printed === undefined || setting instanceof ListSetting) continue;
      const ours = setting instanceof VersionedSetting ? setting.defaultAt(null) : defaultOf(setting);
      expect(JSON.stringify(ours), `--${setting.flag}`).toBe(JSON.stringify(typed(printed, ours)));
    }
  });
});

const insertAt: Location = {
  file: 'kube-apiserver.yaml',
  line: 9,
  column: 5,
  pointer: '/spec/containers/0/command',
  document: 0,
  default: false,
};
const at = (line: number): Location => ({ ...insertAt, line, pointer: `/spec/containers/0/command/${line}` });
const component = (...flags: string[]) => ({
  flags: parseFlags(
    flags.map((text, i) => ({ text, location: at(10 + i) })),
    insertAt,
    new Budget(),
  ),
});

describe('reading a setting', () => {
  it('gives the flag that sets it, the last occurrence winning', () => {
    const value = APISERVER.secureServing.securePort.of(
      component('--secure-port=8443', '--secure-port=9443'),
    );
    expect(value).toMatchObject({ value: 9443, source: 'flag', describe: '--secure-port=9443' });
    expect(value.location.line).toBe(11);
  });

  it('gives the default at the place the flag would go, marked as a default', () => {
    const value = APISERVER.authentication.anonymousAuth.of(component());
    expect(value).toMatchObject({
      value: true,
      source: 'default',
      describe: '--anonymous-auth is not set (default true)',
    });
    expect(value.location).toEqual({ ...insertAt, default: true });
  });

  it('reads a value the program rejects as unset (invalid-flag-value reports it)', () => {
    expect(APISERVER.authentication.anonymousAuth.of(component('--anonymous-auth=yes')).source).toBe(
      'default',
    );
    expect(APISERVER.authentication.anonymousAuth.written(component('--anonymous-auth=yes'))?.value).toBe(
      'yes',
    );
  });

  it('has the default of the version: --service-account-lookup false before 1.7', () => {
    const lookup = APISERVER.serviceAccounts.lookup;
    expect(lookup.of(component(), '1.6').value).toBe(false);
    expect(lookup.of(component(), '1.7').value).toBe(true);
    expect(lookup.of(component(), null).value).toBe(true);
  });

  it('has the default of the version: --insecure-port 8080 before 1.20, then 0', () => {
    expect(APISERVER.insecurePort.of(component(), '1.19').value).toBe(8080);
    expect(APISERVER.insecurePort.of(component(), '1.20').value).toBe(0);
  });

  it('reads a list from every occurrence, each item with its location', () => {
    const modes = APISERVER.authorization.authorizationMode.of(
      component('--authorization-mode=Node', '--authorization-mode=RBAC,Webhook'),
    );
    expect(modes.value).toEqual(['Node', 'RBAC', 'Webhook']);
    expect(modes.items.map((item) => item.location.line)).toEqual([10, 11, 11]);
  });
});

describe('the kubelet settings', () => {
  it.each(Object.entries(KUBELET_SETTINGS))(
    '%s: its flag sets its KubeletConfiguration field',
    (_, setting) => {
      const status = flagStatus('kubelet', setting.flag, null);
      expect(status.state).not.toBe('unknown');
      expect(status.configField).toBe(setting.field);
    },
  );

  it.each(Object.entries(KUBELET_SETTINGS))(
    '%s: its flag default is what the reference prints',
    (_, setting) => {
      const printed = printedDefault('kubelet', setting.flag);
      if (printed !== undefined) expect(setting.flagDefault).toEqual(typed(printed, setting.flagDefault));
    },
  );
});
