import type { Engine } from '@kayoi/db';
import { describe } from 'node:test';
import { accountContract } from './accounts.contract.js';
import { analyticsInputContract } from './analyticsInput.contract.js';
import { customerContract } from './customers.contract.js';
import { useContractFixture } from './fixture.js';
import { referenceDataContract } from './referenceData.contract.js';
import { segmentContract } from './segments.contract.js';
import { visitContract } from './visits.contract.js';

/** Every repository, one suite: each engine must pass all of it. */
export function runRepositoryContract(engine: Engine) {
  describe(`repositories on ${engine}`, () => {
    const fixture = useContractFixture(engine);
    accountContract(fixture);
    referenceDataContract(fixture);
    customerContract(fixture);
    visitContract(fixture);
    segmentContract(fixture);
    analyticsInputContract(fixture);
  });
}
