import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { roles, type Role } from '@kayoi/contracts';
import { checkPermission, permissions, piiViewFor, type Permission } from '../src/auth/permissions.js';
import { actorFor, systemActor } from '../src/shared/actor.js';

/** The matrix, written out by hand: a change to the roles has to change this table too. */
const expected: Record<Role, Permission[]> = {
  owner: [...permissions],
  manager: [
    'tenant.read',
    'users.read',
    'settings.read',
    'settings.manage',
    'customers.read',
    'customers.write',
    'customers.erase',
    'visits.read',
    'visits.write',
    'visits.void',
    'imports.run',
    'audit.read',
    'analytics.read',
    'analytics.refresh',
    'analytics.export',
    'segments.read',
    'segments.manage',
    'templates.read',
    'templates.manage',
    'broadcasts.read',
    'broadcasts.manage',
    'journeys.read',
    'journeys.manage',
  ],
  staff: [
    'tenant.read',
    'users.read',
    'settings.read',
    'customers.read',
    'customers.write',
    'visits.read',
    'visits.write',
  ],
  analyst: [
    'tenant.read',
    'users.read',
    'settings.read',
    'customers.read',
    'visits.read',
    'analytics.read',
    'segments.read',
    'templates.read',
    'broadcasts.read',
    'journeys.read',
  ],
};

describe('role matrix', () => {
  for (const role of roles) {
    it(`${role} has exactly its permissions`, () => {
      const granted = permissions.filter((p) => checkPermission(role, p));
      assert.deepEqual(granted, expected[role]);
    });
  }

  it('the owner can do everything', () => {
    for (const p of permissions) assert.ok(checkPermission('owner', p), p);
  });

  it('a manager cannot change the business settings or who works there', () => {
    assert.equal(checkPermission('manager', 'tenant.manage'), false);
    assert.equal(checkPermission('manager', 'users.manage'), false);
    assert.equal(checkPermission('manager', 'customers.erase'), true);
  });

  it('staff cannot erase, void, import, read the audit log or change settings', () => {
    for (const p of ['customers.erase', 'visits.void', 'imports.run', 'audit.read', 'settings.manage'] as const) {
      assert.equal(checkPermission('staff', p), false, p);
    }
    assert.ok(checkPermission('staff', 'customers.write'));
    assert.ok(checkPermission('staff', 'visits.write'));
  });

  it('an analyst only reads', () => {
    for (const p of permissions) {
      if (!p.endsWith('.read')) assert.equal(checkPermission('analyst', p), false, p);
    }
    // The audit log names who looked at whom: not for analysts either.
    assert.equal(checkPermission('analyst', 'audit.read'), false);
  });
});

describe('piiViewFor', () => {
  it('owner and manager see everything', () => {
    for (const staffCanSeeContacts of [false, true]) {
      assert.equal(piiViewFor('owner', { staffCanSeeContacts }), 'full');
      assert.equal(piiViewFor('manager', { staffCanSeeContacts }), 'full');
    }
  });

  it('staff see masked contacts unless the business allows them', () => {
    assert.equal(piiViewFor('staff', { staffCanSeeContacts: false }), 'contactsMasked');
    assert.equal(piiViewFor('staff', { staffCanSeeContacts: true }), 'full');
  });

  it('analysts never see personal data, whatever the setting', () => {
    assert.equal(piiViewFor('analyst', { staffCanSeeContacts: false }), 'none');
    assert.equal(piiViewFor('analyst', { staffCanSeeContacts: true }), 'none');
  });

  it('actors carry the view of their role; the system acts as an owner with no user', () => {
    const actor = actorFor({ id: 'u1', role: 'staff' }, { staffCanSeeContacts: false });
    assert.deepEqual(actor, { userId: 'u1', role: 'staff', piiView: 'contactsMasked' });
    assert.deepEqual(systemActor, { userId: null, role: 'owner', piiView: 'full' });
  });
});
