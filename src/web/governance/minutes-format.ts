/**
 * The minutes editor is a plain textarea of simple HTML; its toolbar wraps the selected text
 * in a tag. Pure, so the selection arithmetic is tested rather than trusted.
 */
export type MinutesTag = 'strong' | 'em' | 'ul' | 'p' | 'h3';

/** The toolbar's buttons: the tag each wraps with, and the catalog key of its label. */
export const MINUTES_TOOLS: readonly { tag: MinutesTag; key: string }[] = [
  { tag: 'strong', key: 'bold' },
  { tag: 'em', key: 'italic' },
  { tag: 'ul', key: 'list' },
  { tag: 'p', key: 'paragraph' },
  { tag: 'h3', key: 'heading' },
];

export interface Edit {
  text: string;
  selectionStart: number;
  selectionEnd: number;
}

/**
 * Wraps the selection; a list turns each selected line into an item. With nothing selected
 * it inserts an empty pair and puts the caret between, ready to type.
 */
export function wrapSelection(text: string, start: number, end: number, tag: MinutesTag): Edit {
  const from = Math.max(0, Math.min(start, end, text.length));
  const to = Math.min(text.length, Math.max(start, end));
  const selected = text.slice(from, to);
  let inner = selected;
  let open = `<${tag}>`;
  let close = `</${tag}>`;
  if (tag === 'ul') {
    const lines = selected.split(/\r?\n/).filter((l) => l.trim() !== '');
    const items = (lines.length > 0 ? lines : ['']).map((l) => `  <li>${l.trim()}</li>`);
    open = '<ul>\n';
    inner = items.join('\n');
    close = '\n</ul>';
  }
  const replaced = `${open}${inner}${close}`;
  const next = text.slice(0, from) + replaced + text.slice(to);
  if (selected === '') {
    // The caret lands where the text goes: inside the tag, or inside the single <li>.
    const caret = tag === 'ul' ? from + open.length + '  <li>'.length : from + open.length;
    return { text: next, selectionStart: caret, selectionEnd: caret };
  }
  return { text: next, selectionStart: from, selectionEnd: from + replaced.length };
}
