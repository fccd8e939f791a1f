import { describe, expect, it } from 'vitest';
import { defaultGroupIds, isRemovableGroup, needsGroup } from '../../shared/team-rules.js';
import { changedFields, removesLastAdmin } from './rules.js';

describe('team rules', () => {
  it('puts a new agent in the pre-sale group by default (SPEC §1)', () => {
    const groups = [
      { id: 'g-after', kind: 'after_sale' as const },
      { id: 'g-pre', kind: 'pre_sale' as const },
    ];
    expect(defaultGroupIds(groups)).toEqual(['g-pre']);
    expect(defaultGroupIds([{ id: 'g-after', kind: 'after_sale' }])).toEqual([]);
  });

  it('requires a duty group only for staff who answer chats', () => {
    expect(needsGroup('agent')).toBe(true);
    expect(needsGroup('supervisor')).toBe(false);
    expect(needsGroup('department_member')).toBe(false);
  });

  it('refuses to demote or disable the only active admin', () => {
    const admin = { role: 'admin' as const, status: 'active' as const };
    expect(removesLastAdmin(admin, { role: 'supervisor', status: 'active' }, 1)).toBe(true);
    expect(removesLastAdmin(admin, { role: 'admin', status: 'disabled' }, 1)).toBe(true);
    expect(removesLastAdmin(admin, { role: 'supervisor', status: 'active' }, 2)).toBe(false);
    expect(removesLastAdmin(admin, admin, 1)).toBe(false);
    expect(
      removesLastAdmin({ role: 'agent', status: 'active' }, { role: 'agent', status: 'disabled' }, 1),
    ).toBe(false);
  });

  it('never removes the pre-sale group, and only removes empty groups', () => {
    expect(isRemovableGroup('pre_sale', 0)).toBe('required');
    expect(isRemovableGroup('after_sale', 2)).toBe('not_empty');
    expect(isRemovableGroup('after_sale', 0)).toBe('ok');
  });

  it('lists only the fields that really change, as [before, after]', () => {
    const before = { name: 'A', cap: 8, groupIds: ['x'] };
    expect(changedFields(before, { name: 'A', cap: 5, groupIds: ['x'] })).toEqual({ cap: [8, 5] });
    expect(changedFields(before, { groupIds: ['x', 'y'] })).toEqual({ groupIds: [['x'], ['x', 'y']] });
    expect(changedFields(before, {})).toEqual({});
  });
});
