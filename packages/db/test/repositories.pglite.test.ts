import { runRepositoryContract } from './contract/index.js';

runRepositoryContract('pglite');
