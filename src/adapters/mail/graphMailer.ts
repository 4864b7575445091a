import type { Client } from '@microsoft/microsoft-graph-client';
import type { Mailer, OutboundMail } from '../../ports/mailer.js';

export interface GraphMailerOptions {
  /** The mailbox mails are sent from: its user principal name or object id (needs Mail.Send for the app). */
  sender: string;
  /** Keep a copy in the sender's Sent Items (Graph's default is to keep one). */
  saveToSentItems?: boolean;
}

/**
 * Mail through Microsoft Graph: `POST /users/{sender}/sendMail` with an HTML body (an actionable message must be
 * HTML: its card travels in a script block in the head). Graph answers 202 with no id: the mail is accepted, and
 * Exchange delivers it. The client's retry middleware honours Retry-After on 429 and 503.
 */
export class GraphMailer implements Mailer {
  constructor(
    private readonly client: Client,
    private readonly options: GraphMailerOptions,
  ) {}

  async send(mail: OutboundMail): Promise<void> {
    await this.client.api(`/users/${encodeURIComponent(this.options.sender)}/sendMail`).post({
      message: {
        subject: mail.subject,
        body: { contentType: 'HTML', content: mail.html },
        toRecipients: [{ emailAddress: { address: mail.to.address, ...(mail.to.name ? { name: mail.to.name } : {}) } }],
      },
      saveToSentItems: this.options.saveToSentItems ?? false,
    });
  }
}
