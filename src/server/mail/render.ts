/**
 * A letter in its recipient's language, as plain text and as HTML. Both are made from the
 * same blocks (templates.ts), so they say the same. In the HTML every text is escaped whole
 * (catalog words and the values filled into them: meeting titles, names), and only http(s)
 * addresses become links: nothing a person typed can add markup or a script to a letter.
 */
import type { Locale } from '../../core/locales';
import { translator } from '../i18n/translator';
import { TEMPLATES, type Block, type TemplateName, type TemplateParams } from './templates';

export interface RenderedLetter {
  subject: string;
  text: string;
  html: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Whether an address may be a link: http or https only (no javascript:, data:, …). */
export function isWebAddress(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Escaped text with its line breaks kept. */
const htmlLines = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>');

// Inline styles: mail programs drop <style> elements and external sheets.
const STYLE = {
  // Single quotes inside: the styles go into double-quoted attributes.
  body: "margin:0;padding:24px 12px;background:#f4f4f5;color:#18181b;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Sans CJK KR','Noto Sans CJK JP','Noto Sans CJK SC','Noto Sans CJK TC',sans-serif;font-size:16px;line-height:1.55",
  card: 'max-width:600px;margin:0 auto;background:#ffffff;border:1px solid #e4e4e7;border-radius:8px;padding:24px',
  p: 'margin:0 0 16px',
  h2: 'margin:0 0 8px;font-size:16px',
  list: 'margin:0 0 16px;padding-left:24px',
  link: 'color:#1d4ed8;font-weight:600',
  footer:
    'margin:24px 0 0;padding-top:16px;border-top:1px solid #e4e4e7;font-size:13px;color:#52525b',
};

function blockText(block: Block, linkLine: (label: string, url: string) => string): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'link':
      return linkLine(block.label, block.url);
    case 'list':
      return [block.title, ...block.items.map((item, i) => `${i + 1}. ${item}`)].join('\n');
  }
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="${STYLE.p}">${htmlLines(block.text)}</p>`;
    case 'link':
      return isWebAddress(block.url)
        ? `<p style="${STYLE.p}"><a href="${escapeHtml(block.url)}" style="${STYLE.link}">${escapeHtml(block.label)}</a></p>`
        : `<p style="${STYLE.p}">${escapeHtml(block.label)}: ${escapeHtml(block.url)}</p>`;
    case 'list':
      return (
        `<h2 style="${STYLE.h2}">${escapeHtml(block.title)}</h2>` +
        `<ol style="${STYLE.list}">${block.items.map((i) => `<li>${htmlLines(i)}</li>`).join('')}</ol>`
      );
  }
}

/** Renders a template for a recipient (named, or not) in their language. */
export function renderLetter<N extends TemplateName>(
  locale: Locale,
  recipientName: string | null,
  template: N,
  params: TemplateParams<N>,
): RenderedLetter {
  const t = translator(locale);
  const build = TEMPLATES[template] as (
    tr: typeof t,
    p: TemplateParams<N>,
  ) => ReturnType<(typeof TEMPLATES)[N]>;
  const content = build(t, params);
  const name = recipientName?.trim();
  const greeting = name
    ? t('mail:layout.greeting', { name })
    : t('mail:layout.greetingWithoutName');
  const footer = t('mail:layout.footer');
  const linkLine = (label: string, url: string) => t('mail:layout.linkLine', { label, url });

  const text = [greeting, ...content.blocks.map((b) => blockText(b, linkLine)), '-- ', footer]
    .join('\n\n')
    .concat('\n');
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(locale)}">`,
    '<head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(content.subject)}</title></head>`,
    `<body style="${STYLE.body}"><div style="${STYLE.card}">`,
    `<p style="${STYLE.p}">${escapeHtml(greeting)}</p>`,
    ...content.blocks.map(blockHtml),
    `<p style="${STYLE.footer}">${escapeHtml(footer)}</p>`,
    '</div></body></html>',
    '',
  ].join('\n');
  return { subject: content.subject, text, html };
}
