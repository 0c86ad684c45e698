import { describe, expect, it } from 'vitest';
import { splitLeadIn, validationMessage } from './validation-message';

describe('the top-level message of a validation error', () => {
  it('names one field in words, with what is wrong', () => {
    expect(validationMessage([{ path: 'endTime', message: 'must be after startTime' }])).toBe(
      'End time: must be after start time',
    );
    expect(validationMessage([{ path: 'videoUrl', message: 'Use a web link' }])).toBe('Video URL: use a web link');
    expect(validationMessage([{ path: 'querystring.limit', message: 'Enter a number' }])).toBe('Limit: enter a number');
  });

  it('does not say the field twice when its message already names it', () => {
    expect(validationMessage([{ path: 'capacity', message: 'Capacity must be at least 1' }])).toBe(
      'Capacity must be at least 1',
    );
    expect(validationMessage([{ path: 'values.3.weight', message: 'Weight is required' }])).toBe('Weight is required');
    expect(
      validationMessage([{ path: 'checkInCadenceDays', message: 'Check-in every (days) must be a whole number' }]),
    ).toBe('Check-in every (days) must be a whole number');
  });

  it('points at the fields when several are wrong, and never shows a path', () => {
    const message = validationMessage([
      { path: 'name', message: 'Name is required' },
      { path: 'creditsPerWeek', message: 'Give a whole number' },
    ]);
    expect(message).toBe('Check the highlighted fields.');
    expect(validationMessage([{ path: '', message: 'Invalid value' }])).toBe('Invalid value');
    expect(validationMessage([])).toBe('The request is not valid.');
  });

  it("splits a domain message's lead-in from its words", () => {
    expect(splitLeadIn('reason: say why the credits change')).toEqual({
      path: 'reason',
      message: 'say why the credits change',
    });
    expect(splitLeadIn('No such class')).toEqual({ path: null, message: 'No such class' });
  });
});
