/** A mailbox: its address and, for the To line, a display name. */
export interface MailAddress {
  address: string;
  name?: string;
}

/** One mail to one person (actionable messages need the recipient visible in To, never Bcc, and never a group). */
export interface OutboundMail {
  /**
   * Stable for the same mail: a retry after a crash carries the same key, so an adapter that can (the .eml outbox)
   * writes it once. Made of ids only (request, user, purpose).
   */
  key: string;
  to: MailAddress;
  subject: string;
  /** The whole HTML document, with the Adaptive Card in its head where there is one. */
  html: string;
  /** The same message as plain text, for clients that show no HTML (adapters that can carry both). */
  text: string;
}

/**
 * Sends mail from the bot's mailbox. A resolved promise means the mail was accepted for delivery; a rejected one that
 * it was not (the caller keeps it to try again). Implementations retry throttling (429) themselves.
 */
export interface Mailer {
  send(mail: OutboundMail): Promise<void>;
}
