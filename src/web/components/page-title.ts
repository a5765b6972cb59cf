import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title to "<page> · Accord" (or just "Accord"), following the language. */
export function usePageTitle(page: string | null | undefined): void {
  const { t } = useTranslation('common');
  const title = page ? t('pageTitle', { page }) : t('appName');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
