import { DirectoryError } from '../../ports/directory.js';
import { isMessageKey, type Translate } from '../../i18n/i18n.js';

/**
 * What a failure is called where people will read about it: the directory's stable error code, never its message
 * (developer English that may name files or addresses). Anything else is UNEXPECTED.
 */
export function failureCode(error: unknown): string {
  return error instanceof DirectoryError ? error.code : 'UNEXPECTED';
}

/** The failure in the reader's language; codes without a text of their own are named in a generic sentence. */
export function failureText(tr: Translate, code: string): string {
  const key = `request.failure.${code}`;
  return isMessageKey(key) ? tr(key) : tr('request.failure.OTHER', { code });
}
