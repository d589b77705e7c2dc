/**
 * Turns uploaded bytes into text, refusing what cannot be a configuration file: binary data and invalid
 * UTF-8. The message never quotes the bytes.
 */
import { isProcCmdline } from './command-line';

export type DecodedText = { ok: true; text: string } | { ok: false; message: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeUpload(bytes: Uint8Array): DecodedText {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, message: 'not valid UTF-8 text: Kubernetes configuration files are UTF-8' };
  }
  return checkText(text);
}

/** Text that arrived as a string (JSON envelope, form field) gets the same binary check. */
export function checkText(text: string): DecodedText {
  // /proc/PID/cmdline separates words with NUL: the one text form that may hold it.
  if (isProcCmdline(text)) return { ok: true, text };
  // NUL and most C0 controls never occur in YAML, JSON or flag files; their presence means binary data.
  // eslint-disable-next-line no-control-regex -- these control characters are what the check looks for
  const control = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/.exec(text);
  if (control) {
    return { ok: false, message: 'binary data (control characters): upload configuration files as text' };
  }
  return { ok: true, text };
}
