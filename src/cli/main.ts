/**
 * kube-comms-lint, the command line: the same lint() as POST /v1/lint, on files read from this machine.
 * Reads the arguments, the files, lints, prints the report and ends with the exit status of
 * exit-status.ts. Notes and errors go to standard error, the report alone to standard output.
 */
import { TOOL_VERSION } from '../catalogue/tool';
import { LimitError, RULESET_VERSION, lint, whyNothingRecognized, type UnusableFile } from '../lint';
import { headline } from '../report/formats/common';
import type { Report } from '../schemas/report';
import { readArguments } from './arguments';
import { EXIT, RefusedRun } from './exit-status';
import { helpText } from './help';
import { readInputs } from './inputs';
import { runOptionsFrom } from './options';
import { render, wantsColor, writeReport } from './output';
import { readStdin } from './stdin';

const PROGRAM = 'kube-comms-lint';

const note = (message: string) => process.stderr.write(`${PROGRAM}: ${message}\n`);

async function run(argv: readonly string[]): Promise<number> {
  const args = readArguments(argv);
  if (args.help) {
    process.stdout.write(helpText());
    return EXIT.passed;
  }
  if (args.version) {
    process.stdout.write(`${PROGRAM} ${TOOL_VERSION} (ruleset ${RULESET_VERSION})\n`);
    return EXIT.passed;
  }
  const options = runOptionsFrom(args.apiOptions);
  const inputs = await readInputs(args.paths, {
    root: args.root,
    stdinFilename: options.stdinFilename,
    readStdin,
  });
  inputs.notes.forEach(note);
  if (inputs.uploads.length === 0) throw new RefusedRun('no file to lint: every file found was skipped');
  const report = await lintOrRefuse(inputs.uploads, options.lint);
  const unusable = whyNothingRecognized(report);
  if (unusable) {
    throw new RefusedRun(
      'no Kubernetes configuration recognized in any file',
      unusable.map(describeUnusable),
    );
  }
  notRecognized(report).forEach(note);
  const color = wantsColor(options.format, args.output, {
    isTTY: process.stdout.isTTY,
    noColor: (process.env.NO_COLOR ?? '') !== '',
  });
  writeReport(render(report, options.format, color), args.output, process.stdout);
  if (args.output !== undefined)
    note(`wrote the ${options.format} report to ${args.output}: ${headline(report)}`);
  return report.summary.passed ? EXIT.passed : EXIT.failed;
}

async function lintOrRefuse(...args: Parameters<typeof lint>): Promise<Report> {
  try {
    return await lint(...args);
  } catch (error) {
    if (error instanceof LimitError) throw new RefusedRun(`${error.message} (limit ${error.limit})`);
    throw error;
  }
}

/** Files read without error that hold nothing the linter reads: listed in the report, as the API lists them. */
function notRecognized(report: Report): string[] {
  return report.inputs.flatMap(({ file, documents, errors }) => {
    const doc = documents[0];
    if (!doc || errors.length > 0 || documents.some((d) => d.recognized)) return [];
    return [
      `not recognized, listed in the report's inputs: ${file} (${doc.kind}: ${doc.note ?? 'not read'})`,
    ];
  });
}

function describeUnusable({ file, line, column, reason }: UnusableFile): string {
  const where = [file, line, line === undefined ? undefined : column].filter((part) => part !== undefined);
  return `${where.join(':')}: ${reason}`;
}

// A reader that stops early (`| head`) closes the pipe: not an error of the run, whose status stands.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

run(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    if (error instanceof RefusedRun) {
      note(error.message);
      for (const detail of error.details) process.stderr.write(`  ${detail}\n`);
    } else {
      note(
        `internal error (a bug; please report it): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    process.exitCode = EXIT.refused;
  },
);
