/** POST /v1/lint: lint uploaded configuration files and answer with the report, in the format asked for. */
import type { Hono } from 'hono/tiny';
import type { AppEnv } from '../http/env';
import { lintRequest } from '../http/lint-request';
import { chooseFormat } from '../http/negotiate';
import { RULE_CATALOGUE } from '../lint';
import { FORMATTERS } from '../report/formats';
import { isOn } from '../schemas/lint-request';

/**
 * Described in ./description/lint.ts. The body must be size-checked before anything reads it, and YAML,
 * text and multipart bodies are no JSON to validate: lintRequest reads and validates it all.
 */
export function registerLint(app: Hono<AppEnv>) {
  app.post('/v1/lint', async (c) => {
    const { report, options } = await lintRequest(c.req.raw, c.env, c.req.query(), 'api');
    const format = chooseFormat(options.format, c.req.header('accept'));
    const formatter = FORMATTERS[format];
    const output = formatter.render(report, {
      rules: RULE_CATALOGUE,
      color: isOn(options.color),
      compact: isOn(options.compact),
      verbose: isOn(options.verbose),
      pretty: isOn(options.pretty),
      ...(options.width === undefined ? {} : { width: options.width }),
    });
    return c.body(output, options.failOn && !report.summary.passed ? 422 : 200, {
      'Content-Type': formatter.mediaType,
      Vary: 'Accept',
    });
  });
}
