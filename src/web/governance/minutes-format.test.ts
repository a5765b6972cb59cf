import { describe, expect, it } from 'vitest';
import { wrapSelection } from './minutes-format';

describe('wrapSelection', () => {
  it('wraps the selected words and keeps them selected with their tags', () => {
    const edit = wrapSelection('The motion carried.', 4, 10, 'strong');
    expect(edit.text).toBe('The <strong>motion</strong> carried.');
    expect(edit.text.slice(edit.selectionStart, edit.selectionEnd)).toBe('<strong>motion</strong>');
  });

  it('accepts a selection made backwards', () => {
    expect(wrapSelection('abc', 3, 1, 'em').text).toBe('a<em>bc</em>');
  });

  it('puts the caret inside an empty pair when nothing is selected', () => {
    const edit = wrapSelection('ab', 1, 1, 'em');
    expect(edit.text).toBe('a<em></em>b');
    expect(edit.selectionStart).toBe(5);
    expect(edit.selectionEnd).toBe(5);
  });

  it('makes a list item of each selected line, skipping blank ones', () => {
    const edit = wrapSelection('Present:\nSeoul\n\nSuwon\nEnd', 9, 21, 'ul');
    expect(edit.text).toBe('Present:\n<ul>\n  <li>Seoul</li>\n  <li>Suwon</li>\n</ul>\nEnd');
  });

  it('starts an empty list with the caret in its item', () => {
    const edit = wrapSelection('', 0, 0, 'ul');
    expect(edit.text).toBe('<ul>\n  <li></li>\n</ul>');
    expect(edit.text.slice(0, edit.selectionStart)).toBe('<ul>\n  <li>');
  });
});
