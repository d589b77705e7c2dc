/**
 * The Worker scripts/bench-certificates.ts runs in workerd: POST {op, rounds, pems} reads (`parse`) or
 * reads and verifies against the first certificate (`verify`) every PEM `rounds` times, or lints the
 * uploads (`lint`) `rounds` times. Time is measured outside: inside a Worker clocks stop between I/O.
 */
import { Budget } from '../../src/ingest/budget';
import { readPem } from '../../src/ingest/pem';
import { parseCertificate } from '../../src/ingest/x509';
import { lint, type Upload } from '../../src/lint';
import { SignatureChecker } from '../../src/model/certificates-signatures';

interface Job {
  op: 'parse' | 'verify' | 'lint';
  rounds: number;
  pems: string[];
  uploads: Upload[];
  asOf: string;
}

export default {
  async fetch(request: Request): Promise<Response> {
    const job = (await request.json()) as Job;
    const ders = job.pems.flatMap((pem) =>
      readPem(pem, new Budget()).certificates.flatMap((c) => (c.der ? [c.der] : [])),
    );
    let work = 0;
    for (let round = 0; round < job.rounds; round++) {
      if (job.op === 'lint') {
        const report = await lint(job.uploads, {
          network: 'untrusted',
          kubernetesVersion: null,
          failOn: null,
          asOf: new Date(job.asOf),
        });
        work += report.findings.length;
        continue;
      }
      const infos = ders.map((der) => parseCertificate(der));
      work += infos.length;
      if (job.op === 'verify') {
        const checker = new SignatureChecker();
        const issuer = infos[0];
        for (const info of infos.slice(1))
          if (issuer) work += (await checker.check(info, issuer)).result.length;
      }
    }
    return new Response(String(work));
  },
};
