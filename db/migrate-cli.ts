import { openDb } from './index';
import { migrate } from './migrate';

const handle = await openDb();
const t0 = Date.now();
await migrate(handle);
console.log(`migrations applied (${handle.driver}) in ${Date.now() - t0} ms`);
await handle.close();
