import type { Db } from '@/db/index';
import { openPeriods, periodsOf } from '@/db/rollups';
import { runEscalation } from '@/lib/complaints/escalation';
import { log, logError } from '@/lib/log.mjs';
import { dateInTz } from '@/lib/time';

let timer: ReturnType<typeof setInterval> | undefined;
let running = false;

/**
 * The jobs that run inside the server on a schedule (every ESCALATION_INTERVAL_MS, default 5
 * minutes; 0 turns them off): overdue complaints escalate, and the dashboards' new week and month
 * are computed whole as they begin, so a visit only ever adds its shop's share.
 */
export function startSchedules(getDb: () => Promise<Db>, clock: () => Date = () => new Date()) {
  const every = Number(process.env.ESCALATION_INTERVAL_MS ?? 300_000);
  if (!every || timer) return;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const db = await getDb();
      const at = clock();
      await db.transaction((tx) => openPeriods(tx, periodsOf(dateInTz(at))));
      const made = await runEscalation(db, at);
      if (made.length) log('info', 'complaints escalated', { count: made.length });
    } catch (e) {
      logError('scheduled job failed', e);
    } finally {
      running = false;
    }
  };
  setTimeout(tick, 10_000).unref();
  timer = setInterval(tick, every);
  timer.unref();
}
