/**
 * Which language a request is answered in: the `lang` query parameter when it names one Accord
 * speaks (or one close to it: ko-KR, zh-TW), else the best of the Accept-Language header, else
 * English. The web always sends `lang` (the language its reader chose, which may differ from
 * the browser's); other clients may rely on the header.
 */
import { findLocale, type Locale } from '../../core/locales';

/** Accept-Language's tags, the most wanted first; q=0 ("not this") and "*" left out. */
export function acceptedLanguages(header: string | readonly string[] | undefined): string[] {
  const text = typeof header === 'string' ? header : (header ?? []).join(',');
  const ranked: { tag: string; q: number; order: number }[] = [];
  text.split(',').forEach((part, order) => {
    const [rawTag, ...params] = part.split(';');
    const tag = rawTag?.trim() ?? '';
    if (tag === '' || tag === '*') return;
    let q = 1;
    for (const param of params) {
      const [name, value] = param.split('=').map((p) => p.trim());
      if (name?.toLowerCase() !== 'q') continue;
      // RFC 9110's qvalue: 0 to 1 with at most three decimals; anything else drops the tag.
      q = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value ?? '') ? Number(value) : 0;
    }
    if (q === 0) return;
    ranked.push({ tag, q, order });
  });
  // Equal weights keep the header's order.
  ranked.sort((a, b) => b.q - a.q || a.order - b.order);
  return ranked.map((r) => r.tag);
}

export function negotiateLocale(request: {
  lang?: string | undefined;
  acceptLanguage?: string | readonly string[] | undefined;
}): Locale {
  return (
    (request.lang ? findLocale([request.lang]) : undefined) ??
    findLocale(acceptedLanguages(request.acceptLanguage)) ??
    'en'
  );
}
