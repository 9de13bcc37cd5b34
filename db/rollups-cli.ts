// npm run db:rollups — recomputes every dashboard rollup from the facts (DATABASE_URL, or the
// embedded database). The write path keeps them current; this is for repairs and after bulk loads.
import { sql } from 'drizzle-orm';
import { openDb } from './index';
import { migrate } from './migrate';
import { rebuildRollups } from './rollups';

const handle = await openDb();
const t0 = Date.now();
try {
  await migrate(handle);
  await rebuildRollups(handle.db, (m) => console.log(m));
  // statistics and the visibility map for the rewritten tables (the dashboards' index-only reads)
  await handle.db.execute(sql`vacuum (analyze)`);
  console.log(`[rollups] rebuilt (${handle.driver}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
} finally {
  await handle.close();
}
