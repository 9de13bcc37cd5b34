'use client';

import { listOutbox, putOutbox, type OutboxItem } from './store';

type SyncOutcome = 'synced' | 'rejected' | 'kept' | 'signed-out';

// One item: 200 acknowledges it (a repeat returns the first result, so resending is safe); 4xx
// means the server refused it and the manager must fix it; network errors and 5xx keep it queued.
export async function sendOne(item: OutboxItem): Promise<SyncOutcome> {
  let res: Response;
  try {
    res = await fetch('/api/v1/visits', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...item.payload, deviceSentAt: new Date().toISOString() }),
      credentials: 'same-origin',
    });
  } catch {
    return 'kept';
  }
  if (res.status === 401) return 'signed-out';
  if (res.status >= 500) return 'kept';
  const body = (await res.json().catch(() => null)) as
    | { ok: true; data: { visitId: string } }
    | { ok: false; message: string; fieldErrors?: Record<string, string[]>; retry?: boolean }
    | null;
  if (body && !body.ok && body.retry) return 'kept';
  if (res.ok && body && body.ok) {
    await putOutbox({ ...item, state: 'synced', visitId: body.data.visitId, syncedAt: new Date().toISOString(), message: undefined, fieldErrors: undefined });
    return 'synced';
  }
  await putOutbox({ ...item, state: 'rejected', message: body && !body.ok ? body.message : `HTTP ${res.status}`, fieldErrors: body && !body.ok ? body.fieldErrors : undefined });
  return 'rejected';
}

let running: Promise<Record<SyncOutcome, number>> | null = null;

/** Sends every queued visit once; concurrent callers share one run. */
export function syncOutbox(): Promise<Record<SyncOutcome, number>> {
  running ??= (async () => {
    const tally: Record<SyncOutcome, number> = { synced: 0, rejected: 0, kept: 0, 'signed-out': 0 };
    try {
      const items = (await listOutbox()).filter((i) => i.state === 'pending');
      for (const item of items) {
        const outcome = await sendOne(item);
        tally[outcome]++;
        if (outcome === 'signed-out' || outcome === 'kept') break;
      }
    } finally {
      running = null;
    }
    return tally;
  })();
  return running;
}
