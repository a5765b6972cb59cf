import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Static } from 'typebox';
import type { ApiToken, ApiTokenCreate, ApiTokenCreated } from '../../server/users/schemas';
import { api, type FieldError } from '../api';
import { formatDate } from '../components/format';
import { EmptyState, ErrorMessage, Loading } from '../components/DataState';
import { OneTimeSecret } from '../components/CopyButton';
import {
  ErrorSummary,
  FormField,
  SavedMessage,
  useFormProblems,
  useProblemText,
  useSubmitState,
  type FormFieldSpec,
} from '../forms/form';
import { parseNumberInput } from './government-form';
import { usePageTitle } from '../components/page-title';
import { useLocale } from '../components/locale';
import { ScrollFrame } from '../components/ScrollFrame';

type Token = Static<typeof ApiToken>;
type TokenCreate = Static<typeof ApiTokenCreate>;
type TokenCreated = Static<typeof ApiTokenCreated>;

const TOKENS_KEY = ['tokens'] as const;

/** /admin/tokens — the signed-in person's API tokens for scripts and other portals. */
export function TokensPage() {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  const queryClient = useQueryClient();
  const problemText = useProblemText();
  const [created, setCreated] = useState<TokenCreated | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  usePageTitle(t('tokens.title'));

  const tokens = useQuery({
    queryKey: TOKENS_KEY,
    queryFn: () => api.get<{ items: Token[] }>('/api/v1/auth/tokens'),
  });

  const revoke = useMutation({
    mutationFn: (token: Token) => api.del(`/api/v1/auth/tokens/${token.id}`),
    onSuccess: (_, token) => {
      void queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      setMessage(t('tokens.revoked', { name: token.name }));
    },
    onError: (error) => setRevokeError(problemText(error)),
  });

  const date = (iso: string | null, none: string) => (iso ? formatDate(iso, locale) : none);

  return (
    <section aria-labelledby="admin-tokens-title">
      <h1 id="admin-tokens-title">{t('tokens.title')}</h1>
      <p className="admin-lead">{t('tokens.lead')}</p>
      {message && <SavedMessage testId="tokens-saved">{message}</SavedMessage>}
      {created && (
        <OneTimeSecret
          label={t('tokens.secretLabel', { name: created.token.name })}
          secret={created.secret}
          onDismiss={() => setCreated(null)}
          testId="token-secret"
        />
      )}
      <TokenCreateForm
        onCreated={(result) => {
          setCreated(result);
          setMessage(null);
        }}
      />
      <h2>{t('tokens.yours')}</h2>
      {revokeError && (
        <p className="admin-field__error" role="alert">
          {revokeError}
        </p>
      )}
      {tokens.isPending ? (
        <Loading />
      ) : tokens.isError ? (
        <ErrorMessage error={tokens.error} />
      ) : tokens.data.items.length === 0 ? (
        <EmptyState title={t('tokens.none')} />
      ) : (
        <ScrollFrame className="admin-table-wrap" label={t('tokens.yours')}>
          <table className="admin-table">
            <caption className="visually-hidden">{t('tokens.yours')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fields.tokenName')}</th>
                <th scope="col">{t('tokens.createdAt')}</th>
                <th scope="col">{t('tokens.lastUsed')}</th>
                <th scope="col">{t('tokens.expires')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('form.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.items.map((token) => {
                const expired = token.expiresAt !== null && new Date(token.expiresAt) < new Date();
                return (
                  <tr key={token.id} data-testid="token-row">
                    <th scope="row">{token.name}</th>
                    <td>{date(token.createdAt, '—')}</td>
                    <td>{date(token.lastUsedAt, t('tokens.neverUsed'))}</td>
                    <td>
                      {date(token.expiresAt, t('tokens.noExpiry'))}
                      {expired && (
                        <span className="admin-badge admin-badge--expired">
                          {t('tokens.expired')}
                        </span>
                      )}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button--danger button--small"
                        disabled={revoke.isPending}
                        onClick={() => {
                          setRevokeError(null);
                          if (window.confirm(t('tokens.confirmRevoke', { name: token.name }))) {
                            revoke.mutate(token);
                          }
                        }}
                        data-testid="token-revoke"
                      >
                        {t('tokens.revoke')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollFrame>
      )}
    </section>
  );
}

function TokenCreateForm({ onCreated }: { onCreated(result: TokenCreated): void }) {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const submit = useSubmitState();
  const specs = useMemo<FormFieldSpec[]>(
    () => [
      { pointer: '/name', id: 'token-name', label: t('fields.tokenName') },
      { pointer: '/expiresInDays', id: 'token-days', label: t('fields.expiresInDays') },
    ],
    [t],
  );
  const { errorFor, summary } = useFormProblems(specs, submit.problem);

  const create = useMutation({
    mutationFn: (body: TokenCreate) => api.post<TokenCreated>('/api/v1/auth/tokens', body),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      setName('');
      submit.clear();
      onCreated(result);
    },
    onError: (error) => submit.fail(error),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: FieldError[] = [];
    if (!name.trim()) errors.push({ pointer: '/name', detail: 'is required' });
    const parsed = parseNumberInput(days, 'integer');
    if ('error' in parsed) errors.push({ pointer: '/expiresInDays', detail: parsed.error });
    if (errors.length > 0) {
      submit.reject(errors);
      return;
    }
    const body: TokenCreate = { name: name.trim() };
    if ('value' in parsed && parsed.value !== null) body.expiresInDays = parsed.value;
    create.mutate(body);
  }

  return (
    <form
      className="admin-form admin-subform"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="token-new-title"
    >
      <h2 id="token-new-title">{t('tokens.newTitle')}</h2>
      <ErrorSummary items={summary} attempt={submit.attempt} />
      <div className="admin-grid">
        <FormField
          id="token-name"
          label={t('fields.tokenName')}
          hint={t('tokens.nameHint')}
          error={errorFor('/name')}
          required
        >
          {(control) => (
            <input
              {...control}
              type="text"
              maxLength={80}
              value={name}
              onChange={(e) => setName(e.target.value)}
              data-testid="token-name"
            />
          )}
        </FormField>
        <FormField
          id="token-days"
          label={t('fields.expiresInDays')}
          hint={t('tokens.daysHint')}
          error={errorFor('/expiresInDays')}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="numeric"
              className="admin-input--short"
              value={days}
              onChange={(e) => setDays(e.target.value)}
              data-testid="token-days"
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
          data-testid="token-create"
        >
          {create.isPending ? t('form.saving') : t('tokens.create')}
        </button>
      </div>
    </form>
  );
}
