import { ingestFile, type IngestedFile, type Upload } from '../../src/ingest';
import { Budget } from '../../src/ingest/budget';

/** Reads files as one request does: every file on one budget. */
export function ingestAll(uploads: readonly Upload[]): IngestedFile[] {
  const budget = new Budget();
  return uploads.map((upload) => ingestFile(upload, budget));
}
