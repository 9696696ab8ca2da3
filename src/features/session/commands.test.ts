/** The sign-in page's own checks, before the server is asked. */
import { describe, expect, it } from 'vitest';
import { checkSignInInput } from './commands';

describe('checkSignInInput', () => {
  it('asks for both fields, in page order', () => {
    expect(checkSignInInput({ email: ' ', password: '' })).toEqual([
      { field: 'email', message: 'Enter your email address' },
      { field: 'password', message: 'Enter your password' },
    ]);
  });

  it('asks for an email address in the right format', () => {
    expect(checkSignInInput({ email: 'sam', password: 'x' })).toEqual([
      { field: 'email', message: 'Enter an email address in the correct format, like name@example.com' },
    ]);
    expect(checkSignInInput({ email: 'sam@riverside.example', password: 'x' })).toEqual([]);
  });
});

describe('checkNewPin', () => {
  it('explains a weak, short or mismatched PIN, and accepts a good one', async () => {
    const { checkNewPin } = await import('./commands');
    expect(checkNewPin({ pin: '1234', confirm: '1234' })).toEqual([{ field: 'pin', message: 'Your PIN must be at least 6 digits' }]);
    expect(checkNewPin({ pin: '123456', confirm: '123456' })[0]?.message).toMatch(/too easy to guess/);
    expect(checkNewPin({ pin: '480372', confirm: '' })).toEqual([{ field: 'confirm', message: 'Enter your new PIN again' }]);
    expect(checkNewPin({ pin: '480372', confirm: '480373' })[0]?.field).toBe('confirm');
    expect(checkNewPin({ pin: '480372', confirm: '480372' })).toEqual([]);
  });
});
