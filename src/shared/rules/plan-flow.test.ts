import { describe, expect, it } from 'vitest';
import { canMoveTask, isTaskOverdue, taskMoves } from './plan-flow';

describe('plan task status moves', () => {
  it('goes forward and back until done, which is final', () => {
    expect(canMoveTask('not_started', 'in_progress')).toBe(true);
    expect(canMoveTask('not_started', 'done')).toBe(true);
    expect(canMoveTask('in_progress', 'not_started')).toBe(true);
    expect(canMoveTask('in_progress', 'done')).toBe(true);
    expect(taskMoves('done')).toEqual([]);
    expect(canMoveTask('done', 'in_progress')).toBe(false);
    expect(canMoveTask('in_progress', 'in_progress')).toBe(false);
  });
});

describe('overdue tasks', () => {
  // 2026-12-01 23:30 in China is still 2026-12-01 there, though it is the 1st 15:30 UTC.
  const lateOnTheFirst = new Date('2026-12-01T15:30:00Z');
  const earlyOnTheSecond = new Date('2026-12-01T16:30:00Z');

  it('counts the whole deadline day (China time) as in time', () => {
    expect(isTaskOverdue({ deadline: '2026-12-01', status: 'in_progress' }, lateOnTheFirst)).toBe(false);
    expect(isTaskOverdue({ deadline: '2026-12-01', status: 'in_progress' }, earlyOnTheSecond)).toBe(true);
    expect(isTaskOverdue({ deadline: '2026-12-01', status: 'not_started' }, earlyOnTheSecond)).toBe(true);
  });

  it('never calls a done task overdue', () => {
    expect(isTaskOverdue({ deadline: '2020-01-01', status: 'done' }, earlyOnTheSecond)).toBe(false);
  });
});
