import type { Mailer, OutboundMail } from '../../src/ports/mailer.js';

/** A mailer that keeps what it was given; `failing` makes every send fail as a mail service outage would. */
export class RecordingMailer implements Mailer {
  readonly sent: OutboundMail[] = [];
  failing = false;

  async send(mail: OutboundMail): Promise<void> {
    if (this.failing) throw Object.assign(new Error('mail service unavailable'), { statusCode: 503 });
    this.sent.push(mail);
  }
}
