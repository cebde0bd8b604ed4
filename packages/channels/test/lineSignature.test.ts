import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { checkLineSignature, lineSignatureOf } from '../src/index.js';

const SECRET = '0123456789abcdef0123456789abcdef';
const body = new TextEncoder().encode('{"destination":"U0","events":[]}');

describe('LINE webhook signature', () => {
  it('is base64(HMAC-SHA256(channel secret, body bytes))', () => {
    const expected = createHmac('sha256', SECRET).update(body).digest('base64');
    assert.equal(lineSignatureOf(SECRET, body), expected);
    assert.equal(checkLineSignature(SECRET, body, expected), true);
  });

  it('refuses a missing, empty, truncated or foreign signature, and other bytes with the same JSON', () => {
    const good = lineSignatureOf(SECRET, body);
    assert.equal(checkLineSignature(SECRET, body, undefined), false);
    assert.equal(checkLineSignature(SECRET, body, ''), false);
    assert.equal(checkLineSignature(SECRET, body, good.slice(0, -2)), false);
    assert.equal(checkLineSignature('fedcba9876543210fedcba9876543210', body, good), false);
    const spaced = new TextEncoder().encode('{"destination": "U0", "events": []}');
    assert.equal(checkLineSignature(SECRET, spaced, good), false);
    assert.equal(checkLineSignature('', body, lineSignatureOf('', body)), false);
  });
});
