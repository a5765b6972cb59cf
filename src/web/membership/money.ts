/** Amounts and days as the membership pages say them. */
import { formatNumber } from '../components/format';

/** A fee in its currency, in the reader's way of writing money (fees are whole amounts). */
export function formatMoney(amount: number, currency: string, locale: string): string {
  try {
    return formatNumber(amount, locale, {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
      minimumFractionDigits: 0,
    });
  } catch {
    // A currency code Intl does not know: the number and the code.
    return `${formatNumber(amount, locale)} ${currency}`;
  }
}

/** Whole days from one calendar day to another (negative when `to` is before `from`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
