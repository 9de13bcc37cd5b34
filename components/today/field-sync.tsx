'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { listOutbox, savePrefill, type OutboxItem } from '@/lib/offline/store';
import { syncOutbox } from '@/lib/offline/sync';
import type { Prefill } from '@/db/queries/prefill';

/**
 * Keeps the phone ready for a day without network: registers the service worker, stores the
 * day's pre-fill data, and sends finished visits waiting on the device whenever the network is up.
 */
export function FieldSync({ day }: { day: string }) {
  const t = useTranslations('today');
  const tv = useTranslations('visit');
  const [items, setItems] = useState<OutboxItem[]>([]);

  const refresh = useCallback(async () => setItems((await listOutbox(day)).filter((i) => i.state !== 'synced' || i.day === day)), [day]);

  const sync = useCallback(async () => {
    await syncOutbox();
    await refresh();
  }, [refresh]);

  useEffect(() => {
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker
        .register('/sw.js')
        .then(async () => {
          const reg = await navigator.serviceWorker.ready;
          reg.active?.postMessage({ type: 'warm' });
        })
        .catch(() => {});
    }
    if (navigator.onLine) {
      fetch('/api/v1/prefill', { credentials: 'same-origin' })
        .then((r) => (r.ok ? (r.json() as Promise<Prefill>) : null))
        .then((data) => data && savePrefill(`day:${day}`, data))
        .catch(() => {});
    }
    void refresh();
    void sync();
    const onChange = () => void refresh();
    const onOnline = () => void sync();
    window.addEventListener('rounds:outbox', onChange);
    window.addEventListener('online', onOnline);
    const timer = setInterval(() => navigator.onLine && void sync(), 30_000);
    return () => {
      window.removeEventListener('rounds:outbox', onChange);
      window.removeEventListener('online', onOnline);
      clearInterval(timer);
    };
  }, [day, refresh, sync]);

  const waiting = items.filter((i) => i.state !== 'synced');
  const synced = items.filter((i) => i.state === 'synced');
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="outbox-heading" className="space-y-2 rounded-lg border bg-card p-3" data-testid="outbox">
      <div className="flex items-center justify-between">
        <h2 id="outbox-heading" className="font-semibold">
          {t('outbox')}
        </h2>
        {waiting.length > 0 && (
          <Button size="sm" variant="outline" onClick={() => void sync()}>
            {t('syncNow')}
          </Button>
        )}
      </div>
      <ul className="space-y-1 text-sm">
        {[...waiting, ...synced].map((i) => (
          <li key={i.clientId} className="flex items-center gap-2" data-state={i.state} data-retailer={i.retailerId}>
            <span className="min-w-0 flex-1 truncate">{i.retailerName}</span>
            <Badge variant={i.state === 'synced' ? 'success' : i.state === 'rejected' ? 'destructive' : 'warning'}>
              {tv(`status.${i.state}`)}
            </Badge>
            {i.state === 'rejected' && (
              <a className="text-primary underline" href={`/visit?r=${i.retailerId}`}>
                {tv('fixErrors')}
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
