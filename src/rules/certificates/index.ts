/**
 * The certificate rules that judge every path a certificate serves, in the order of the catalogue (RULES.md,
 * "Certificates"); those of one path are in that path's folder.
 */
import type { Rule } from '../../engine/rule';
import certificateExpired from './certificate-expired';
import certificateExpiringSoon from './certificate-expiring-soon';
import certificateUsageMismatch from './certificate-usage-mismatch';
import certificateWeak from './certificate-weak';
import privateKeyUploaded from './private-key-uploaded';

export const certificateRules: Rule[] = [
  certificateExpired,
  certificateExpiringSoon,
  certificateWeak,
  certificateUsageMismatch,
  privateKeyUploaded,
];
