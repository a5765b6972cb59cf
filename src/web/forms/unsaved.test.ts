import { describe, expect, it } from 'vitest';
import { isChanged, leavesForm } from './unsaved';

const at = (pathname: string, search = '') => ({ pathname, search });

describe('leaving a form', () => {
  it('asks when a changed form goes to another page', () => {
    expect(leavesForm(true, false, at('/admin/meetings/new'), at('/admin/meetings'))).toBe(true);
    expect(leavesForm(true, false, at('/a'), at('/a', '?page=2'))).toBe(true);
  });
  it('does not ask for an unchanged form, after a save, or within the page', () => {
    expect(leavesForm(false, false, at('/a'), at('/b'))).toBe(false);
    expect(leavesForm(true, true, at('/a'), at('/b'))).toBe(false);
    expect(leavesForm(true, false, at('/a'), at('/a'))).toBe(false);
  });
  it('sees a change against the form as opened', () => {
    expect(isChanged({ title: 'a', items: [] }, { title: 'a', items: [] })).toBe(false);
    expect(isChanged({ title: 'a', items: [] }, { title: 'b', items: [] })).toBe(true);
  });
});
