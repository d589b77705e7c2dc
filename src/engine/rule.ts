/**
 * The rule contract: a rule is metadata plus one pure `check` that reads the ClusterModel and returns
 * bare findings. The engine adds the id, severity, remediation, links and fingerprint.
 */
import type { ClusterModel } from '../model/cluster-model';
import type { Category, Location, PathId, Severity } from '../schemas/common';

/** Parts of the model a rule needs; without them it is reported as not evaluated. */
export type Requirement =
  | 'apiserver'
  | 'kubelet'
  | 'kubeconfig'
  | 'controller-manager'
  | 'scheduler'
  | 'konnectivity-server'
  | 'konnectivity-agent'
  | 'egress-selector'
  | 'rbac'
  | 'controller-manager-or-scheduler'
  | 'kubernetes-service'
  /** Any program the rules judge: a control-plane component, kube-proxy, a kubelet, Konnectivity. */
  | 'component'
  /** An uploaded certificate that an uploaded flag or field names. */
  | 'certificates';

export interface RawFinding {
  /** The component or object: "kube-apiserver (/etc/kubernetes/manifests/kube-apiserver.yaml)". */
  subject: string;
  /** Names the component, the setting and the value found. */
  message: string;
  location: Location;
  related?: Location[];
  /** The setting as found, e.g. `--anonymous-auth=true`; redacted by the engine. */
  evidence: string;
  /** A different severity than the rule's, with the reason (e.g. the version is unknown). */
  severity?: { value: Severity; reason: string };
  /** Only when this finding's category differs from the rule's. */
  category?: Category;
  /** The path this finding breaks: required from a rule of several paths (one of its `paths`), absent otherwise. */
  path?: PathId;
}

export interface RuleContext {
  /**
   * Say why part of the model could not be judged (e.g. one kubelet's config file is missing). `times`:
   * how many parts the reason stands for, when many skip for the same reason (it is said once).
   */
  notEvaluated(reason: string, times?: number): void;
}

interface RuleDefinition {
  /** kebab-case, reads as the problem; the file name. A public API: never renamed. */
  id: string;
  severity: Severity;
  /** Severity when the network between control plane and nodes is trusted; defaults to `severity`. */
  trustedSeverity?: Severity;
  category: Category;
  title: string;
  description: string;
  /** Imperative, ends with a period. */
  remediation: string;
  /** kubernetes.io pages; the path's anchor is put first by the engine. */
  links: string[];
  /** CIS Kubernetes Benchmark ids and peer tool ids. */
  references: string[];
  requires: Requirement[];
  /** Kubernetes versions the rule applies to: `[from, before)` minor versions. */
  appliesTo?: { from?: string; before?: string };
  check(model: ClusterModel, context: RuleContext): RawFinding[];
}

/**
 * A rule judges one communication path (`path`), or several (`paths`: a rule about any component, such
 * as a startup failure, whose every finding names the path of the component it breaks).
 */
export type Rule = RuleDefinition & ({ path: PathId; paths?: never } | { paths: PathId[]; path?: never });

/** The paths a rule judges. */
export const rulePaths = (rule: Rule): readonly PathId[] => rule.paths ?? [rule.path];

/** A whole upload, as a user would send it: files named by their path on the node, and the options. */
export interface RuleExample {
  files: Array<{ name: string; content: string }>;
  /** `1.31`: for rules whose verdict depends on the version. */
  kubernetesVersion?: string;
  /** RFC 3339: when the example's certificates are judged, so that it stays right as time passes. */
  asOf?: string;
}

/** Identity helper that type-checks a rule definition. */
export const defineRule = (rule: Rule): Rule => rule;
