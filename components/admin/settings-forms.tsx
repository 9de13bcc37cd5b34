'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { saveComplaintCategory, updateSettings } from '@/app/(admin)/admin/settings/actions';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { TableCell, TableRow } from '@/components/ui/table';
import { bindField, Field, FormError, formValues, useActionForm } from './form-kit';

export type SettingField = {
  key: string;
  kind: 'int' | 'num' | 'time' | 'timeZone' | 'frequency';
  value: unknown;
  defaultValue: unknown;
  min?: number;
  max?: number;
  judgement?: boolean;
  overridden: boolean;
};
type Band = { gradeMin: number | string; gradeMax: number | string; perMonth: number | string };

const show = (v: unknown) => (Array.isArray(v) ? (v as Band[]).map((b) => `${b.gradeMin}–${b.gradeMax}: ${b.perMonth}`).join('；') : String(v));

export function SettingsGroupForm({ group, fields }: { group: string; fields: SettingField[] }) {
  const t = useTranslations('adminSettings');
  const form = useActionForm(updateSettings, { prefix: group, success: t('saved') });
  const f = bindField(form);
  const freq = fields.find((x) => x.kind === 'frequency');
  const [bands, setBands] = useState<Band[]>((freq?.value as Band[] | undefined) ?? []);

  return (
    <form
      noValidate
      data-testid={`settings-${group}`}
      onSubmit={(e) => {
        e.preventDefault();
        const values: Record<string, unknown> = formValues(e.currentTarget);
        if (freq) {
          for (const k of Object.keys(values)) if (k.startsWith(`${freq.key}.`)) delete values[k];
          values[freq.key] = bands.filter((b) => `${b.gradeMin}${b.gradeMax}${b.perMonth}`.trim() !== '');
        }
        form.submit({ group, values });
      }}
      className="space-y-4"
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {fields
          .filter((x) => x.kind !== 'frequency')
          .map((x) => (
            <Field
              key={x.key}
              label={
                <>
                  {t(`labels.${x.key}`)}
                  {t.has(`units.${x.key}`) && <span className="font-normal text-muted-foreground">（{t(`units.${x.key}`)}）</span>}
                </>
              }
              hint={
                <>
                  {t('default', { value: show(x.defaultValue) })}
                  {x.min !== undefined && ` · ${t('range', { min: x.min, max: x.max ?? '' })}`}
                  {x.overridden && ` · ${t('overridden')}`}
                  {t.has(`help.${x.key}`) && <span className="block">{t(`help.${x.key}`)}</span>}
                  {x.judgement && <span className="block">{t('judgement')}</span>}
                </>
              }
              {...f(x.key)}
            >
              <Input
                {...form.control(x.key)}
                defaultValue={String(x.value)}
                type={x.kind === 'time' ? 'time' : x.kind === 'timeZone' ? 'text' : 'number'}
                step={x.kind === 'int' ? 1 : x.kind === 'num' ? 'any' : undefined}
                min={x.min}
                max={x.max}
                inputMode={x.kind === 'int' ? 'numeric' : x.kind === 'num' ? 'decimal' : undefined}
              />
            </Field>
          ))}
      </div>
      {freq && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">{t(`labels.${freq.key}`)}</legend>
          <p className="text-xs text-muted-foreground">
            {t('frequencyHelp')} {t('default', { value: show(freq.defaultValue) })} {t('judgement')}
          </p>
          <div aria-live="polite">
            <FieldError id={`err-${form.idOf(freq.key)}`} messages={form.errors[freq.key]} />
          </div>
          {bands.map((b, i) => (
            <div key={i} className="flex flex-wrap items-end gap-2" data-testid="frequency-band">
              {(['gradeMin', 'gradeMax', 'perMonth'] as const).map((col) => {
                const name = `${freq.key}.${i}.${col}`;
                return (
                  <div key={col} className="w-32 space-y-1">
                    <label htmlFor={form.idOf(name)} className="text-xs text-muted-foreground">
                      {t(`frequency.${col}`)}
                    </label>
                    <Input
                      {...form.control(name)}
                      type="number"
                      inputMode="numeric"
                      value={b[col]}
                      onChange={(e) => setBands((all) => all.map((x, j) => (j === i ? { ...x, [col]: e.target.value } : x)))}
                    />
                    <FieldError id={`err-${form.idOf(name)}`} messages={form.errors[name]} />
                  </div>
                );
              })}
              <Button type="button" variant="ghost" size="sm" onClick={() => setBands((all) => all.filter((_, j) => j !== i))}>
                {t('frequency.remove')}
              </Button>
            </div>
          ))}
          <Button type="button" variant="outline" size="sm" onClick={() => setBands((all) => [...all, { gradeMin: '', gradeMax: '', perMonth: '' }])}>
            {t('frequency.add')}
          </Button>
        </fieldset>
      )}
      <FormError form={form} />
      <Button type="submit" disabled={form.pending}>
        {form.pending ? t('saving') : t('save')}
      </Button>
    </form>
  );
}

export type CategoryRow = { code: string; nameZh: string; nameEn: string; sort: number; active: boolean };

export function CategoryRowForm({ row }: { row: CategoryRow }) {
  const t = useTranslations('adminSettings.categories');
  const form = useActionForm(saveComplaintCategory, { prefix: `cat-${row.code}`, success: t('saved') });
  const formId = form.idOf('form');
  const err = (name: string) => form.errors[name];
  return (
    <TableRow>
      <TableCell className="font-mono text-xs">{row.code}</TableCell>
      <TableCell>
        <Input {...form.control('nameZh')} form={formId} aria-label={t('nameZh')} defaultValue={row.nameZh} className="h-9" />
        <FieldError id={`err-${form.idOf('nameZh')}`} messages={err('nameZh')} />
      </TableCell>
      <TableCell>
        <Input {...form.control('nameEn')} form={formId} aria-label={t('nameEn')} defaultValue={row.nameEn} className="h-9" />
        <FieldError id={`err-${form.idOf('nameEn')}`} messages={err('nameEn')} />
      </TableCell>
      <TableCell>
        <Input {...form.control('sort')} form={formId} aria-label={t('sort')} type="number" defaultValue={row.sort} className="h-9 w-20" />
        <FieldError id={`err-${form.idOf('sort')}`} messages={err('sort')} />
      </TableCell>
      <TableCell>
        <label className="inline-flex items-center gap-2 text-sm">
          <input {...form.control('active')} form={formId} type="checkbox" defaultChecked={row.active} className="size-4" />
          {t('active')}
        </label>
        <FieldError id={`err-${form.idOf('active')}`} messages={err('active')} />
      </TableCell>
      <TableCell>
        <form id={formId} noValidate onSubmit={form.onSubmit({ isNew: false, code: row.code })}>
          <Button type="submit" size="sm" variant="outline" disabled={form.pending}>
            {t('save')}
          </Button>
        </form>
        <FormError form={form} />
      </TableCell>
    </TableRow>
  );
}

export function NewCategoryForm() {
  const t = useTranslations('adminSettings.categories');
  const form = useActionForm(saveComplaintCategory, { prefix: 'cat-new', success: t('saved') });
  const f = bindField(form);
  return (
    <form
      noValidate
      className="grid items-start gap-3 sm:grid-cols-5"
      onSubmit={(e) => {
        const el = e.currentTarget;
        e.preventDefault();
        form.submit({ ...formValues(el), isNew: true, active: true });
      }}
    >
      <Field label={t('code')} hint={t('codeHint')} {...f('code')}>
        <Input {...form.control('code')} />
      </Field>
      <Field label={t('nameZh')} {...f('nameZh')}>
        <Input {...form.control('nameZh')} />
      </Field>
      <Field label={t('nameEn')} {...f('nameEn')}>
        <Input {...form.control('nameEn')} />
      </Field>
      <Field label={t('sort')} {...f('sort')}>
        <Input {...form.control('sort')} type="number" defaultValue={100} />
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
