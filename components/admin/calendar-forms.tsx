'use client';

import { useTranslations } from 'next-intl';
import { addCalendarDays, removeCalendarDay } from '@/app/(admin)/admin/calendar/actions';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/select';
import { bindField, Field, FormError, useActionForm } from './form-kit';

export function AddCalendarDaysForm({ year }: { year: number }) {
  const t = useTranslations('adminCalendar');
  const form = useActionForm(addCalendarDays, { prefix: 'cal', success: t('added') });
  const f = bindField(form);
  return (
    <form noValidate className="grid items-start gap-3 sm:grid-cols-5" onSubmit={form.onSubmit()} data-testid="calendar-form">
      <Field label={t('kind')} {...f('kind')}>
        <NativeSelect {...form.control('kind')} defaultValue="holiday">
          <option value="holiday">{t('kinds.holiday')}</option>
          <option value="workday">{t('kinds.workday')}</option>
        </NativeSelect>
      </Field>
      <Field label={t('day')} {...f('day')}>
        <Input {...form.control('day')} type="date" min={`${year}-01-01`} max={`${year}-12-31`} />
      </Field>
      <Field label={t('to')} hint={t('toHint')} {...f('to')}>
        <Input {...form.control('to')} type="date" min={`${year}-01-01`} max={`${year}-12-31`} />
      </Field>
      <Field label={t('name')} hint={t('nameHint')} {...f('name')}>
        <Input {...form.control('name')} />
      </Field>
      <div className="space-y-1.5 pt-5">
        <Button type="submit" disabled={form.pending}>
          {t('add')}
        </Button>
        <FormError form={form} />
      </div>
    </form>
  );
}

export function RemoveCalendarDayButton({ day }: { day: string }) {
  const t = useTranslations('adminCalendar');
  const form = useActionForm(removeCalendarDay, { prefix: `cal-${day}`, success: t('removed') });
  return (
    <>
      <Button type="button" variant="ghost" size="sm" disabled={form.pending} onClick={() => form.submit({ day })}>
        {t('remove')}
      </Button>
      <FormError form={form} />
    </>
  );
}
