import { expect } from '@open-wc/testing';
import { VisibleTimeCounter, WatchTracker, addTimeSpent, addWatchedRange, createProgress, openLesson, watchedSeconds } from '@lms-kit/core';
import { ruleCourse } from '../../../test/helpers/courses.js';

describe('VisibleTimeCounter', () => {
  it('counts only between start and pause, and take() restarts from zero', () => {
    let now = 0;
    const counter = new VisibleTimeCounter(() => now);
    counter.start();
    now = 1000;
    counter.pause(); // page hidden
    now = 60_000;
    expect(counter.take()).to.equal(1000);
    counter.start(); // visible again
    now = 61_500;
    expect(counter.take()).to.equal(1500);
    now = 62_000;
    expect(counter.take(), 'still running after take').to.equal(500);
  });
});

describe('addTimeSpent', () => {
  it('adds deltas so two tabs’ time adds up', () => {
    const course = ruleCourse();
    const t = new Date('2026-01-01T00:00:00Z');
    let p = openLesson(createProgress(course, 'l', 'r', t), 'welcome', t);
    p = addTimeSpent(p, 'welcome', 1200, t);
    p = addTimeSpent(p, 'welcome', 800, t);
    expect(p.timeSpentMs).to.equal(2000);
    expect(p.lessons.welcome.timeSpentMs).to.equal(2000);
    expect(addTimeSpent(p, 'welcome', -5, t)).to.equal(p);
  });

  it('counts a journaled write once however often it is replayed', () => {
    const course = ruleCourse();
    const t = new Date('2026-01-01T00:00:00Z');
    let p = openLesson(createProgress(course, 'l', 'r', t), 'welcome', t);
    p = addTimeSpent(p, 'welcome', 1000, t, 'write-1');
    p = addTimeSpent(p, 'welcome', 1000, t, 'write-1');
    p = addTimeSpent(p, 'welcome', 500, t, 'write-2');
    expect(p.timeSpentMs).to.equal(1500);
    for (let i = 0; i < 60; i++) p = addTimeSpent(p, 'welcome', 1, t, `w${i}`);
    expect(p.appliedWrites).to.have.length(50);
  });
});

describe('watched ranges', () => {
  it('merges overlapping and adjacent ranges', () => {
    let ranges = addWatchedRange([], 0, 10);
    ranges = addWatchedRange(ranges, 20, 30);
    ranges = addWatchedRange(ranges, 9, 12);
    ranges = addWatchedRange(ranges, 12.2, 19.9);
    expect(ranges).to.deep.equal([[0, 30]]);
    expect(watchedSeconds(addWatchedRange(ranges, 40, 45))).to.equal(35);
  });

  it('counts playback but not seeking ahead', () => {
    const tracker = new WatchTracker();
    let wall = 0;
    for (let t = 0; t <= 10; t += 0.25) {
      tracker.update(t, wall, 1);
      wall += 250;
    }
    // The learner drags the playhead to 90 s: a jump no wall-clock time explains.
    tracker.update(90, wall + 250, 1);
    tracker.update(90.25, wall + 500, 1);
    expect(tracker.fraction(100)).to.be.closeTo(0.1025, 0.001);
  });

  it('counts faster playback at its real rate', () => {
    const tracker = new WatchTracker();
    for (let i = 0; i <= 40; i++) tracker.update(i * 0.5, i * 250, 2);
    expect(watchedSeconds(tracker.ranges)).to.equal(20);
  });
});
