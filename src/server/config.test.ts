import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/setup/databases';
import { buildApp } from './app';
import { configFromEnv, type AccordConfig } from './config';

describe('ACCORD_TRUST_PROXY', () => {
  it('is off unless set, and reads true or a list of proxy addresses', () => {
    expect(configFromEnv({}).trustProxy).toBe(false);
    expect(configFromEnv({ ACCORD_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(configFromEnv({ ACCORD_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(configFromEnv({ ACCORD_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy).toBe(
      '127.0.0.1,10.0.0.0/8',
    );
  });

  describe('in the app', () => {
    let db: Awaited<ReturnType<typeof freshDatabase>>;
    beforeAll(async () => {
      db = await freshDatabase('sqlite');
    });
    afterAll(async () => {
      await db?.drop();
    });

    const seen = async (config: AccordConfig) => {
      const app = await buildApp({ config, db: db.db });
      app.get('/probe', (request) => ({
        ip: request.ip,
        host: request.host,
        protocol: request.protocol,
      }));
      try {
        const res = await app.inject({
          url: '/probe',
          remoteAddress: '127.0.0.1',
          headers: {
            host: 'accord.test',
            'x-forwarded-for': '203.0.113.9',
            'x-forwarded-host': 'evil.example',
            'x-forwarded-proto': 'https',
          },
        });
        return res.json() as { ip: string; host: string; protocol: string };
      } finally {
        await app.close();
      }
    };

    it('ignores X-Forwarded-* by default', async () => {
      const config = { ...configFromEnv({}), webRoot: undefined };
      expect(await seen(config)).toEqual({
        ip: '127.0.0.1',
        host: 'accord.test',
        protocol: 'http',
      });
    });

    it('ignores forwarded headers from an address not on the list', async () => {
      const config = { ...configFromEnv({ ACCORD_TRUST_PROXY: '10.0.0.1' }), webRoot: undefined };
      expect((await seen(config)).host).toBe('accord.test');
    });

    it('believes the proxy when told to', async () => {
      const config = { ...configFromEnv({ ACCORD_TRUST_PROXY: 'true' }), webRoot: undefined };
      expect(await seen(config)).toEqual({
        ip: '203.0.113.9',
        host: 'evil.example',
        protocol: 'https',
      });
    });
  });
});

describe('configFromEnv', () => {
  it('refuses a first administrator password shorter than any account may have', () => {
    expect(() => configFromEnv({ ACCORD_ADMIN_PASSWORD: 'a' })).toThrow(
      /ACCORD_ADMIN_PASSWORD must be at least 12 characters long, got 1/,
    );
    expect(() => configFromEnv({ ACCORD_ADMIN_PASSWORD: 'x'.repeat(11) })).toThrow(
      /ACCORD_ADMIN_PASSWORD/,
    );
  });

  it('takes a long enough one, and none at all (one is then generated)', () => {
    expect(configFromEnv({ ACCORD_ADMIN_PASSWORD: 'x'.repeat(12) }).adminPassword).toBe(
      'x'.repeat(12),
    );
    expect(configFromEnv({}).adminPassword).toBeUndefined();
  });

  it('names a bad port', () => {
    expect(() => configFromEnv({ PORT: 'eighty' })).toThrow(/PORT must be a port number/);
  });

  it('reads SMTP_URL, and names a bad one without its password', () => {
    expect(configFromEnv({}).smtpUrl).toBeUndefined();
    expect(configFromEnv({ SMTP_URL: '' }).smtpUrl).toBeUndefined();
    expect(configFromEnv({ SMTP_URL: 'smtps://mailer:s3cret@mail.example.org:465' }).smtpUrl).toBe(
      'smtps://mailer:s3cret@mail.example.org:465',
    );
    expect(configFromEnv({ SMTP_URL: 'smtp://127.0.0.1:2525' }).smtpUrl).toBe(
      'smtp://127.0.0.1:2525',
    );
    const bad = () => configFromEnv({ SMTP_URL: 'https://mailer:s3cret@mail.example.org' });
    expect(bad).toThrow(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ address/);
    expect(bad).not.toThrow(/s3cret/);
    expect(() => configFromEnv({ SMTP_URL: 'mail.example.org:25' })).toThrow(/SMTP_URL/);
  });

  it('reads ACCORD_SECRETARIAT_EMAIL as one address, and refuses anything else', () => {
    expect(configFromEnv({}).secretariatEmail).toBeUndefined();
    expect(configFromEnv({ ACCORD_SECRETARIAT_EMAIL: '  ' }).secretariatEmail).toBeUndefined();
    expect(
      configFromEnv({ ACCORD_SECRETARIAT_EMAIL: ' Applications@Network.example ' })
        .secretariatEmail,
    ).toBe('applications@network.example');
    for (const bad of [
      'applications',
      'a@b.example, c@d.example',
      'Secretariat <a@b.example>',
      'a@b.example\r\nBcc: c@d.example',
    ]) {
      expect(() => configFromEnv({ ACCORD_SECRETARIAT_EMAIL: bad }), bad).toThrow(
        /ACCORD_SECRETARIAT_EMAIL must be one e-mail address/,
      );
    }
  });
});
