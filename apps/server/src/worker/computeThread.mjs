// Worker-thread entry: the refresh's computation runs here so the main thread (and the
// embedded database living on it) keeps serving requests. TypeScript is loaded through tsx
// as in the main process.
import { register } from 'tsx/esm/api';

register();
await import('./computeInThread.ts');
