import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Clock } from '../../ports/clock.js';
import type { Mailer, MailAddress, OutboundMail } from '../../ports/mailer.js';

/** Where the `.eml` files go: a folder on disk (DATA_DIR/outbox) or shared storage (a blob container). */
export interface EmlOutbox {
  /** Stores the mail `raw` as `name`, replacing a mail of that name in one step (never half written). */
  put(name: string, raw: Buffer): Promise<void>;
}

export interface EmlOutboxMailerOptions {
  outbox: EmlOutbox;
  from: MailAddress;
  clock: Clock;
}

/** The outbox in a folder: each file written to a temporary name, then renamed over the old one. */
export async function folderOutbox(folder: string): Promise<EmlOutbox> {
  await mkdir(folder, { recursive: true });
  return {
    async put(name, raw) {
      const file = join(folder, name);
      const temp = `${file}.${randomUUID()}.tmp`;
      await writeFile(temp, raw);
      await rename(temp, file);
    },
  };
}

/** The name a mail with this key is stored under. */
export function emlName(key: string): string {
  return `${key.replace(/[^A-Za-z0-9._-]/g, '_')}.eml`;
}

/**
 * Mail on the embedded tenant, which has no mail server: each mail becomes an RFC 5322 `.eml` file that a person can
 * open in a mail client (Outlook shows the actionable card only for mail it received, the HTML body everywhere).
 * The file is named after the mail's key and written atomically, so sending the same mail again replaces it.
 */
export class EmlOutboxMailer implements Mailer {
  constructor(private readonly options: EmlOutboxMailerOptions) {}

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
    await this.options.outbox.put(emlName(mail.key), await composer.compile().build());
  }
}
