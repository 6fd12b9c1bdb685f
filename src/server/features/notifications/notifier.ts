import nodemailer from 'nodemailer';
import type { Deps } from '../../platform/deps';
import * as q from './notifications.queries';

/** Where notices go besides the in-app list. SMTP when configured; nothing otherwise. */
export interface Notifier {
  sendEmail(to: string, subject: string, text: string): Promise<void>;
}

/** `SMTP_URL=smtp://user:pass@mail.example.gov.cn:25` (nodemailer's URL form), `SMTP_FROM` the sender. */
export function smtpNotifier(url: string, from: string): Notifier {
  const transport = nodemailer.createTransport(url);
  return {
    async sendEmail(to, subject, text) {
      await transport.sendMail({ from, to, subject, text });
    },
  };
}

/**
 * Sends e-mail copies of in-app notices to people who gave an address, oldest first, and marks
 * each as sent so a restart or a second process does not send it twice. A failed send stays
 * unmarked and is tried again on the next tick.
 */
export async function deliverEmails(deps: Pick<Deps, 'db' | 'clock'>, notifier: Notifier, limit = 100): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (const n of await q.pendingEmails(deps.db, limit)) {
    const claimed = await q.claimEmail(deps.db, n.id, deps.clock.now().toISOString());
    if (!claimed) continue;
    try {
      await notifier.sendEmail(n.email, `【实践】${n.title}`, [n.title, n.body ?? '', n.link ? `查看：${n.link}` : ''].filter(Boolean).join('\n\n'));
      sent++;
    } catch {
      await q.unclaimEmail(deps.db, n.id);
      failed++;
    }
  }
  return { sent, failed };
}
