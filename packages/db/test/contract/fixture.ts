import assert from 'node:assert/strict';
import { AppFailure, type DataStore, type TenantRepos } from '@kayoi/core';
import { createDataStore, type Engine } from '@kayoi/db';
import { openTestDatabase, type TestDatabase } from '@kayoi/db/testing';
import { after, before } from 'node:test';

export interface ContractFixture {
  engine: Engine;
  test: TestDatabase;
  store: DataStore;
  /** A fresh tenant per call, so cases do not depend on each other's rows. */
  newTenant(name?: string): Promise<TenantRepos>;
}

/** Opens one database for a describe block and closes it after. */
export function useContractFixture(engine: Engine): ContractFixture {
  const fixture = { engine } as ContractFixture;
  before(async () => {
    fixture.test = await openTestDatabase(engine);
    fixture.store = createDataStore(fixture.test.db);
    fixture.newTenant = async (name = 'Salon') => {
      const tenant = await fixture.store.directory.create({ name, timeZone: 'Asia/Tokyo' });
      return fixture.store.forTenant(tenant.id);
    };
  });
  after(async () => fixture.test.drop());
  return fixture;
}

export function rejectsWithCode(work: Promise<unknown>, code: string): Promise<void> {
  return assert.rejects(work, (err) => err instanceof AppFailure && err.error.code === code);
}
