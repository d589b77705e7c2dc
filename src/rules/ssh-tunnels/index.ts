import type { Rule } from '../../engine/rule';
import apiserverSshTunnelDeprecated from './apiserver-ssh-tunnel-deprecated';
import apiserverSshTunnelIncomplete from './apiserver-ssh-tunnel-incomplete';

export const sshTunnelsRules: Rule[] = [apiserverSshTunnelDeprecated, apiserverSshTunnelIncomplete];
