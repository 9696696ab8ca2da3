// Worker bootstrap: worker threads do not inherit the test runner's TypeScript loader, so register
// tsx here and then load the TypeScript device.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
