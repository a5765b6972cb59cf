import type { AppContext, AppInstance } from '../http/app-types';
import { IdParam, Problem } from '../http/common-schemas';
import { OutboxLetter, OutboxPage, OutboxQuery } from './schemas';
import { outboxLetter, outboxPage, sendLetterNow, type MailSender } from './service';
import { smtpTransport } from './smtp';
import { MailWorker } from './worker';

/**
 * The outbox for the secretariat, and this server's mail worker: with SMTP_URL it starts when
 * the server is ready and stops when it closes (the letter being sent finishes first); without
 * it nothing is sent and the outbox says so.
 */
export function mailRoutes(app: AppInstance, { store, config }: AppContext): void {
  const worker = config.smtpUrl
    ? new MailWorker({
        store,
        transport: smtpTransport(config.smtpUrl),
        from: config.mailFrom,
        onError: (err) => app.log.warn({ err }, 'the mail worker could not read the outbox'),
      })
    : null;
  if (worker) {
    app.addHook('onReady', async () => worker.start());
    app.addHook('preClose', (done) => {
      worker.stop();
      done();
    });
    app.addHook('onClose', () => worker.close());
    // A write that went through may have queued letters (its transaction has committed by the
    // time the answer is sent): look at the outbox now rather than at the next round. A look
    // that finds nothing due costs one query.
    app.addHook('onResponse', async (request, reply) => {
      if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) {
        worker.wake();
      }
    });
  }
  const sender: MailSender = { configured: worker !== null, wake: () => worker?.wake() };

  app.get(
    '/mail/outbox',
    {
      schema: {
        tags: ['mail'],
        summary: 'Letters stored to be sent, newest first, with counts by status (administrators)',
        querystring: OutboxQuery,
        response: { 200: OutboxPage, 401: Problem, 403: Problem },
      },
    },
    (request) => {
      const { status, page = 1, pageSize = 20 } = request.query;
      return outboxPage(store, request.actor, sender, { status, page, pageSize });
    },
  );

  app.get(
    '/mail/outbox/:id',
    {
      schema: {
        tags: ['mail'],
        summary: 'One letter: its text and HTML as sent, attempts and last error (administrators)',
        params: IdParam,
        response: { 200: OutboxLetter, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    (request) => outboxLetter(store, request.actor, request.params.id),
  );

  app.post(
    '/mail/outbox/:id/send',
    {
      schema: {
        tags: ['mail'],
        summary:
          'Send a queued letter now, or a failed one again with its attempts counted afresh (administrators)',
        params: IdParam,
        response: { 200: OutboxLetter, 401: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    (request) => sendLetterNow(store, request.actor, sender, request.params.id),
  );
}
