import { describe, expect, it } from 'vitest';
import { lessonStatus, type ManifestLesson, type Store } from '../../src/scripts/progress-store.ts';

const lesson: ManifestLesson = ['basics/first-steps', '第一步', '/basics/first-steps/', [['basics/first-steps', 'a@1,b@1'], ['basics/first-steps#2', 'c@2']]];
const store = (quizzes: Store['quizzes'], visited: Store['visited'] = {}): Store => ({ v: 2, quizzes, visited });

describe('lessonStatus', () => {
  it('passes a lesson only when every self-check reached the pass mark', () => {
    const first = { sig: 'a@1,b@1', best: 90, last: 90 };
    expect(lessonStatus(store({ 'basics/first-steps': first }), lesson, 80)).toEqual({ status: 'tried', score: 90 });
    expect(lessonStatus(store({ 'basics/first-steps': first, 'basics/first-steps#2': { sig: 'c@2', best: 70, last: 70 } }), lesson, 80)).toEqual({ status: 'tried', score: 80 });
    expect(lessonStatus(store({ 'basics/first-steps': first, 'basics/first-steps#2': { sig: 'c@2', best: 80, last: 60 } }), lesson, 80)).toEqual({ status: 'passed', score: 85 });
  });

  it('ignores a score earned on other revisions of the questions', () => {
    expect(lessonStatus(store({ 'basics/first-steps': { sig: 'a@1,b@0', best: 100, last: 100 } }), lesson, 80)).toEqual({ status: 'new' });
  });

  it('counts a lesson without a self-check as passed once it was opened', () => {
    const plain: ManifestLesson = ['basics/intro', '引言', '/basics/intro/', []];
    expect(lessonStatus(store({}), plain, 80)).toEqual({ status: 'new' });
    expect(lessonStatus(store({}, { 'basics/intro': 1 }), plain, 80)).toEqual({ status: 'passed' });
  });
});
