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
