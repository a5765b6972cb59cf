/**
 * The shapes of the authorisation matrix's entries (route-table.ts): a route's cases, the rule
 * each answers to, and the request that reaches the decision.
 */
import type { Action, Subject } from '../../src/core/policy';
import type { ActorKey, Headers, Surface } from './surface';

export interface RouteRequest {
  params?: Record<string, string | number>;
  query?: string;
  payload?: unknown;
  /** Extra headers (a content type). */
  headers?: Headers;
  /** Another session of the caller than the shared one (signing out). */
  session?: Headers | undefined;
}

export type Rule =
  /** Everyone, signed in or not. */
  | { kind: 'public' }
  /** Anyone signed in: private files of meetings that are not drafts (members read them). */
  | { kind: 'signedIn' }
  /** The policy's actions, each of which must allow the caller on the subject. */
  | {
      kind: 'policy';
      actions: Action[];
      subject?: (s: Surface, actor: ActorKey) => Subject | Promise<Subject>;
    };

export interface Case {
  /** What this case of the route is about (its subject's state). */
  label: string;
  rule: Rule;
  /**
   * How a refusal shows: `refused` is 401 for the public and 403 for others; `hidden` is 404
   * for everyone (to those who may not see it, a draft does not exist); `signInThenHidden` is
   * 401 for the public and 404 for others.
   */
  refusal?: 'refused' | 'hidden' | 'signInThenHidden';
  /** Build the request anew for each caller: the call changes or removes what it acts on. */
  fresh?: boolean;
  /** Whose eyes the answer is for, when not the caller's (a personal feed speaks as its owner). */
  readsAs?: ActorKey;
  /** What the call changed that the surface must know (a new password). */
  after?(s: Surface, actor: ActorKey, request: RouteRequest, status: number): Promise<void>;
  request(s: Surface, actor: ActorKey): RouteRequest | Promise<RouteRequest>;
}
