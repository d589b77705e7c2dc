/**
 * One lint request, for POST /v1/lint and the form's POST /report alike: the body read within its
 * limit, the uploads and options read from it (./read-uploads.ts), lint() run, and every way that can
 * fail as the same problem (a limit, nothing recognized), so the API and the form cannot drift apart.
 * The form differs only in what it accepts (multipart, as a browser sends it) and in not failing on a
 * severity: it shows the report.
 * @module
 */
import { LimitError, lint, lintOptionsFrom, whyNothingRecognized } from '../lint';
import type { LintOptionsInput } from '../schemas/lint-request';
import type { Report } from '../schemas/report';
import type { AppBindings } from './env';
import { limitNamed } from './limit-named';
import { ProblemError } from './problem';
import { discardBody, readBody } from './read-body';
import { readMultipart, readUploads } from './read-uploads';

export type Surface = 'api' | 'form';

export interface LintedRequest {
  report: Report;
  options: LintOptionsInput;
}

export async function lintRequest(
  request: Request,
  env: AppBindings | undefined,
  query: Record<string, string>,
  surface: Surface,
): Promise<LintedRequest> {
  const contentType = request.headers.get('content-type') ?? undefined;
  if (surface === 'form' && !isMultipart(contentType)) {
    await discardBody(request, env);
    throw new ProblemError(
      'unsupported-media-type',
      'The form sends multipart/form-data; to send a file on its own, use POST /v1/lint.',
    );
  }
  const body = await readBody(request, env);
  const { uploads, options } =
    surface === 'form'
      ? await readMultipart(contentType ?? '', body, {})
      : await readUploads(contentType, body, query);
  const lintOptions = lintOptionsFrom(surface === 'form' ? { ...options, failOn: undefined } : options);
  let report: Report;
  try {
    report = await lint(uploads, lintOptions);
  } catch (error) {
    if (error instanceof LimitError) throw limitExceeded(error);
    throw error;
  }
  const unusable = whyNothingRecognized(report);
  if (unusable) {
    throw new ProblemError(
      'no-configuration-recognized',
      "None of the uploaded files holds a configuration kube-comms-lint reads. See each file's reason.",
      { files: unusable, ...limitNamed(unusable) },
    );
  }
  return { report, options };
}

export function limitExceeded(error: LimitError): ProblemError {
  return new ProblemError('limit-exceeded', `${error.message} (limit ${error.limit}).`, {
    limit: error.limit,
  });
}

function isMultipart(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'multipart/form-data';
}
