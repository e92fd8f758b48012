import { describe, expect, it } from 'vitest';
import { inYourWords, resultSuggestions } from './tone';

describe("the client's own words for the result (issue 19)", () => {
  it('turns what they said to face them: we/our/I/my become you/your, labels and end punctuation go', () => {
    expect(inYourWords('We hit our quarterly target two weeks early!')).toBe('you hit your quarterly target two weeks early');
    expect(inYourWords("Quick update: I've cut my onboarding time in half.")).toBe("you've cut your onboarding time in half");
    expect(inYourWords('So the issue was resolved for us.')).toBe('the issue was resolved for you');
  });

  it('proposes the sentences that name a result, newest first, never a thanks, a feeling or a complaint, nor what was quoted', () => {
    const found = resultSuggestions([
      { date: '2026-11-01T10:00:00.000Z', text: 'Thanks for the call. We went live on Monday.' },
      { date: '2026-11-20T10:00:00.000Z', text: 'We love it. Our team hit the onboarding goal a month early.\n> We hit our target (quoted)' },
      { date: '2026-11-21T10:00:00.000Z', text: 'The sync is still not working and the problem is not solved.' },
    ]);
    expect(found).toEqual([
      { said: 'Our team hit the onboarding goal a month early.', result: 'your team hit the onboarding goal a month early', date: '2026-11-20T10:00:00.000Z' },
      { said: 'We went live on Monday.', result: 'you went live on Monday', date: '2026-11-01T10:00:00.000Z' },
    ]);
  });
});
