import { describe, expect, it } from 'vitest';
import { tabKeyTarget } from './tabs';

describe('tabKeyTarget', () => {
  it('moves to the next and previous tab, wrapping at the ends', () => {
    expect(tabKeyTarget('ArrowRight', 1, 5)).toBe(2);
    expect(tabKeyTarget('ArrowRight', 4, 5)).toBe(0);
    expect(tabKeyTarget('ArrowLeft', 0, 5)).toBe(4);
    expect(tabKeyTarget('ArrowUp', 3, 5)).toBe(2);
  });

  it('jumps to the first and last tab', () => {
    expect(tabKeyTarget('Home', 3, 5)).toBe(0);
    expect(tabKeyTarget('End', 0, 5)).toBe(4);
  });

  it('ignores other keys and empty lists', () => {
    expect(tabKeyTarget('Enter', 2, 5)).toBeNull();
    expect(tabKeyTarget('ArrowRight', 0, 0)).toBeNull();
  });
});
