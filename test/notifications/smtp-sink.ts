import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  readonly to: string[];
  readonly subject: string;
  readonly text: string;
  readonly messageId: string;
  readonly idempotencyKey: string;
}

/**
 * A real SMTP server in the test process (smtp-server, from the nodemailer project): the app mails it
 * over TCP as it would mail a provider. `received` keeps every delivery, repeats included; `mailbox`
 * is what a receiver that drops repeated Message-IDs would show.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];

  private constructor(private readonly server: SMTPServer, readonly port: number) {}

  static async start(): Promise<SmtpSink> {
    let sink: SmtpSink | undefined;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            sink?.received.push({
              to: session.envelope.rcptTo.map((recipient) => recipient.address).sort(),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              messageId: parsed.messageId ?? '',
              idempotencyKey: String(parsed.headers.get('x-idempotency-key') ?? ''),
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    sink = new SmtpSink(server, (server.server.address() as AddressInfo).port);
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** One mail per Message-ID: what a deduplicating receiver keeps. */
  get mailbox(): ReceivedMail[] {
    const seen = new Map<string, ReceivedMail>();
    for (const mail of this.received) if (!seen.has(mail.messageId)) seen.set(mail.messageId, mail);
    return [...seen.values()];
  }

  to(address: string): ReceivedMail[] {
    return this.mailbox.filter((mail) => mail.to.includes(address));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
