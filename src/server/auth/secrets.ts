import crypto from 'node:crypto';
import argon2 from 'argon2';
import { createSemaphore } from './semaphore';

/**
 * How many argon2 operations run at once in this process. Each takes 64 MiB and a thread of
 * Node's pool (4 threads, shared with file reads and compression) for a noticeable time, so a
 * burst of sign-ins would otherwise hold the whole pool and stall every other request.
 */
export const ARGON2_CONCURRENCY = 2;
const argon2Slots = createSemaphore(ARGON2_CONCURRENCY);

/** argon2id with the library's defaults (m=64 MiB, t=3, p=4): OWASP's recommended family. */
export function hashPassword(password: string): Promise<string> {
  return argon2Slots.run(() => argon2.hash(password, { type: argon2.argon2id }));
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2Slots.run(() => argon2.verify(hash, password));
  } catch {
    // A malformed stored hash (e.g. the unusable placeholder of an invited user) never matches.
    return false;
  }
}

/** A random secret for sessions, CSRF and API tokens: 256 bits, URL-safe. */
export function randomSecret(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

/** Sessions and API tokens are stored as hashes so a leaked database grants no access. */
export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

/** A readable generated password: 4 groups of 5 from an alphabet without look-alikes. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let s = '';
    for (let i = 0; i < 5; i++) s += alphabet[crypto.randomInt(alphabet.length)];
    groups.push(s);
  }
  return groups.join('-');
}
