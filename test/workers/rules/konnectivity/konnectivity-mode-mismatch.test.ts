import rule from '../../../../src/rules/konnectivity/konnectivity-mode-mismatch';
import { WEBSITE_EGRESS, WEBSITE_SERVER } from '../../../support/konnectivity-corpus';
import { EGRESS_PATH, SERVER_PATH, docsSetup, edit, kindSetup } from '../../../support/konnectivity-setup';
import { ruleTester } from '../../../support/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'the setup-konnectivity task (GRPC, --mode=grpc)', files: docsSetup() },
    { name: 'the apiserver-network-proxy kind example', files: kindSetup() },
    {
      name: 'GRPC with --mode left at its default grpc',
      files: docsSetup({ server: edit(WEBSITE_SERVER, '"--mode=grpc",', '') }),
    },
    {
      name: 'HTTPConnect with --mode=http-connect',
      files: docsSetup({
        egress: edit(WEBSITE_EGRESS, 'proxyProtocol: "GRPC"', 'proxyProtocol: "HTTPConnect"'),
        server: edit(WEBSITE_SERVER, '--mode=grpc', '--mode=http-connect'),
      }),
    },
  ],
  invalid: [
    {
      name: 'GRPC against --mode=http-connect',
      files: docsSetup({ server: edit(WEBSITE_SERVER, '--mode=grpc', '--mode=http-connect') }),
      findings: [
        {
          file: SERVER_PATH,
          line: 23,
          messageIncludes: ['proxyProtocol GRPC', '--mode=http-connect', EGRESS_PATH],
        },
      ],
    },
    {
      name: 'HTTPConnect against the default grpc',
      files: docsSetup({
        egress: edit(WEBSITE_EGRESS, 'proxyProtocol: "GRPC"', 'proxyProtocol: "HTTPConnect"'),
        server: edit(WEBSITE_SERVER, '"--mode=grpc",', ''),
      }),
      findings: [
        {
          file: SERVER_PATH,
          line: 12,
          locationDefault: true,
          messageIncludes: '--mode not set (default grpc)',
        },
      ],
    },
    {
      name: 'a --mode the server does not know',
      files: docsSetup({ server: edit(WEBSITE_SERVER, '--mode=grpc', '--mode=GRPC') }),
      findings: [{ file: SERVER_PATH, line: 23, messageIncludes: 'accepts only grpc or http-connect' }],
    },
  ],
});
