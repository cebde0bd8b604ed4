export { createRng, splitmix32, type Rng } from './prng.js';
export { uniform, standardNormal, normal, exponential, gamma, beta, logNormal } from './continuous.js';
export { bernoulli, poisson, geometric, categorical, createCategorical } from './discrete.js';
export { pick, weightedPick, createWeightedPicker, shuffle } from './collections.js';
