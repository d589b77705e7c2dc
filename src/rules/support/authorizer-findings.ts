/** API servers whose effective authorizers (flag, default or AuthorizationConfiguration) lack one type. */
import type { ApiServer } from '../../model/apiserver';
import type { RawFinding, RuleContext } from '../../engine/rule';

export function missingAuthorizer(
  servers: readonly ApiServer[],
  context: RuleContext,
  type: string,
  consequence: string,
): RawFinding[] {
  return servers.flatMap((server) => {
    const authorization = server.authorization;
    if (!authorization.known) {
      context.notEvaluated(`${server.name}: ${authorization.reason}`);
      return [];
    }
    if (authorization.authorizers.some((authorizer) => authorizer.type === type)) return [];
    return [
      {
        subject: server.name,
        message: `${server.name} does not use the ${type} authorizer (${authorization.describe}): ${consequence}`,
        location: authorization.location,
        evidence: authorization.describe,
      },
    ];
  });
}
