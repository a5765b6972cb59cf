import { Fragment, useMemo, useState, type FormEvent } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { displayNameText } from '../../core/names';
import { ROLES, type Role } from '../../core/roles';
import type { UserCreate, UserPatch } from '../../server/users/schemas';
import { api, query } from '../api';
import { formatDate } from '../components/format';
import { useSession } from '../auth/session';
import { EmptyState, ErrorMessage, Loading } from '../components/DataState';
import { Pagination } from '../components/Pagination';
import type { PageOf, User } from '../types';
import { OneTimeSecret } from '../components/CopyButton';
import {
  ErrorSummary,
  FormField,
  SavedMessage,
  StaleWriteNotice,
  useFormProblems,
  useProblemText,
  useSubmitState,
  type FormFieldSpec,
} from '../forms/form';
import { GovernmentPicker, type PickedGovernment } from '../forms/GovernmentPicker';
import { GovernmentName } from '../components/GovernmentName';
import { usePageTitle } from '../components/page-title';
import { useLocale } from '../components/locale';
import { ScrollFrame } from '../components/ScrollFrame';

const PAGE_SIZE = 25;

interface UserCreated {
  user: User;
  generatedPassword?: string;
}

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** /admin/users — accounts, their roles and (for officers) the government they act for. */
export function UsersPage() {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  const { user: me } = useSession();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const roleParam = params.get('role') ?? '';
  const role = isRole(roleParam) ? roleParam : '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState(q);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [created, setCreated] = useState<UserCreated | null>(null);
  usePageTitle(t('users.title'));

  const users = useQuery({
    queryKey: ['users', { q, role, page, pageSize: PAGE_SIZE }],
    queryFn: () =>
      api.get<PageOf<User>>(`/api/v1/users${query({ q, role, page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });

  function setFilter(next: { q?: string; role?: string; page?: number }) {
    const merged = { q, role, page: 1, ...next };
    const entries: [string, string][] = [];
    if (merged.q) entries.push(['q', merged.q]);
    if (merged.role) entries.push(['role', merged.role]);
    if (merged.page > 1) entries.push(['page', String(merged.page)]);
    setParams(entries);
  }

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFilter({ q: draft.trim() });
  }

  return (
    <section aria-labelledby="admin-users-title">
      <div className="admin-heading">
        <h1 id="admin-users-title">{t('users.title')}</h1>
        {!creating && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setCreating(true);
              setMessage(null);
              setCreated(null);
            }}
            data-testid="user-new"
          >
            {t('users.new')}
          </button>
        )}
      </div>
      {message && <SavedMessage testId="users-saved">{message}</SavedMessage>}
      {created && (
        <>
          <SavedMessage testId="user-created">
            {t('users.created', { name: created.user.displayName, email: created.user.email })}
          </SavedMessage>
          {created.generatedPassword && (
            <OneTimeSecret
              label={t('users.generatedPassword', { email: created.user.email })}
              secret={created.generatedPassword}
              onDismiss={() => setCreated({ user: created.user })}
              testId="user-generated-password"
            />
          )}
        </>
      )}
      {creating && (
        <UserCreateForm
          onDone={(result) => {
            setCreating(false);
            if (result) setCreated(result);
          }}
        />
      )}
      <div className="admin-filters">
        <form role="search" className="admin-search" onSubmit={onSearch}>
          <label htmlFor="users-search">{t('users.search')}</label>
          <input
            id="users-search"
            type="search"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            data-testid="users-search"
          />
          <button type="submit" className="button button--secondary">
            {t('common:search')}
          </button>
        </form>
        <div className="admin-search">
          <label htmlFor="users-role">{t('users.filterRole')}</label>
          <select
            id="users-role"
            value={role}
            onChange={(e) => setFilter({ role: e.target.value })}
            data-testid="users-role-filter"
          >
            <option value="">{t('users.allRoles')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <ErrorMessage error={users.error} />
      ) : users.data.items.length === 0 ? (
        <EmptyState title={t('users.none')} />
      ) : (
        <>
          <ScrollFrame className="admin-table-wrap" label={t('users.listLabel')}>
            <table className="admin-table">
              <caption className="visually-hidden">{t('users.listLabel')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fields.displayName')}</th>
                  <th scope="col">{t('fields.role')}</th>
                  <th scope="col">{t('fields.government')}</th>
                  <th scope="col">{t('users.state')}</th>
                  <th scope="col">{t('users.since')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('form.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.data.items.map((user) => (
                  <Fragment key={user.id}>
                    <tr data-testid="user-row" className={user.disabled ? 'admin-row--muted' : ''}>
                      <th scope="row">
                        {user.displayName}
                        <span className="admin-secondary admin-block">{user.email}</span>
                      </th>
                      <td>{t(`roles.${user.role}`)}</td>
                      <td data-testid="user-government-name">
                        {user.government ? (
                          <GovernmentName
                            names={user.government.names}
                            localLang={user.government.localLang}
                          />
                        ) : (
                          '—'
                        )}
                      </td>
                      <td>{user.disabled ? t('users.disabled') : t('users.active')}</td>
                      <td>{formatDate(user.createdAt, locale)}</td>
                      <td>
                        <div className="admin-actions">
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            aria-expanded={editing === user.id}
                            aria-controls={`user-${user.id}-edit`}
                            onClick={() => {
                              setEditing(editing === user.id ? null : user.id);
                              setMessage(null);
                            }}
                            data-testid="user-edit"
                          >
                            {t('common:edit')}
                          </button>
                          <ToggleDisabled
                            user={user}
                            isSelf={me?.id === user.id}
                            onMessage={setMessage}
                          />
                        </div>
                      </td>
                    </tr>
                    {editing === user.id && (
                      <tr id={`user-${user.id}-edit`}>
                        <td colSpan={6}>
                          <UserEditForm
                            user={user}
                            isSelf={me?.id === user.id}
                            onDone={(saved) => {
                              setEditing(null);
                              if (saved) setMessage(t('users.saved', { name: saved.displayName }));
                            }}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </ScrollFrame>
          <Pagination
            page={users.data.page}
            pageSize={users.data.pageSize}
            total={users.data.total}
            onPage={(next) => setFilter({ page: next })}
          />
        </>
      )}
    </section>
  );
}

function useUserFieldSpecs(prefix: string, withEmail: boolean): FormFieldSpec[] {
  const { t } = useTranslation('admin');
  return useMemo(
    () => [
      ...(withEmail
        ? [{ pointer: '/email', id: `${prefix}-email`, label: t('fields.email') }]
        : []),
      { pointer: '/displayName', id: `${prefix}-display-name`, label: t('fields.displayName') },
      { pointer: '/role', id: `${prefix}-role`, label: t('fields.role') },
      { pointer: '/governmentSlug', id: `${prefix}-government`, label: t('fields.government') },
      { pointer: '/password', id: `${prefix}-password`, label: t('fields.password') },
    ],
    [prefix, withEmail, t],
  );
}

function RoleSelect({
  id,
  value,
  onChange,
  error,
  disabled,
}: {
  id: string;
  value: Role;
  onChange(role: Role): void;
  error: string | undefined;
  disabled?: boolean;
}) {
  const { t } = useTranslation('admin');
  return (
    <FormField
      id={id}
      label={t('fields.role')}
      hint={disabled ? t('users.ownRoleHint') : t(`users.roleHint.${value}`)}
      error={error}
    >
      {(control) => (
        <select
          {...control}
          value={value}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value as Role)}
          data-testid="user-role"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

function UserCreateForm({ onDone }: { onDone(result: UserCreated | null): void }) {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('officer');
  const [government, setGovernment] = useState<PickedGovernment | null>(null);
  const [password, setPassword] = useState('');
  const submit = useSubmitState();
  const specs = useUserFieldSpecs('user-new', true);
  const { errorFor, summary } = useFormProblems(specs, submit.problem);

  const create = useMutation({
    mutationFn: (body: UserCreate) => api.post<UserCreated>('/api/v1/users', body),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      onDone(result);
    },
    onError: (error) => submit.fail(error),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (role === 'officer' && !government) {
      submit.reject([
        { pointer: '/governmentSlug', detail: 'an officer must be bound to a government' },
      ]);
      return;
    }
    const body: UserCreate = {
      email: email.trim(),
      displayName: displayName.trim(),
      role,
      governmentSlug: role === 'officer' ? (government?.slug ?? null) : null,
    };
    if (password) body.password = password;
    create.mutate(body);
  }

  return (
    <form
      className="admin-form admin-subform"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="user-new-title"
    >
      <h2 id="user-new-title">{t('users.newTitle')}</h2>
      <ErrorSummary items={summary} attempt={submit.attempt} />
      <div className="admin-grid">
        <FormField
          id="user-new-email"
          label={t('fields.email')}
          error={errorFor('/email')}
          required
        >
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="off"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              data-testid="user-email"
            />
          )}
        </FormField>
        <FormField
          id="user-new-display-name"
          label={t('fields.displayName')}
          error={errorFor('/displayName')}
          required
        >
          {(control) => (
            <input
              {...control}
              type="text"
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
              data-testid="user-display-name"
            />
          )}
        </FormField>
        <RoleSelect id="user-new-role" value={role} onChange={setRole} error={errorFor('/role')} />
        {role === 'officer' && (
          <FormField
            id="user-new-government"
            label={t('fields.government')}
            hint={t('picker.hint')}
            error={errorFor('/governmentSlug')}
            required
          >
            {(control) => (
              <GovernmentPicker
                control={control}
                value={government}
                onChange={setGovernment}
                testId="user-government"
              />
            )}
          </FormField>
        )}
        <FormField
          id="user-new-password"
          label={t('fields.password')}
          hint={t('users.passwordHint')}
          error={errorFor('/password')}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="user-password"
            />
          )}
        </FormField>
      </div>
      <div className="admin-actions">
        <button
          type="submit"
          className="button"
          disabled={create.isPending}
          aria-busy={create.isPending || undefined}
          data-testid="user-save"
        >
          {create.isPending ? t('form.saving') : t('users.create')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onDone(null)}
          disabled={create.isPending}
        >
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}

const pickedGovernment = (user: User, locale: string): PickedGovernment | null =>
  user.government
    ? {
        slug: user.government.slug,
        label: displayNameText(user.government.names, user.government.localLang, locale),
      }
    : null;

function UserEditForm({
  user: opened,
  isSelf,
  onDone,
}: {
  user: User;
  isSelf: boolean;
  onDone(saved: User | null): void;
}) {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  const queryClient = useQueryClient();
  // The user as last read: changes are worked out against it and made from its version.
  const [user, setUser] = useState(opened);
  const prefix = `user-${user.id}`;
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [government, setGovernment] = useState<PickedGovernment | null>(() =>
    pickedGovernment(user, locale),
  );
  const submit = useSubmitState();
  const specs = useUserFieldSpecs(prefix, false);
  const { errorFor, summary } = useFormProblems(specs, submit.problem);

  const save = useMutation({
    mutationFn: (patch: UserPatch) =>
      api.patch<User>(`/api/v1/users/${user.id}`, patch, { version: user.version }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      onDone(saved);
    },
    onError: (error) => submit.fail(error),
  });
  // There is no GET of one user: it is found in the list by its (unique) e-mail.
  const reload = useMutation({
    mutationFn: async () => {
      const page = await api.get<PageOf<User>>(
        `/api/v1/users${query({ q: user.email, pageSize: 200 })}`,
      );
      const fresh = page.items.find((u) => u.id === user.id);
      if (!fresh) throw new Error(t('form.failed'));
      return fresh;
    },
    onSuccess: (fresh) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      setUser(fresh);
      setDisplayName(fresh.displayName);
      setRole(fresh.role);
      setGovernment(pickedGovernment(fresh, locale));
      submit.clear();
    },
    onError: (error) => submit.fail(error),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (role === 'officer' && !government) {
      submit.reject([
        { pointer: '/governmentSlug', detail: 'an officer must be bound to a government' },
      ]);
      return;
    }
    const patch: UserPatch = {};
    if (displayName.trim() !== user.displayName) patch.displayName = displayName.trim();
    if (role !== user.role) patch.role = role;
    const slug = role === 'officer' ? (government?.slug ?? null) : null;
    if (slug !== (user.government?.slug ?? null)) patch.governmentSlug = slug;
    if (Object.keys(patch).length === 0) {
      onDone(null);
      return;
    }
    save.mutate(patch);
  }

  return (
    <form
      className="admin-form admin-subform"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('users.editTitle', { name: user.displayName })}
    >
      <ErrorSummary items={summary} attempt={submit.attempt} testId={`${prefix}-errors`} />
      <StaleWriteNotice
        problem={submit.problem}
        onReload={() => reload.mutate()}
        reloading={reload.isPending}
        testId={`${prefix}-stale`}
      />
      <div className="admin-grid">
        <FormField
          id={`${prefix}-display-name`}
          label={t('fields.displayName')}
          error={errorFor('/displayName')}
          required
        >
          {(control) => (
            <input
              {...control}
              type="text"
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
              data-testid="user-display-name"
            />
          )}
        </FormField>
        <RoleSelect
          id={`${prefix}-role`}
          value={role}
          onChange={setRole}
          error={errorFor('/role')}
          disabled={isSelf}
        />
        {role === 'officer' && (
          <FormField
            id={`${prefix}-government`}
            label={t('fields.government')}
            hint={t('picker.hint')}
            error={errorFor('/governmentSlug')}
            required
          >
            {(control) => (
              <GovernmentPicker
                control={control}
                value={government}
                onChange={setGovernment}
                testId="user-government"
              />
            )}
          </FormField>
        )}
      </div>
      <div className="admin-actions">
        <button
          type="submit"
          className="button"
          disabled={save.isPending}
          aria-busy={save.isPending || undefined}
          data-testid="user-save"
        >
          {save.isPending ? t('form.saving') : t('common:save')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onDone(null)}
          disabled={save.isPending}
        >
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}

/** Disables an account (its sessions and tokens stop working) or enables it again. */
function ToggleDisabled({
  user,
  isSelf,
  onMessage,
}: {
  user: User;
  isSelf: boolean;
  onMessage(message: string | null): void;
}) {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const problemText = useProblemText();
  const [error, setError] = useState<string | null>(null);
  // Unconditional (no version): the button says the state the account is to have, which no
  // change made meanwhile makes wrong, and which the server records as a change of the user.
  const toggle = useMutation({
    mutationFn: (disabled: boolean) =>
      api.patch<User>(`/api/v1/users/${user.id}`, { disabled } satisfies UserPatch),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      onMessage(
        saved.disabled
          ? t('users.disabledMessage', { name: saved.displayName })
          : t('users.enabledMessage', { name: saved.displayName }),
      );
    },
    onError: (e) => setError(problemText(e)),
  });
  // Locking oneself out by accident helps nobody; another admin can do it.
  if (isSelf) return null;
  return (
    <>
      <button
        type="button"
        className={`button button--small ${user.disabled ? 'button--secondary' : 'button--danger'}`}
        disabled={toggle.isPending}
        onClick={() => {
          setError(null);
          if (
            user.disabled ||
            window.confirm(t('users.confirmDisable', { name: user.displayName }))
          ) {
            toggle.mutate(!user.disabled);
          }
        }}
        data-testid="user-toggle-disabled"
      >
        {user.disabled ? t('users.enable') : t('users.disable')}
      </button>
      {error && (
        <span className="admin-field__error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
