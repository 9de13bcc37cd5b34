'use client';

import { useTranslations } from 'next-intl';
import { useOptimistic, useState, useTransition } from 'react';
import { toast } from 'sonner';
import { markMissed, reorderSchedule } from '@/app/(app)/today/actions';
import type { ScheduleItem } from '@/db/queries/schedule';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { NativeSelect } from '@/components/ui/select';
import { Input } from '@/components/ui/input';
import { missedReasons } from '@/lib/visits/schema';

export function ScheduleList({ day, items }: { day: string; items: ScheduleItem[] }) {
  const t = useTranslations('today');
  const [ordered, setOrdered] = useOptimistic(items);
  const [, startTransition] = useTransition();
  const [missing, setMissing] = useState<number | null>(null);

  function move(index: number, delta: -1 | 1) {
    const next = [...ordered];
    const [it] = next.splice(index, 1);
    next.splice(index + delta, 0, it);
    startTransition(async () => {
      setOrdered(next);
      const r = await reorderSchedule({ day, retailerIds: next.map((i) => i.retailerId) });
      if (!r.ok) toast.error(t('reorderFailed'));
    });
  }

  return (
    <ol className="space-y-2" data-testid="schedule">
      {ordered.map((s, i) => (
        <li key={s.retailerId} className="rounded-lg border bg-card p-3" data-retailer={s.retailerId}>
          <div className="flex items-center gap-3">
            <span className="w-6 text-center text-sm text-muted-foreground">{i + 1}</span>
            <div className="min-w-0 flex-1">
              <p className="truncate font-medium">{s.name}</p>
              <p className="truncate text-xs text-muted-foreground">
                {s.routeName} · {t('grade', { grade: s.grade })} · {s.address}
              </p>
            </div>
            {s.visited ? (
              <Badge variant="success">{t('visited')}</Badge>
            ) : s.missedReason ? (
              <Badge variant="warning">{t('missedReasonLabel', { reason: t(`reasons.${s.missedReason}`) })}</Badge>
            ) : (
              <Badge variant="secondary">{t('pending')}</Badge>
            )}
          </div>
          {!s.visited && (
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <Button asChild size="sm" className="min-h-11 px-4">
                {/* a full page load, so the service worker can serve it offline */}
                <a href={`/visit?r=${s.retailerId}`}>{t('start')}</a>
              </Button>
              <Button size="sm" variant="outline" className="min-h-11" onClick={() => setMissing(missing === s.retailerId ? null : s.retailerId)}>
                {t('markMissed')}
              </Button>
              <span className="ml-auto flex gap-1">
                <Button size="icon" variant="ghost" aria-label={t('moveUp')} disabled={i === 0} onClick={() => move(i, -1)}>
                  ↑
                </Button>
                <Button size="icon" variant="ghost" aria-label={t('moveDown')} disabled={i === ordered.length - 1} onClick={() => move(i, 1)}>
                  ↓
                </Button>
              </span>
            </div>
          )}
          {missing === s.retailerId && <MissedForm day={day} item={s} onDone={() => setMissing(null)} />}
        </li>
      ))}
    </ol>
  );
}

function MissedForm({ day, item, onDone }: { day: string; item: ScheduleItem; onDone: () => void }) {
  const t = useTranslations('today');
  const [reason, setReason] = useState<string>(item.missedReason ?? '');
  const [note, setNote] = useState(item.missedNote ?? '');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  const id = `missed-${item.retailerId}`;
  return (
    <form
      className="mt-3 space-y-2 rounded-md border bg-muted/40 p-3"
      aria-label={t('missedTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const r = await markMissed({ retailerId: item.retailerId, day, reason: reason || undefined, note: note || undefined });
          if (r.ok) {
            toast.success(t('missedSaved'));
            onDone();
          } else {
            setErrors(r.fieldErrors ?? { _form: [r.message] });
          }
        });
      }}
    >
      <p className="text-sm font-medium">{t('missedTitle')}</p>
      <NativeSelect
        aria-label={t('reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-invalid={!!errors.reason}
        aria-describedby={errors.reason ? `${id}-reason` : undefined}
      >
        <option value="">{t('reason')}</option>
        {missedReasons.map((r) => (
          <option key={r} value={r}>
            {t(`reasons.${r}`)}
          </option>
        ))}
      </NativeSelect>
      <FieldError id={`${id}-reason`} messages={errors.reason} />
      <Input
        aria-label={t('missedNote')}
        placeholder={t('missedNote')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        aria-invalid={!!errors.note}
        aria-describedby={errors.note ? `${id}-note` : undefined}
      />
      <FieldError id={`${id}-note`} messages={errors.note} />
      <FieldError id={`${id}-form`} messages={errors._form} />
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {t('save')}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
