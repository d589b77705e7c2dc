/** The report's order of findings: by severity, then file, line and rule, the order a person fixes things in. */
import { SEVERITIES } from '../schemas/common';
import type { Finding } from '../schemas/finding';

export type Ordered = Pick<Finding, 'severity' | 'ruleId' | 'subject'> & {
  location: Pick<Finding['location'], 'file' | 'line'>;
};

export function compareFindings(a: Ordered, b: Ordered): number {
  return (
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    a.location.file.localeCompare(b.location.file) ||
    a.location.line - b.location.line ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.subject.localeCompare(b.subject)
  );
}
