/**
 * A real SMTP server for the mail tests, on loopback at a port of its own (smtp-server), that
 * keeps every message it accepts, parsed (mailparser), with the envelope it came in. Per
 * address it can be told to refuse the next attempts with given answers (4xx for now, 5xx
 * for good), as a recipient's server does.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Arrived {
  /** Who the message was delivered to (RCPT TO), whatever its headers say. */
  envelopeTo: string[];
  mail: ParsedMail;
  raw: string;
}

export interface TestSmtpServer {
  url: string;
  arrived: Arrived[];
  /** What arrived for one address. */
  to(address: string): Arrived[];
  /** The next attempts for `address` get these answers (e.g. 451, 550), one each, in order. */
  refuse(address: string, ...codes: number[]): void;
  close(): Promise<void>;
}

const ANSWERS: Record<number, string> = {
  421: 'Service not available, try again later',
  450: 'Mailbox busy, try again later',
  451: 'Local error in processing, try again later',
  452: 'Insufficient storage, try again later',
  550: 'Mailbox unavailable: no such user here',
  552: 'Exceeded storage allocation',
  554: 'Transaction failed',
};

export async function startTestSmtpServer(
  options: { delayMs?: number } = {},
): Promise<TestSmtpServer> {
  const arrived: Arrived[] = [];
  const refusals = new Map<string, number[]>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const key = address.address.toLowerCase();
      const code = refusals.get(key)?.shift();
      if (code === undefined) {
        callback();
        return;
      }
      const error = Object.assign(new Error(ANSWERS[code] ?? 'Refused'), { responseCode: code });
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        void simpleParser(raw).then(
          async (mail) => {
            if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
            arrived.push({
              envelopeTo: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              mail,
              raw,
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    arrived,
    to: (address) => arrived.filter((a) => a.envelopeTo.includes(address.toLowerCase())),
    refuse(address, ...codes) {
      const key = address.toLowerCase();
      refusals.set(key, [...(refusals.get(key) ?? []), ...codes]);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A clock that stands still until moved: the worker's time in tests. */
export function testClock(start = new Date()): { now: () => Date; advance(ms: number): void } {
  let at = start.getTime();
  return {
    now: () => new Date(at),
    advance(ms) {
      at += ms;
    },
  };
}
