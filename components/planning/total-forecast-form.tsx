'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { toast } from 'sonner';
import { saveTotalForecast } from '@/app/(app)/forecasts/actions';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

type Row = { priceClass: number; months: number[]; lastMonth: number; average3: number; forecast: number | null };

/** An empty box is sent as missing, so the server says "请填写", never a silent 0. */
export function toCount(v: FormDataEntryValue | null): number | undefined {
  const s = String(v ?? '').trim();
  return s === '' ? undefined : Number(s);
}

export function TotalForecastForm({ month, guideMonths, rows }: { month: string; guideMonths: string[]; rows: Row[] }) {
  const t = useTranslations('forecasts');
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  const [values, setValues] = useState(rows.map((r) => (r.forecast === null ? '' : String(r.forecast))));
  // one id per filled-in form: a double tap saves once; a later correction is a new submission
  const clientId = useRef<string>(crypto.randomUUID?.() ?? '');
  const sum = values.reduce((a, v) => a + (Number(v) || 0), 0);
  const field = (name: string) => ({ 'aria-invalid': !!errors[name], 'aria-describedby': errors[name] ? `err-${name}` : `guide-${name}` });

  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const input = { clientId: clientId.current, month, qty: rows.map((_, i) => toCount(data.get(`qty.${i}`))) };
        startTransition(async () => {
          const r = await saveTotalForecast(input);
          if (r.ok) {
            clientId.current = crypto.randomUUID?.() ?? '';
            setErrors({});
            toast.success(t('total.saved', { total: r.data.total }));
            router.refresh();
          } else setErrors(r.fieldErrors ?? { _form: [r.message] });
        });
      }}
    >
      {rows.map((r, i) => (
        <div key={r.priceClass} className="space-y-2 rounded-lg border bg-card p-3">
          <Label htmlFor={`qty.${i}`}>{t('total.classLabel', { cls: t(`classes.${r.priceClass}`) })}</Label>
          <p id={`guide-qty.${i}`} className="text-sm text-muted-foreground">
            {t('total.guide', {
              last: r.lastMonth,
              avg: r.average3,
              detail: guideMonths.map((m, k) => t('monthQty', { month: Number(m.slice(5, 7)), qty: r.months[k] })).join(' / '),
            })}
          </p>
          <Input
            id={`qty.${i}`}
            name={`qty.${i}`}
            inputMode="numeric"
            pattern="[0-9]*"
            autoComplete="off"
            value={values[i]}
            onChange={(e) => setValues(values.map((v, j) => (j === i ? e.target.value : v)))}
            {...field(`qty.${i}`)}
          />
          <FieldError id={`err-qty.${i}`} messages={errors[`qty.${i}`]} />
        </div>
      ))}
      <p className="text-sm font-medium" data-testid="forecast-sum">
        {t('total.sum', { total: sum })}
      </p>
      <FieldError id="err-month" messages={errors.month} />
      <FieldError id="err-_form" messages={errors._form} />
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? t('saving') : t('total.submit')}
      </Button>
    </form>
  );
}
