import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { piiFields } from '@kayoi/contracts';
import type { CustomerDetail } from '../src/ports.js';
import { maskEmail, maskLineUserId, maskPhone, maskPostalCode, presentCustomer } from '../src/customers/masking.js';

const full: CustomerDetail = {
  id: '0192f0c1-7c1e-7b5a-9c2e-3f4d5e6a7b8c',
  externalId: 'C-001',
  familyName: '山田',
  givenName: '花子',
  familyNameKana: 'ヤマダ',
  givenNameKana: 'ハナコ',
  email: 'hanako@example.com',
  phone: '09012345678',
  lineUserId: 'U1234567890abcdef',
  gender: 'female',
  birthday: '1990-04-01',
  birthYear: 1990,
  postalCode: '150-0001',
  area: '渋谷区',
  acquisitionChannelId: '0192f0c1-7c1e-7b5a-9c2e-3f4d5e6a7b8d',
  acquiredOn: '2024-01-10',
  notes: 'カラーは明るめ希望',
  tags: ['VIP'],
  attributes: { hair_type: 'fine' },
  consents: {
    email: { status: 'granted', changedAt: '2024-01-10T00:00:00.000Z', source: 'counter' },
    line: { status: 'unknown', changedAt: null, source: null },
    sms: { status: 'withdrawn', changedAt: '2024-01-10T00:00:00.000Z', source: 'counter' },
  },
  stats: {
    firstVisitAt: '2024-01-10T05:00:00.000Z',
    lastVisitAt: '2025-06-01T05:00:00.000Z',
    visitCount: 7,
    revenueTotal: 38500,
  },
  erasedAt: null,
  createdAt: '2024-01-10T00:00:00.000Z',
  updatedAt: '2025-06-01T05:00:00.000Z',
};

/** The fields whose value differs between the stored customer and what a viewer got. */
function changedFields(stored: CustomerDetail, shown: Record<string, unknown>): string[] {
  return Object.keys(stored).filter(
    (k) => JSON.stringify(stored[k as keyof CustomerDetail]) !== JSON.stringify(shown[k]),
  );
}

describe('mask helpers', () => {
  it('keeps the first three and last four digits of a phone number', () => {
    assert.equal(maskPhone('09012345678'), '090-****-5678');
    assert.equal(maskPhone('0312345678'), '031-****-5678');
    assert.equal(maskPhone('12345'), '****45');
  });

  it('keeps the first letter and the domain of an email', () => {
    assert.equal(maskEmail('hanako@example.com'), 'h***@example.com');
    assert.equal(maskEmail('not-an-email'), '***');
    assert.equal(maskEmail('@example.com'), '***');
  });

  it('keeps the first three digits of a postal code and the ends of a LINE id', () => {
    assert.equal(maskPostalCode('150-0001'), '150-****');
    assert.equal(maskLineUserId('U1234567890abcdef'), 'U***cdef');
  });
});

describe('presentCustomer', () => {
  it('full: shows everything and masks nothing', () => {
    const shown = presentCustomer(full, 'full');
    assert.deepEqual(shown, { ...full, masked: [] });
  });

  it('contactsMasked: partly hides the four contact fields and lists exactly them', () => {
    const shown = presentCustomer(full, 'contactsMasked');
    assert.equal(shown.phone, '090-****-5678');
    assert.equal(shown.email, 'h***@example.com');
    assert.equal(shown.lineUserId, 'U***cdef');
    assert.equal(shown.postalCode, '150-****');
    assert.equal(shown.familyName, '山田');
    assert.equal(shown.notes, 'カラーは明るめ希望');
    assert.equal(shown.birthday, '1990-04-01');
    const { masked, ...rest } = shown;
    assert.deepEqual([...masked].sort(), changedFields(full, rest).sort());
    assert.deepEqual([...masked].sort(), ['email', 'lineUserId', 'phone', 'postalCode']);
  });

  it('contactsMasked: lists only the contacts that exist', () => {
    const partial = { ...full, email: null, lineUserId: null };
    const shown = presentCustomer(partial, 'contactsMasked');
    assert.deepEqual([...shown.masked].sort(), ['phone', 'postalCode']);
    assert.equal(shown.email, null);
    assert.equal(shown.lineUserId, null);
  });

  it('none: removes every personal field, keeps statistics, lists exactly what was removed', () => {
    const shown = presentCustomer(full, 'none');
    for (const field of piiFields) assert.equal(shown[field], null, field);
    assert.equal(shown.gender, 'female');
    assert.equal(shown.birthYear, 1990);
    assert.equal(shown.area, '渋谷区');
    assert.deepEqual(shown.stats, full.stats);
    assert.equal(shown.acquisitionChannelId, full.acquisitionChannelId);
    // Customer number, tags and custom attributes go too: they identify, or hold health details.
    assert.deepEqual([shown.externalId, shown.tags, shown.attributes], [null, [], {}]);
    const { masked, ...rest } = shown;
    assert.deepEqual([...masked].sort(), changedFields(full, rest).sort());
    assert.deepEqual([...masked].sort(), [...piiFields, 'externalId', 'tags', 'attributes'].sort());
  });

  it('none: does not list fields that were already empty', () => {
    const shown = presentCustomer({ ...full, notes: null, birthday: null, givenName: null }, 'none');
    assert.ok(!shown.masked.includes('notes'));
    assert.ok(!shown.masked.includes('birthday'));
    assert.ok(!shown.masked.includes('givenName'));
    assert.equal(shown.masked.length, [...piiFields, 'externalId', 'tags', 'attributes'].length - 3);
  });

  it('does not change the stored customer', () => {
    const copy = structuredClone(full);
    presentCustomer(full, 'contactsMasked');
    presentCustomer(full, 'none');
    assert.deepEqual(full, copy);
  });
});
