import { sql } from 'drizzle-orm';
import { getDb } from '@/db/index';

export const dynamic = 'force-dynamic';

// used by the end-to-end web server check and by load balancers
export async function GET() {
  const db = await getDb();
  await db.execute(sql`select 1`);
  return Response.json({ ok: true });
}
