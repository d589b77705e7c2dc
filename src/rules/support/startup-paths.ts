import type { PathId } from '../../schemas/common';

/** The paths a component that does not start breaks (RULES.md "Startup failures"). */
export const STARTUP_PATHS: PathId[] = ['node-to-control-plane', 'apiserver-to-kubelet', 'konnectivity'];
