'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useMemo, useRef, useState, useTransition } from 'react';
import { editVisitPlan, proposeVisitPlan, submitVisitPlan } from '@/app/(app)/plan/actions';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { NativeSelect } from '@/components/ui/select';
import { cn } from '@/lib/utils';

type Item = { id: number; day: string; seq: number; retailerId: number; name: string; routeName: string };
type DayCheck = { day: string; count: number; standard: number; near: boolean };

export function PlanCalendar({
  month,
  days,
  workingDays,
  items,
  shops,
  editable,
  hasPlan,
}: {
  month: string;
  days: DayCheck[];
  workingDays: string[];
  items: Item[];
  shops: { id: number; name: string }[];
  editable: boolean;
  hasPlan: boolean;
}) {
  const t = useTranslations('plan');
  const router = useRouter();
  const [selected, setSelected] = useState<string | null>(null);
  const [addShop, setAddShop] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  const submitId = useRef<string | null>(null);
  const checkOf = useMemo(() => new Map(days.map((d) => [d.day, d])), [days]);
  const dayItems = useMemo(() => items.filter((i) => i.day === selected), [items, selected]);

  const run = (fn: () => Promise<{ ok: boolean; message?: string; fieldErrors?: Record<string, string[]> }>) =>
    startTransition(async () => {
      const r = await fn();
      if (r.ok) {
        setErrors({});
        router.refresh();
      } else setErrors(r.fieldErrors ?? { _form: [r.message ?? ''] });
    });

  // the month as weeks, Monday first
  const first = new Date(`${month}T00:00:00Z`);
  const lead = (first.getUTCDay() + 6) % 7;
  const total = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const cells: (string | null)[] = [...Array(lead).fill(null), ...Array.from({ length: total }, (_, i) => `${month.slice(0, 8)}${String(i + 1).padStart(2, '0')}`)];
  while (cells.length % 7) cells.push(null);

  return (
    <div className="space-y-4">
      {editable && (
        <div className="flex flex-wrap gap-2">
          <Button
            variant={hasPlan ? 'outline' : 'default'}
            className="min-h-11"
            disabled={pending}
            onClick={() => {
              if (hasPlan && !window.confirm(t('confirmPropose'))) return;
              run(() => proposeVisitPlan({ month }));
            }}
          >
            {t('propose')}
          </Button>
          {hasPlan && (
            <Button
              className="min-h-11"
              disabled={pending}
              onClick={() =>
                run(() => {
                  submitId.current ??= crypto.randomUUID();
                  return submitVisitPlan({ clientId: submitId.current, month });
                })
              }
            >
              {t('submit')}
            </Button>
          )}
        </div>
      )}
      <FieldError id="plan-form-err" messages={errors._form ?? errors.month} />

      <div className="grid grid-cols-7 gap-1 text-center text-xs" role="grid" aria-label={t('calendar')} data-testid="plan-calendar">
        {(['1', '2', '3', '4', '5', '6', '7'] as const).map((w) => (
          <div key={w} className="py-1 font-medium text-muted-foreground" role="columnheader">
            {t(`weekday.${w}`)}
          </div>
        ))}
        {cells.map((d, i) => {
          if (!d) return <div key={`e${i}`} />;
          const working = workingDays.includes(d);
          const c = checkOf.get(d);
          return (
            <button
              key={d}
              type="button"
              disabled={!working && !c?.count}
              onClick={() => setSelected(d)}
              aria-pressed={selected === d}
              aria-label={t('dayLabel', { day: d, count: c?.count ?? 0 })}
              data-day={d}
              data-count={c?.count ?? 0}
              className={cn(
                'flex min-h-14 flex-col items-center justify-center rounded-md border text-sm',
                !working && 'bg-muted text-muted-foreground',
                working && c && !c.near && 'border-warning/60 bg-warning/10',
                working && c?.near && 'border-success/50 bg-success/10',
                selected === d && 'ring-2 ring-primary',
              )}
            >
              <span>{Number(d.slice(8))}</span>
              {(c?.count ?? 0) > 0 && <span className="font-semibold tabular-nums">{c!.count}</span>}
            </button>
          );
        })}
      </div>
      <p className="text-xs text-muted-foreground">{t('legend')}</p>

      {selected && (
        <section aria-labelledby="day-heading" className="space-y-2 rounded-lg border p-3" data-testid="plan-day">
          <h2 id="day-heading" className="font-semibold">
            {t('dayHeading', { day: selected, count: dayItems.length, standard: checkOf.get(selected)?.standard ?? 0 })}
          </h2>
          {dayItems.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t('emptyDay')}</p>
          ) : (
            <ul className="divide-y text-sm">
              {dayItems.map((it) => (
                <li key={it.id} className="flex flex-wrap items-center gap-2 py-2" data-testid="plan-item">
                  <span className="min-w-0 flex-1 truncate">
                    {it.seq}. {it.name} <span className="text-muted-foreground">· {it.routeName}</span>
                  </span>
                  {editable && (
                    <>
                      <NativeSelect
                        aria-label={t('moveTo', { name: it.name })}
                        className="h-10 w-36"
                        value=""
                        onChange={(e) => e.target.value && run(() => editVisitPlan({ op: 'move', month, itemId: it.id, toDay: e.target.value }))}
                      >
                        <option value="">{t('move')}</option>
                        {workingDays
                          .filter((d) => d !== selected)
                          .map((d) => (
                            <option key={d} value={d}>
                              {d.slice(5)}（{checkOf.get(d)?.count ?? 0}）
                            </option>
                          ))}
                      </NativeSelect>
                      <Button variant="ghost" className="min-h-10" disabled={pending} onClick={() => run(() => editVisitPlan({ op: 'remove', month, itemId: it.id }))}>
                        {t('remove')}
                      </Button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          <FieldError id="plan-move-err" messages={errors.toDay} />
          {editable && (
            <div className="flex gap-2">
              <NativeSelect aria-label={t('addShop')} className="h-10 min-w-0 flex-1" value={addShop} onChange={(e) => setAddShop(e.target.value)} aria-invalid={!!errors.retailerId}>
                <option value="">{t('addShop')}</option>
                {shops.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </NativeSelect>
              <Button className="min-h-10" disabled={pending} onClick={() => run(() => editVisitPlan({ op: 'add', month, day: selected, retailerId: Number(addShop) || 0 }))}>
                {t('add')}
              </Button>
            </div>
          )}
          <FieldError id="plan-add-err" messages={errors.retailerId ?? errors.day} />
        </section>
      )}
    </div>
  );
}
