import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Clock } from '../../ports/clock.js';
import type { Mailer, MailAddress, OutboundMail } from '../../ports/mailer.js';

export interface EmlOutboxMailerOptions {
  /** The folder the .eml files go to (DATA_DIR/outbox). */
  folder: string;
  from: MailAddress;
  clock: Clock;
}

/**
 * Mail on the embedded tenant, which has no mail server: each mail becomes an RFC 5322 `.eml` file that a person can
 * open in a mail client (Outlook shows the actionable card only for mail it received, the HTML body everywhere).
 * The file is named after the mail's key and written atomically, so sending the same mail again replaces it.
 */
export class EmlOutboxMailer implements Mailer {
  private constructor(private readonly options: EmlOutboxMailerOptions) {}

  static async open(options: EmlOutboxMailerOptions): Promise<EmlOutboxMailer> {
    await mkdir(options.folder, { recursive: true });
    return new EmlOutboxMailer(options);
  }

  /** The file a mail with this key is written to. */
  fileFor(key: string): string {
    return join(this.options.folder, `${key.replace(/[^A-Za-z0-9._-]/g, '_')}.eml`);
  }

  async send(mail: OutboundMail): Promise<void> {
    const domain = this.options.from.address.split('@')[1] ?? 'localhost';
    const composer = new MailComposer({
      from: this.options.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      date: this.options.clock.now(),
      messageId: `<${mail.key.replace(/[^A-Za-z0-9._-]/g, '_')}@${domain}>`,
      headers: { 'X-Guest-Access-Mail': mail.key },
    });
    const raw = await composer.compile().build();
    const file = this.fileFor(mail.key);
    const temp = `${file}.${randomUUID()}.tmp`;
    await writeFile(temp, raw);
    await rename(temp, file);
  }
}
