/**
 * The command line, read with node:util parseArgs: the CLI's own flags, the API's options (options.ts)
 * and the paths. Anything parseArgs refuses becomes a one-line usage error.
 */
import { parseArgs } from 'node:util';
import { RefusedRun } from './exit-status';
import { API_OPTIONS, type ApiFlag } from './options';

export interface Arguments {
  paths: string[];
  root: string | undefined;
  output: string | undefined;
  help: boolean;
  version: boolean;
  apiOptions: Partial<Record<ApiFlag, string>>;
}

const CLI_FLAGS = {
  root: { type: 'string' },
  output: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

const API_FLAGS = Object.fromEntries(
  API_OPTIONS.map(({ flag }) => [flag, { type: 'string' }] as const),
) as Record<ApiFlag, { type: 'string' }>;

export function readArguments(argv: readonly string[]): Arguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...CLI_FLAGS, ...API_FLAGS },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // parseArgs explains itself in a sentence or two; the first says what was wrong.
    const message = error instanceof Error ? error.message : String(error);
    const first = (message.split(/(?<=\.) /)[0] ?? message).replace(/\.$/, '');
    throw new RefusedRun(`${first} (see --help)`);
  }
  const { values, positionals } = parsed;
  const apiOptions: Partial<Record<ApiFlag, string>> = {};
  for (const { flag } of API_OPTIONS) apiOptions[flag] = values[flag];
  return {
    paths: positionals,
    root: values.root,
    output: values.output,
    help: values.help ?? false,
    version: values.version ?? false,
    apiOptions,
  };
}
