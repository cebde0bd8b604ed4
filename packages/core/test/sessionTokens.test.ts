import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  formatSessionToken,
  parseSessionToken,
  sessionExpiry,
} from '../src/auth/sessionTokens.js';

const tenantId = '0192f0c1-7c1e-7b5a-9c2e-3f4d5e6a7b8c';
const sessionId = '0192f0c1-7c1e-7b5a-9c2e-000000000001';
const secret = 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5';

describe('session tokens', () => {
  it('round-trips format and parse', () => {
    const token = formatSessionToken({ tenantId, sessionId, secret });
    assert.equal(token, `kys1.${tenantId}.${sessionId}.${secret}`);
    assert.deepEqual(parseSessionToken(token), { tenantId, sessionId, secret });
  });

  it('accepts base64url secrets of 32 to 128 characters', () => {
    for (const s of ['a'.repeat(32), 'A-_9'.repeat(32), 'x'.repeat(128)]) {
      assert.deepEqual(parseSessionToken(`kys1.${tenantId}.${sessionId}.${s}`), { tenantId, sessionId, secret: s });
    }
  });

  const malformed: [string, string][] = [
    ['empty', ''],
    ['wrong version', `kys2.${tenantId}.${sessionId}.${secret}`],
    ['no version', `${tenantId}.${sessionId}.${secret}`],
    ['missing secret', `kys1.${tenantId}.${sessionId}`],
    ['extra part', `kys1.${tenantId}.${sessionId}.${secret}.x`],
    ['tenant not a uuid', `kys1.tenant.${sessionId}.${secret}`],
    ['session not a uuid', `kys1.${tenantId}.1234.${secret}`],
    ['upper-case uuid', `kys1.${tenantId.toUpperCase()}.${sessionId}.${secret}`],
    ['short secret', `kys1.${tenantId}.${sessionId}.${'a'.repeat(31)}`],
    ['long secret', `kys1.${tenantId}.${sessionId}.${'a'.repeat(129)}`],
    ['secret with padding', `kys1.${tenantId}.${sessionId}.${secret}==`],
    ['secret with +/', `kys1.${tenantId}.${sessionId}.${'a+b/'.repeat(10)}`],
    ['spaces', ` kys1.${tenantId}.${sessionId}.${secret}`],
    ['a bearer prefix left in', `Bearer kys1.${tenantId}.${sessionId}.${secret}`],
  ];
  for (const [name, token] of malformed) {
    it(`rejects ${name}`, () => {
      assert.equal(parseSessionToken(token), null);
    });
  }
});

describe('session expiry', () => {
  const created = new Date('2025-01-01T00:00:00Z');

  it('is 14 idle days after the last use', () => {
    assert.equal(SESSION_IDLE_MS, 14 * 86_400_000);
    const seen = new Date('2025-01-10T00:00:00Z');
    assert.equal(sessionExpiry(created, seen).toISOString(), '2025-01-24T00:00:00.000Z');
  });

  it('never extends past 90 days from login', () => {
    assert.equal(SESSION_ABSOLUTE_MS, 90 * 86_400_000);
    const late = new Date('2025-03-25T00:00:00Z');
    assert.equal(sessionExpiry(created, late).toISOString(), '2025-04-01T00:00:00.000Z');
  });
});
