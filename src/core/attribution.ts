/**
 * Who did something, as a record shows it. Accord stores the actor of a change as a label:
 * a user's sign-in e-mail, a name for Accord itself (`ACCORD_ACTOR_LABELS`: "system",
 * "demo loader", …) or text written by hand. An e-mail is personal: only those the policy lets
 * read users' e-mails see it; everyone else sees the user's display name, or their role when the
 * name is itself an address.
 *
 * The API answers an attribution with a kind beside the label: a user's label is their name,
 * shown as it is; every other kind is a word the reader's language says (the web's catalogs), the
 * label only its English for clients that know no kinds.
 */
import type { Role } from './roles';

/** Accord's own actors (no user stands behind them), each by the label the records keep. */
export const ACCORD_ACTOR_LABELS = {
  /** Accord itself: first start, imports without a user, repairs. */
  system: 'system',
  /** The demo loader, acting with the secretariat's rights. */
  demo: 'demo loader',
  /** The daily membership job (invoices, periods). */
  job: 'daily membership job',
  /** The command line. */
  cli: 'cli',
  /** An applicant, through their application's status link. */
  applicant: 'applicant (status link)',
  /** An officer, through the invitation link they were sent. */
  invitation: 'officer invitation',
} as const;
export type AccordActorKind = keyof typeof ACCORD_ACTOR_LABELS;

/** The label of a sign-in refused too often: this, then the address it came from. */
export const SIGN_IN_LABEL_PREFIX = 'sign-in from ';

/**
 * Kinds of actor: `user` (a person by name, or text written by hand: the label is shown as it
 * is), a role (a user whose name may not be shown), Accord's own actors, and `sign-in` (a
 * sign-in from an address; the label is the address).
 */
export const ACTOR_KINDS = [
  'user',
  'admin',
  'officer',
  'viewer',
  'system',
  'demo',
  'job',
  'cli',
  'applicant',
  'invitation',
  'sign-in',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Who did something, as an answer shows them. */
export interface Attribution {
  kind: ActorKind;
  label: string;
}

/** The role as the public may read it, in English (the web says it in the reader's language). */
export const ROLE_ATTRIBUTION: Record<Role, string> = {
  admin: 'Secretariat',
  officer: 'Member government officer',
  viewer: 'Accord user',
};

const ACCORD_KIND_BY_LABEL = new Map<string, AccordActorKind>(
  (Object.entries(ACCORD_ACTOR_LABELS) as [AccordActorKind, string][]).map(([k, l]) => [l, k]),
);

/** What a stored label names when no user's account stands behind it. */
export function storedAttribution(label: string): Attribution {
  const accord = ACCORD_KIND_BY_LABEL.get(label);
  if (accord) return { kind: accord, label };
  if (label.startsWith(SIGN_IN_LABEL_PREFIX)) {
    return { kind: 'sign-in', label: label.slice(SIGN_IN_LABEL_PREFIX.length) };
  }
  return { kind: 'user', label };
}

/** Text that holds an e-mail address (or anything shaped like one). */
export function holdsAddress(text: string): boolean {
  return text.includes('@');
}

/** The user a stored label names, as far as the attribution needs them. */
export interface AttributedUser {
  displayName: string;
  role: Role;
}

const byRole = (role: Role): Attribution => ({ kind: role, label: ROLE_ATTRIBUTION[role] });

/**
 * Who to show. `user` is the account whose e-mail the label is (undefined when none is);
 * `mayReadEmail` whether the viewer may see users' e-mails.
 */
export function attribution(
  label: string,
  user: AttributedUser | undefined,
  mayReadEmail: boolean,
): Attribution {
  if (!holdsAddress(label)) return storedAttribution(label);
  if (mayReadEmail) return { kind: 'user', label };
  if (!user) return byRole('viewer');
  const name = user.displayName.trim();
  return name && !holdsAddress(name) ? { kind: 'user', label: name } : byRole(user.role);
}
