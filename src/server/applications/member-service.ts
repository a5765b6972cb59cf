/**
 * The last step of an application: the government becomes a member. Either a new government
 * is added to the directory, or a prospect already there (often a city imported from CDP, with
 * its targets and inventories) is promoted, keeping every record it holds. The membership
 * starts as "new" in the category sought (its periods and invoices are the membership area's),
 * and the officers named in the application get a set-password link each: hashed at rest,
 * valid once, for seven days.
 */
import { invitationExpiry, invitationState, maskEmail } from '../../core/application-intake';
import { slugFromName } from '../../core/application-form';
import { ACCORD_ACTOR_LABELS } from '../../core/attribution';
import { recordAudit, type AuditActor, type SystemActor } from '../audit/service';
import { hashPassword, randomSecret, sha256 } from '../auth/secrets';
import { regionFor } from '../climate/imports/regions';
import { now as clockNow } from '../clock';
import type { AccordConfig } from '../config';
import { conflict, gone, invalidField, notFound } from '../http/problem';
import type { Store } from '../store';
import { attachApplicationInvoice } from './invoices';
import { deliver, governmentNameFor, officerInvitationLetter } from './letters';
import { recordLeaders } from './leaders';
import { addPeriod, syncMembership } from '../membership/periods';
import { periodEndFor } from '../../core/membership-status';
import type { ApplicationRow } from './repository';
import { applicationDetail, requireReviewer } from './review-service';
import type { ApplicationDetail, MakeMemberRequest } from './schemas';
import { countUnknownLink, admitLinkRequest } from './throttle';
import { moveStep } from './workflow';

type Config = Pick<AccordConfig, 'publicUrl'>;

const namesOf = (row: ApplicationRow): Record<string, string> =>
  row.official_name_lang === 'en'
    ? { en: row.official_name }
    : { en: row.english_name, [row.official_name_lang]: row.official_name };

/** Adds the applicant to the directory as a new government; its id. */
async function addGovernment(
  tx: Store,
  actor: AuditActor,
  row: ApplicationRow,
  request: MakeMemberRequest,
  today: string,
  now: string,
): Promise<number> {
  const regionSlug = request.region ?? regionFor(row.country, null);
  const regionId = await tx.members.findRegionIdBySlug(regionSlug);
  if (regionId === undefined)
    throw invalidField('/region', 'unknown-reference', `no region "${regionSlug}"`, {
      record: 'region',
    });
  if (row.cdp_account) {
    const holder = await tx.members.findGovernmentByCdpAccount(row.cdp_account);
    if (holder) {
      throw conflict(
        'cdp-account-taken',
        `CDP account ${row.cdp_account} belongs to ${holder.slug}: promote it.`,
        {
          params: { account: row.cdp_account },
          pointer: '/governmentSlug',
          fieldDetail: `already used by ${holder.slug}`,
        },
      );
    }
  }
  let slug = request.slug;
  if (slug) {
    if (await tx.members.findGovernmentIdBySlug(slug)) {
      throw conflict('duplicate-value', `slug "${slug}" is taken`, {
        pointer: '/slug',
        fieldDetail: 'is already used by another government',
      });
    }
  } else {
    const base = slugFromName(row.english_name) ?? `government-${row.id}`;
    slug = base;
    for (let n = 2; await tx.members.findGovernmentIdBySlug(slug); n++) slug = `${base}-${n}`;
  }
  const id = await tx.members.insertGovernment({
    slug,
    kind: row.kind,
    country: row.country,
    region_id: regionId,
    local_lang: row.official_name_lang,
    population: row.population,
    population_year: row.population_year,
    area_km2: row.area_km2,
    latitude: null,
    longitude: null,
    unlocode: null,
    cdp_account: row.cdp_account,
    website: row.website,
    is_demo: 0,
    created_at: now,
    updated_at: now,
  });
  const names = namesOf(row);
  const aliases = names.en === row.english_name ? [] : [row.english_name];
  await tx.members.replaceNames(id, names, aliases);
  await tx.members.upsertMembership(id, { category: row.category, status: 'new', since: today });
  await recordAudit(tx, actor, {
    action: 'create',
    entityType: 'government',
    entityId: id,
    summary: `${row.english_name} added as ${row.category} from its application`,
    after: { slug, names, country: row.country, region: regionSlug, category: row.category },
  });
  return id;
}

/**
 * Promotes a government already in the directory (a prospect): its membership starts, and the
 * application fills only what the record lacks. Its names, figures and climate records stay.
 */
async function promoteGovernment(
  tx: Store,
  actor: AuditActor,
  row: ApplicationRow,
  slug: string,
  today: string,
  now: string,
): Promise<number> {
  const id = await tx.members.findGovernmentIdBySlug(slug);
  if (id === undefined)
    throw invalidField('/governmentSlug', 'unknown-reference', `no government "${slug}"`, {
      record: 'government',
    });
  await tx.members.claimGovernmentVersion(id);
  const gov = await tx.members.findGovernmentBySlug(slug);
  if (!gov)
    throw invalidField('/governmentSlug', 'unknown-reference', `no government "${slug}"`, {
      record: 'government',
    });
  if (gov.category && gov.category !== 'non-member') {
    throw conflict('already-member', `${slug} is already a member (${gov.category}).`, {
      params: { category: gov.category },
      pointer: '/governmentSlug',
      fieldDetail: `is already a member (${gov.category})`,
    });
  }
  const filled: Partial<{
    population: number;
    population_year: number;
    area_km2: number;
    website: string;
    cdp_account: string;
  }> = {};
  if (gov.population === null) {
    filled.population = row.population;
    filled.population_year = row.population_year;
  }
  if (gov.area_km2 === null && row.area_km2 !== null) filled.area_km2 = row.area_km2;
  if (gov.website === null && row.website !== null) filled.website = row.website;
  if (gov.cdp_account === null && row.cdp_account !== null) {
    if (!(await tx.members.findGovernmentByCdpAccount(row.cdp_account))) {
      filled.cdp_account = row.cdp_account;
    }
  }
  await tx.members.updateGovernmentRow(id, { ...filled, updated_at: now });
  const current = (await tx.members.namesOf([id])).get(id) ?? [];
  const names: Record<string, string> = {};
  const aliases: string[] = [];
  for (const n of current) {
    if (n.kind === 'name' && n.lang) names[n.lang] = n.name;
    else aliases.push(n.name);
  }
  const missing = Object.entries(namesOf(row)).filter(([lang]) => !names[lang]);
  if (missing.length > 0) {
    await tx.members.replaceNames(id, { ...names, ...Object.fromEntries(missing) }, aliases);
  }
  await tx.members.upsertMembership(id, { category: row.category, status: 'new', since: today });
  await recordAudit(tx, actor, {
    action: 'update',
    entityType: 'government',
    entityId: id,
    summary: `${gov.slug} became a ${row.category} through its application`,
    before: { category: gov.category ?? 'non-member' },
    after: { category: row.category, status: 'new', since: today, filled: Object.keys(filled) },
  });
  return id;
}

export interface InvitationInput {
  applicationId: number | null;
  governmentId: number;
  governmentName: string;
  email: string;
  displayName: string;
  language: ApplicationRow['language'];
}

/** Issues a set-password link to a new officer and queues its letter; the secret is returned. */
export async function issueOfficerInvitation(
  tx: Store,
  config: Config,
  input: InvitationInput,
  now: Date,
): Promise<string> {
  const token = randomSecret();
  const expiresAt = invitationExpiry(now);
  const invitationId = await tx.applications.insertOfficerInvitation({
    application_id: input.applicationId,
    government_id: input.governmentId,
    email: input.email.toLowerCase(),
    display_name: input.displayName,
    language: input.language,
    token_hash: sha256(token),
    created_at: now.toISOString(),
    expires_at: expiresAt,
    used_at: null,
    user_id: null,
  });
  await deliver(
    tx,
    officerInvitationLetter({
      invitationId,
      email: input.email,
      displayName: input.displayName,
      language: input.language,
      government: input.governmentName,
      url: `${config.publicUrl}/account/invitation/${token}`,
      expiresAt,
      signInUrl: `${config.publicUrl}/signin`,
    }),
  );
  return token;
}

/** The officers to invite: the staff liaison, and the political contact when they gave an address. */
function contactsOf(row: ApplicationRow): { email: string; name: string }[] {
  const contacts = [{ email: row.liaison_email, name: row.liaison_name }];
  if (row.political_email && row.political_email !== row.liaison_email) {
    contacts.push({ email: row.political_email, name: row.political_name });
  }
  return contacts;
}

export async function makeMember(
  store: Store,
  config: Config,
  actor: AuditActor | null,
  id: number,
  request: MakeMemberRequest,
): Promise<ApplicationDetail> {
  requireReviewer(actor);
  const started = clockNow();
  const now = started.toISOString();
  const today = now.slice(0, 10);
  await store.transaction((tx) =>
    moveStep(
      tx,
      config,
      id,
      'make-member',
      { party: 'secretariat', actor },
      request.comment,
      now,
      async (row) => {
        const governmentId = request.governmentSlug
          ? await promoteGovernment(tx, actor, row, request.governmentSlug, today, now)
          : await addGovernment(tx, actor, row, request, today, now);
        // The first year of membership starts today (its fee was paid at the 'paid' step).
        // A government that was a member before and comes back starts a new year after its last.
        const periods = await tx.membership.periodsOf(governmentId);
        const lastEnd = periods.at(-1)?.end_date;
        let first: { id: number; start: string; end: string } | null = null;
        if (!lastEnd || lastEnd < today) {
          first = { id: 0, start: today, end: periodEndFor(today) };
          first.id = await addPeriod(tx, actor?.label ?? 'secretariat', governmentId, {
            category: row.category,
            start: first.start,
            end: first.end,
          });
        }
        // The invoice of the first year is the new member's now, billing that period.
        await attachApplicationInvoice(tx, row.id, governmentId, first, now);
        if (first) await syncMembership(tx, governmentId, today);
        await recordLeaders(tx, actor, row, governmentId, request.headTitle ?? 'mayor', today, now);
        for (const contact of contactsOf(row)) {
          // Someone with an account already is not invited again; the secretariat binds it.
          if (await tx.users.findUserByEmail(contact.email)) continue;
          await issueOfficerInvitation(
            tx,
            config,
            {
              applicationId: row.id,
              governmentId,
              governmentName: governmentNameFor(row),
              email: contact.email,
              displayName: contact.name,
              language: row.language,
            },
            started,
          );
        }
        return { governmentId };
      },
    ),
  );
  return applicationDetail(store, actor, id);
}

// ---------------------------------------------------------------- the invitation's holder

async function invitationOfLink(store: Store, token: string, address: string) {
  const now = clockNow();
  await admitLinkRequest(store, address, now);
  const invitation = await store.applications.findInvitationByHash(sha256(token));
  if (!invitation) {
    await countUnknownLink(store, address, now);
    throw notFound(
      'invitation',
      'This invitation link is unknown. Open the link from your letter.',
    );
  }
  const state = invitationState(
    { usedAt: invitation.used_at, expiresAt: invitation.expires_at },
    now,
  );
  if (state === 'used') {
    throw gone('invitation-used', 'This invitation was used already: sign in with your password.');
  }
  if (state === 'expired') {
    throw gone(
      'invitation-expired',
      'This invitation has expired: ask the secretariat for a new one.',
    );
  }
  return invitation;
}

export async function readInvitation(store: Store, token: string, address: string) {
  const invitation = await invitationOfLink(store, token, address);
  const gov = await store.members.governmentRow(invitation.government_id);
  if (!gov) {
    throw gone(
      'government-gone',
      'The government of this invitation is no longer in the directory.',
    );
  }
  const names = (await store.members.namesOf([gov.id])).get(gov.id) ?? [];
  return {
    displayName: invitation.display_name,
    emailHint: maskEmail(invitation.email),
    government: {
      slug: gov.slug,
      names: Object.fromEntries(
        names.filter((n) => n.kind === 'name' && n.lang).map((n) => [n.lang as string, n.name]),
      ),
    },
    expiresAt: invitation.expires_at,
  };
}

const INVITATION_ACTOR: SystemActor = { userId: null, label: ACCORD_ACTOR_LABELS.invitation };

/**
 * Opens the officer's account with the password they chose: once (a second use, even at the
 * same moment, is refused), before the link expires. Answers the new user's id, for the
 * session the route starts.
 */
export async function acceptInvitation(
  store: Store,
  token: string,
  password: string,
  address: string,
): Promise<number> {
  const invitation = await invitationOfLink(store, token, address);
  const hash = await hashPassword(password);
  return store.transaction(async (tx) => {
    if (!(await tx.members.governmentRow(invitation.government_id))) {
      throw gone(
        'government-gone',
        'The government of this invitation is no longer in the directory.',
      );
    }
    if (await tx.users.findUserByEmail(invitation.email)) {
      throw conflict(
        'account-exists',
        'An account with this e-mail address exists already: sign in with it.',
      );
    }
    const now = clockNow().toISOString();
    const userId = await tx.users.insertUser({
      email: invitation.email,
      display_name: invitation.display_name,
      password_hash: hash,
      role: 'officer',
      government_id: invitation.government_id,
      now,
    });
    if (
      !(await tx.applications.markInvitationUsed(invitation.id, { used_at: now, user_id: userId }))
    ) {
      throw gone(
        'invitation-used',
        'This invitation was used already: sign in with your password.',
      );
    }
    await recordAudit(tx, INVITATION_ACTOR, {
      action: 'create',
      entityType: 'user',
      entityId: userId,
      summary: `User ${invitation.email} created as officer through an invitation`,
      after: { email: invitation.email, role: 'officer', governmentId: invitation.government_id },
    });
    return userId;
  });
}
