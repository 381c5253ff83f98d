import type { Request, Response } from 'express';
import { CSRF_COOKIE, CsrfProtection } from './csrf-protection';
import { SESSION_COOKIE } from './jwt.strategy';

const protection = new CsrfProtection('a-jwt-secret-long-enough-for-the-tests-0123456789');

/** A request as Express and cookie-parser hand it over: cookies parsed, the raw header kept. */
function requestWith(cookies: Record<string, string>, extra: Partial<Request> = {}): Request {
  const header = Object.entries(cookies).map(([name, value]) => `${name}=${value}`).join('; ');
  return { headers: header ? { cookie: header } : {}, cookies: { ...cookies }, method: 'GET', secure: false, ...extra } as unknown as Request;
}

function responseCatching(set: Record<string, string>): Response {
  return { cookie: (name: string, value: string) => void (set[name] = value) } as unknown as Response;
}

describe('CSRF tokens (csrf-csrf, bound to the session)', () => {
  it('given a page, when it asks twice, then it gets one token, set as the cookie', () => {
    const set: Record<string, string> = {};
    const request = requestWith({});
    const token = protection.tokenFor(request, responseCatching(set));
    expect(set[CSRF_COOKIE]).toBe(token);
    expect(protection.tokenFor(request, responseCatching({}))).toBe(token);
  });

  it('given the cookie, then only the same token is valid', () => {
    const token = protection.tokenFor(requestWith({}), responseCatching({}));
    expect(protection.isValid(requestWith({ [CSRF_COOKIE]: token }), token)).toBe(true);
    expect(protection.isValid(requestWith({ [CSRF_COOKIE]: token }), token.replace(/.$/, token.endsWith('0') ? '1' : '0'))).toBe(false);
    expect(protection.isValid(requestWith({}), token)).toBe(false);
    expect(protection.isValid(requestWith({ [CSRF_COOKIE]: token }), undefined)).toBe(false);
  });

  it('given a token made before signing in, when the session changes, then it is no longer valid', () => {
    const anonymous = protection.tokenFor(requestWith({}), responseCatching({}));
    expect(protection.isValid(requestWith({ [CSRF_COOKIE]: anonymous, [SESSION_COOKIE]: 'a.session.token' }), anonymous)).toBe(false);
    const signedIn = requestWith({ [SESSION_COOKIE]: 'a.session.token' });
    const token = protection.tokenFor(signedIn, responseCatching({}));
    expect(protection.isValid(requestWith({ [CSRF_COOKIE]: token, [SESSION_COOKIE]: 'a.session.token' }), token)).toBe(true);
    expect(protection.isValid(requestWith({ [CSRF_COOKIE]: token, [SESSION_COOKIE]: 'another.session.token' }), token)).toBe(false);
  });

  it('given a token signed under another secret, then it is refused', () => {
    const other = new CsrfProtection('another-jwt-secret-long-enough-for-the-tests-987');
    const token = other.tokenFor(requestWith({}), responseCatching({}));
    expect(protection.isValid(requestWith({ [CSRF_COOKIE]: token }), token)).toBe(false);
  });
});
