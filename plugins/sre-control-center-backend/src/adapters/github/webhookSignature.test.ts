import { createHmac } from 'node:crypto';
import { verifyGithubSignature } from './webhookSignature';

const body = Buffer.from('{"action":"opened"}');
const sign = (secret: string, b = body) =>
  `sha256=${createHmac('sha256', secret).update(b).digest('hex')}`;

describe('verifyGithubSignature', () => {
  it('accepts the current and, during a rotation, the previous secret', () => {
    expect(
      verifyGithubSignature(['new-secret'], body, sign('new-secret')),
    ).toBe(true);
    expect(
      verifyGithubSignature(
        ['new-secret', 'old-secret'],
        body,
        sign('old-secret'),
      ),
    ).toBe(true);
    expect(
      verifyGithubSignature(['new-secret'], body, sign('old-secret')),
    ).toBe(false);
  });

  it('refuses a missing, malformed or other-body signature', () => {
    expect(verifyGithubSignature(['s'], body, undefined)).toBe(false);
    expect(verifyGithubSignature(['s'], body, 'sha1=abc')).toBe(false);
    expect(verifyGithubSignature(['s'], body, 'sha256=zz')).toBe(false);
    expect(
      verifyGithubSignature(
        ['s'],
        body,
        sign('s', Buffer.from('{"action":"closed"}')),
      ),
    ).toBe(false);
    expect(verifyGithubSignature([], body, sign('s'))).toBe(false);
  });
});
