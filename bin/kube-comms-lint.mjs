#!/usr/bin/env node
// kube-comms-lint from a clone of the repository: runs the TypeScript source through tsx (a
// devDependency, so `npm ci` first). The file to copy elsewhere is the bundle: npm run build:cli.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
