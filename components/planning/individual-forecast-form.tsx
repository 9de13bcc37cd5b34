'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { toast } from 'sonner';
import { saveIndividualForecasts } from '@/app/(app)/forecasts/actions';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { FocusShop } from '@/db/queries/planning';
import { toCount } from './total-forecast-form';

export function IndividualForecastForm({ month, weeks, shops }: { month: string; weeks: string[]; shops: FocusShop[] }) {
  const t = useTranslations('forecasts');
  const ts = useTranslations('screening');
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  const clientId = useRef<string>(crypto.randomUUID?.() ?? '');

  return (
    <form
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        // only the shops with a figure are sent; positions map the server's errors back to the shop
        const filled = shops
          .map((s) => ({ retailerId: s.retailerId, raw: String(data.get(`qty-${s.retailerId}`) ?? '').trim(), note: String(data.get(`note-${s.retailerId}`) ?? '').trim() }))
          .filter((l) => l.raw !== '');
        const lines = filled.map((l) => ({ retailerId: l.retailerId, qty: toCount(l.raw), note: l.note || undefined }));
        startTransition(async () => {
          const r = await saveIndividualForecasts({ clientId: clientId.current, month, lines });
          if (r.ok) {
            clientId.current = crypto.randomUUID?.() ?? '';
            setErrors({});
            toast.success(t('individual.saved', { shops: r.data.shops }));
            router.refresh();
          } else {
            const mapped: Record<string, string[]> = {};
            for (const [k, v] of Object.entries(r.fieldErrors ?? { _form: [r.message] })) {
              const m = /^lines\.(\d+)\.(\w+)$/.exec(k);
              mapped[m ? `${m[2]}-${filled[Number(m[1])]?.retailerId}` : k === 'lines' ? '_form' : k] = v;
            }
            setErrors(mapped);
          }
        });
      }}
    >
      <p className="text-xs text-muted-foreground">{t('individual.weeksFrom', { from: weeks[0], to: weeks[weeks.length - 1] })}</p>
      {shops.map((s) => {
        const total = s.weekly.reduce((a, b) => a + b, 0);
        const q = `qty-${s.retailerId}`;
        const n = `note-${s.retailerId}`;
        return (
          <div key={s.retailerId} className="space-y-2 rounded-lg border bg-card p-3" data-testid={`individual-${s.retailerId}`}>
            <div className="flex flex-wrap items-center gap-2">
              <span className="min-w-0 flex-1 font-medium">{s.name}</span>
              {s.group ? <Badge variant="warning">{ts(`groups.${s.group}`)}</Badge> : <Badge variant="outline">{ts('enterpriseFlag')}</Badge>}
            </div>
            <p className="text-sm text-muted-foreground" id={`hist-${s.retailerId}`}>
              {t('individual.history', { weeks: s.weekly.join(' · '), total, avg: Math.round(total / Math.max(1, s.weekly.length)) })}
            </p>
            <div className="grid grid-cols-2 gap-2">
              <div className="space-y-1">
                <Label htmlFor={q}>{t('individual.qty')}</Label>
                <Input
                  id={q}
                  name={q}
                  inputMode="numeric"
                  pattern="[0-9]*"
                  autoComplete="off"
                  defaultValue={s.forecast ?? ''}
                  aria-invalid={!!errors[q]}
                  aria-describedby={errors[q] ? `err-${q}` : `hist-${s.retailerId}`}
                />
              </div>
              <div className="space-y-1">
                <Label htmlFor={n}>{t('individual.note')}</Label>
                <Input id={n} name={n} defaultValue={s.note ?? ''} aria-invalid={!!errors[n]} aria-describedby={errors[n] ? `err-${n}` : undefined} />
              </div>
            </div>
            <FieldError id={`err-${q}`} messages={errors[q]} />
            <FieldError id={`err-${n}`} messages={errors[n]} />
          </div>
        );
      })}
      <FieldError id="err-month" messages={errors.month} />
      <FieldError id="err-_form" messages={errors._form} />
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? t('saving') : t('individual.submit')}
      </Button>
    </form>
  );
}
