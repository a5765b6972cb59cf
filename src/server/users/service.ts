/** Users and their roles: the secretariat's administration of accounts. */
import { isLocale, type Locale } from '../../core/locales';
import type { Role } from '../../core/roles';
import { changedFields, recordAudit, type AuditActor, type SystemActor } from '../audit/service';
import { generatePassword, hashPassword } from '../auth/secrets';
import { nowIso } from '../clock';
import { authorize } from '../http/authorize';
import { claimedVersion, type ExpectedVersions } from '../http/preconditions';
import { conflict, invalidField, notFound } from '../http/problem';
import type { Store } from '../store';
import { presentUser } from './present';
import type { UserRow } from './repository';
import type { User, UserCreate, UserPatch } from './schemas';

export { actorOf, presentUser } from './present';

const ADMINS_ONLY = 'Only administrators may do this.';

async function governmentIdFor(store: Store, role: Role, slug: string | null | undefined) {
  if (role !== 'officer') {
    if (slug)
      throw invalidField(
        '/governmentSlug',
        'government-for-non-officer',
        'only officers are bound to a government',
      );
    return null;
  }
  if (!slug)
    throw invalidField(
      '/governmentSlug',
      'officer-needs-government',
      'an officer must be bound to a government',
    );
  const id = await store.members.findGovernmentIdBySlug(slug);
  if (id === undefined)
    throw invalidField('/governmentSlug', 'unknown-reference', `no government "${slug}"`, {
      record: 'government',
    });
  return id;
}

/**
 * Creates a user. A signed-in caller needs the policy's leave; Accord itself (first start, the
 * command line, tests: a SystemActor, no role) creates users without one.
 */
export async function createUser(
  store: Store,
  actor: AuditActor | SystemActor,
  input: UserCreate,
): Promise<{ user: User; generatedPassword?: string }> {
  if ('role' in actor) authorize(actor, 'user.manage', {}, ADMINS_ONLY);
  const email = input.email.trim().toLowerCase();
  if (await store.users.findUserByEmail(email)) {
    throw conflict('email-taken', `a user with e-mail ${email} exists`, {
      pointer: '/email',
      fieldDetail: 'is already used by another user',
    });
  }
  const governmentId = await governmentIdFor(store, input.role, input.governmentSlug);
  const password = input.password ?? generatePassword();
  const hash = await hashPassword(password);
  const id = await store.transaction(async (tx) => {
    const id = await tx.users.insertUser({
      email,
      display_name: input.displayName.trim(),
      password_hash: hash,
      role: input.role,
      government_id: governmentId,
      now: nowIso(),
    });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'user',
      entityId: id,
      summary: `User ${email} created as ${input.role}`,
      after: { email, displayName: input.displayName, role: input.role, governmentId },
    });
    return id;
  });
  const user = presentUser((await store.users.findUserById(id)) as UserRow);
  return input.password ? { user } : { user, generatedPassword: password };
}

export async function updateUser(
  store: Store,
  actor: AuditActor,
  id: number,
  patch: UserPatch,
  expected?: ExpectedVersions,
): Promise<User> {
  authorize(actor, 'user.manage', {}, ADMINS_ONLY);
  if (!(await store.users.findUserById(id))) throw notFound('user', `no user ${id}`);
  if (patch.locale && !isLocale(patch.locale)) {
    throw invalidField('/locale', 'not-one-of', 'must be one of en, ko, ja, zh-Hans, zh-Hant');
  }
  // Hashed before the user's row is locked: argon2 takes its time.
  const hash = patch.password ? await hashPassword(patch.password) : undefined;
  // A change that may leave fewer administrators first takes every administrator's row, all
  // at once and before its own (so that two such changes cannot hold one each and wait for
  // the other): two administrators demoting each other then take turns, and the second counts
  // what the first left.
  const mayDemote = (patch.role !== undefined && patch.role !== 'admin') || patch.disabled === true;
  return store.transaction(async (tx) => {
    if (mayDemote) await tx.users.lockActiveAdmins();
    // Concurrent changes of the user queue here; each then reads what the one before wrote.
    claimedVersion(await tx.users.claimUserVersion(id, expected));
    const current = (await tx.users.findUserById(id)) as UserRow;
    const role: Role = patch.role ?? current.role;
    let governmentId = current.government_id;
    if (patch.governmentSlug !== undefined || patch.role !== undefined) {
      const slug =
        patch.governmentSlug !== undefined
          ? patch.governmentSlug
          : role === 'officer'
            ? current.government_slug
            : null;
      governmentId = await governmentIdFor(tx, role, slug);
    }
    const disabled = patch.disabled === undefined ? current.disabled : patch.disabled ? 1 : 0;
    const losesAdmin = current.role === 'admin' && (role !== 'admin' || disabled === 1);
    const before = {
      displayName: current.display_name,
      role: current.role,
      governmentId: current.government_id,
      disabled: current.disabled === 1,
      locale: current.locale,
    };
    const after = {
      displayName: patch.displayName?.trim() ?? current.display_name,
      role,
      governmentId,
      disabled: disabled === 1,
      locale: patch.locale === undefined ? current.locale : (patch.locale as Locale | null),
    };
    if (losesAdmin && (await tx.users.countAdmins()) <= 1) {
      throw conflict('last-admin', 'the last administrator cannot be demoted or disabled', {
        pointer: patch.role !== undefined ? '/role' : '/disabled',
        fieldDetail: 'would leave no administrator',
      });
    }
    await tx.users.updateUser(id, {
      display_name: after.displayName,
      role,
      government_id: governmentId,
      disabled,
      locale: after.locale,
      ...(hash ? { password_hash: hash } : {}),
      updated_at: nowIso(),
    });
    // Disabling or a new password ends the user's sessions and API tokens everywhere: a
    // password is reset because it may be known to someone else, who may have made a token.
    if (disabled === 1 || hash) {
      await tx.users.deleteSessionsOfUser(id);
      await tx.users.deleteTokensOfUser(id);
    }
    const diff = changedFields(before, after);
    if (hash) diff.after.password = 'changed';
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'user',
      entityId: id,
      summary: `User ${current.email} updated`,
      before: diff.before,
      after: diff.after,
    });
    return presentUser((await tx.users.findUserById(id)) as UserRow);
  });
}

export async function listUsersPage(
  store: Store,
  actor: AuditActor,
  filter: { q?: string | undefined; role?: Role | undefined },
  page: number,
  pageSize: number,
) {
  authorize(actor, 'user.manage', {}, ADMINS_ONLY);
  const { rows, total } = await store.users.listUsers(filter, page, pageSize);
  return { items: rows.map(presentUser), total, page, pageSize };
}
