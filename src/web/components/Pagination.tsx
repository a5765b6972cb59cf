import { useTranslation } from 'react-i18next';
import { formatNumber } from './format';

export interface PaginationProps {
  /** 1-based page number. */
  page: number;
  pageSize: number;
  total: number;
  onPage(page: number): void;
}

/** Previous / next navigation with the range shown, e.g. "21–40 of 318". */
export function Pagination({ page, pageSize, total, onPage }: PaginationProps) {
  const { t, i18n } = useTranslation('common');
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const locale = i18n.language;
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onPage(page - 1)}
        disabled={page <= 1}
        data-testid="pagination-previous"
      >
        <span aria-hidden="true">← </span>
        {t('previous')}
      </button>
      <p className="pagination__range" aria-live="polite">
        {t('pagination.range', {
          first: formatNumber(first, locale),
          last: formatNumber(last, locale),
          total: formatNumber(total, locale),
        })}
      </p>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onPage(page + 1)}
        disabled={page >= lastPage}
        data-testid="pagination-next"
      >
        {t('next')}
        <span aria-hidden="true"> →</span>
      </button>
    </nav>
  );
}
