'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { toast } from 'sonner';
import { saveCollectionSheet } from '@/app/(app)/collection/actions';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { CollectionLine } from '@/db/queries/planning';
import { toCount } from './total-forecast-form';

const COUNTS = ['purchases', 'sales', 'stock'] as const;

export function CollectionSheetForm({ retailerId, week, lines }: { retailerId: number; week: string; lines: CollectionLine[] }) {
  const t = useTranslations('collection');
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  // one id per filled-in sheet: a double tap saves once; a later correction is a new submission
  const clientId = useRef<string>(crypto.randomUUID?.() ?? '');
  const describe = (name: string) => ({ 'aria-invalid': !!errors[name], 'aria-describedby': errors[name] ? `err-${name}` : undefined });

  return (
    <form
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const input = {
          clientId: clientId.current,
          retailerId,
          weekStart: week,
          lines: lines.map((l, i) => ({
            specId: l.specId,
            purchases: toCount(data.get(`lines.${i}.purchases`)),
            sales: toCount(data.get(`lines.${i}.sales`)),
            stock: toCount(data.get(`lines.${i}.stock`)),
            price: String(data.get(`lines.${i}.price`) ?? ''),
            stockOutDays: toCount(data.get(`lines.${i}.stockOutDays`)),
          })),
        };
        startTransition(async () => {
          const r = await saveCollectionSheet(input);
          if (r.ok) {
            clientId.current = crypto.randomUUID?.() ?? '';
            setErrors({});
            toast.success(t('saved'));
            router.refresh();
          } else {
            setErrors(r.fieldErrors ?? { _form: [r.message] });
          }
        });
      }}
    >
      {lines.map((l, i) => (
        <fieldset key={l.specId} className="space-y-2 rounded-lg border bg-card p-3" data-testid={`sheet-line-${l.specId}`}>
          <legend className="px-1 font-medium">{l.specName}</legend>
          <div className="grid grid-cols-2 gap-2">
            {COUNTS.map((k) => {
              const name = `lines.${i}.${k}`;
              return (
                <div key={k} className="space-y-1">
                  <Label htmlFor={name}>{t(`fields.${k}`)}</Label>
                  <Input id={name} name={name} inputMode="numeric" pattern="[0-9]*" autoComplete="off" defaultValue={l[k] ?? ''} {...describe(name)} />
                  <FieldError id={`err-${name}`} messages={errors[name]} />
                </div>
              );
            })}
            <div className="space-y-1">
              <Label htmlFor={`lines.${i}.price`}>{t('fields.price')}</Label>
              <Input
                id={`lines.${i}.price`}
                name={`lines.${i}.price`}
                inputMode="decimal"
                autoComplete="off"
                defaultValue={l.priceFen === null ? '' : (l.priceFen / 100).toFixed(2)}
                {...describe(`lines.${i}.price`)}
              />
              <FieldError id={`err-lines.${i}.price`} messages={errors[`lines.${i}.price`]} />
            </div>
            <div className="space-y-1">
              <Label htmlFor={`lines.${i}.stockOutDays`}>{t('fields.stockOutDays')}</Label>
              <Input
                id={`lines.${i}.stockOutDays`}
                name={`lines.${i}.stockOutDays`}
                inputMode="numeric"
                pattern="[0-9]*"
                autoComplete="off"
                defaultValue={l.stockOutDays ?? ''}
                {...describe(`lines.${i}.stockOutDays`)}
              />
              <FieldError id={`err-lines.${i}.stockOutDays`} messages={errors[`lines.${i}.stockOutDays`]} />
            </div>
          </div>
          <FieldError id={`err-lines.${i}.specId`} messages={errors[`lines.${i}.specId`]} />
        </fieldset>
      ))}
      <FieldError id="err-weekStart" messages={errors.weekStart} />
      <FieldError id="err-lines" messages={errors.lines} />
      <FieldError id="err-_form" messages={errors._form} />
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? t('saving') : t('submit')}
      </Button>
    </form>
  );
}
