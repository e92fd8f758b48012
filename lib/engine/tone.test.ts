import { describe, expect, it } from 'vitest';
import { inYourWords, messageTone, resultSuggestions, storedTone, toneOf, TONE_VERSION } from './tone';

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
      {
        said: 'Our team hit the onboarding goal a month early.',
        result: 'your team hit the onboarding goal a month early',
        kept: 'our team hit the onboarding goal a month early',
        date: '2026-11-20T10:00:00.000Z',
      },
      { said: 'We went live on Monday.', result: 'you went live on Monday', kept: 'we went live on Monday', date: '2026-11-01T10:00:00.000Z' },
    ]);
  });
});

describe('a tone stored with the message (issue 16)', () => {
  const texts = [
    'It works now, thanks a lot! We hit our target.',
    'The export is still broken, please have a look.',
    'We are thinking about cancelling. Not happy.',
    'Meeting moved to Tuesday.',
  ];

  it('is read back as the text would score, so the queue and the sidebar agree', () => {
    for (const text of texts) {
      const date = '2026-11-20T10:00:00.000Z';
      expect(toneOf({ text, date, tone: storedTone(text) })).toEqual(messageTone({ text, date }));
    }
  });

  it('stored by an earlier version of the scoring, it is worked out again from the text', () => {
    const text = texts[1]!;
    const old = { v: TONE_VERSION - 1, comparative: 0.9, positiveMoment: 'said it worked' };
    expect(toneOf({ text, tone: old })).toEqual(messageTone({ text }));
    expect(toneOf({ text, tone: old }).complaint).toBe('reported something still broken');
  });
});

describe('results worth quoting (issue 33)', () => {
  it('a measured outcome is proposed before a go-live that "went really well, thank you"', () => {
    const found = resultSuggestions([
      {
        text: 'Hi Sam,\nThe go-live went really well, thank you.\nWe cut our month-end close from five days to two.\nAstrid',
        date: '2026-12-02T09:00:00.000Z',
      },
    ]);
    expect(found[0]?.said).toBe('We cut our month-end close from five days to two.');
  });

  it('what they forward or quote from someone else, and an earlier message header, are not their result', () => {
    const forwarded =
      'FYI, see below.\n---------- Forwarded message ---------\nFrom: Lyon Ops <ops@lyon.example>\nYou beat your Q3 numbers by laying off 40 people in Lyon.';
    const header =
      'Sounds good.\nFrom: Astrid Lindqvist <astrid@lindqvistdesign.example>\nSent: Monday, December 1, 2026\nSubject: we hit our target\nWe hit our quarterly target two weeks early.';
    expect(resultSuggestions([{ text: forwarded }, { text: header }])).toEqual([]);
  });
});
