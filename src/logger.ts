import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Records carry ids and reason codes; the redaction below is a safety net for fields that
 * must never reach a log (guest addresses, justifications, tokens) should someone pass a whole object.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { app: 'guest-access-bot' },
      redact: {
        paths: [
          '*.email',
          '*.guestEmail',
          '*.guestEmails',
          '*.justification',
          '*.text',
          'authorization',
          '*.authorization',
        ],
        censor: '[redacted]',
      },
    },
    destination ?? process.stdout,
  );
}
