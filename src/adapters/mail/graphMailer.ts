import type { GraphHttp } from '../graph/graphHttp.js';
import type { Mailer, OutboundMail } from '../../ports/mailer.js';

export interface GraphMailerOptions {
  /** The mailbox mails are sent from: its user principal name or object id (the app needs Mail.Send). */
  sender: string;
  /** Keep a copy in the sender's Sent Items (Graph keeps one unless told not to; the audit log records each mail). */
  saveToSentItems?: boolean;
}

/**
 * Mail through Microsoft Graph: `POST /users/{id | userPrincipalName}/sendMail` with an HTML body (an actionable
 * message must be HTML: its card travels in a script block in the head). Graph answers 202 Accepted with no body;
 * Exchange then delivers. The client's retry middleware honours Retry-After on 429 and 503; a failure that remains
 * rejects, and the request's outbox keeps the mail for the next sweep.
 */
export class GraphMailer implements Mailer {
  constructor(
    private readonly http: Pick<GraphHttp, 'post'>,
    private readonly options: GraphMailerOptions,
  ) {}

  async send(mail: OutboundMail): Promise<void> {
    await this.http.post(`/v1.0/users/${encodeURIComponent(this.options.sender)}/sendMail`, {
      message: {
        subject: mail.subject,
        body: { contentType: 'HTML', content: mail.html },
        toRecipients: [{ emailAddress: { address: mail.to.address, ...(mail.to.name ? { name: mail.to.name } : {}) } }],
      },
      saveToSentItems: this.options.saveToSentItems ?? false,
    });
  }
}
