'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { addKeyBrand, copyKeyBrands, removeKeyBrand } from '@/app/(admin)/admin/key-brands/actions';
import { saveSpec } from '@/app/(admin)/admin/specs/actions';
import { removeSupply, saveSupply } from '@/app/(admin)/admin/supply/actions';
import { saveAgreement, saveTarget } from '@/app/(admin)/admin/targets/actions';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/select';
import { TableCell, TableRow } from '@/components/ui/table';
import { bindField, Field, FormError, useActionForm } from './form-kit';

type SpecOption = { id: number; name: string; active: boolean };
const yuan = (fen: number | null | undefined) => (fen == null ? '' : (fen / 100).toFixed(2));

function SpecSelect({ control, specs, defaultValue }: { control: ReturnType<ReturnType<typeof useActionForm>['control']>; specs: SpecOption[]; defaultValue?: number }) {
  const t = useTranslations('adminCatalog');
  return (
    <NativeSelect {...control} defaultValue={defaultValue ?? ''}>
      <option value="">{t('chooseSpec')}</option>
      {specs
        .filter((s) => s.active || s.id === defaultValue)
        .map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
    </NativeSelect>
  );
}

// ---------------------------------------------------------------- specs

export type SpecRow = {
  id: number;
  code: string;
  brand: string;
  name: string;
  priceClass: number;
  wholesaleFen: number;
  retailFen: number;
  packsPerCarton: number;
  sticksPerPack: number;
  active: boolean;
};

export function SpecForm({ spec }: { spec?: SpecRow }) {
  const t = useTranslations('adminCatalog');
  const router = useRouter();
  const form = useActionForm(saveSpec, {
    prefix: spec ? `spec-${spec.id}` : 'spec-new',
    success: t('saved'),
    onOk: () => spec && router.push('/admin/specs'),
  });
  const f = bindField(form);
  return (
    <form
      noValidate
      className="grid items-start gap-3 sm:grid-cols-3 lg:grid-cols-5"
      data-testid="spec-form"
      onSubmit={(e) => {
        form.onSubmit(spec ? { id: spec.id } : {})(e);
      }}
      key={spec?.id ?? 'new'}
    >
      <Field label={t('code')} hint={t('codeHint')} {...f('code')}>
        <Input {...form.control('code')} defaultValue={spec?.code} />
      </Field>
      <Field label={t('brand')} {...f('brand')}>
        <Input {...form.control('brand')} defaultValue={spec?.brand} />
      </Field>
      <Field label={t('specName')} {...f('name')}>
        <Input {...form.control('name')} defaultValue={spec?.name} />
      </Field>
      <Field label={t('priceClass')} hint={t('priceClassHint')} {...f('priceClass')}>
        <NativeSelect {...form.control('priceClass')} defaultValue={spec?.priceClass ?? ''}>
          <option value="">{t('choosePriceClass')}</option>
          {[1, 2, 3, 4, 5].map((c) => (
            <option key={c} value={c}>
              {t(`priceClasses.${c}`)}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label={t('wholesale')} {...f('wholesaleFen')}>
        <Input {...form.control('wholesaleFen')} inputMode="decimal" defaultValue={yuan(spec?.wholesaleFen)} />
      </Field>
      <Field label={t('retail')} {...f('retailFen')}>
        <Input {...form.control('retailFen')} inputMode="decimal" defaultValue={yuan(spec?.retailFen)} />
      </Field>
      <Field label={t('packsPerCarton')} {...f('packsPerCarton')}>
        <Input {...form.control('packsPerCarton')} type="number" inputMode="numeric" defaultValue={spec?.packsPerCarton ?? 10} />
      </Field>
      <Field label={t('sticksPerPack')} {...f('sticksPerPack')}>
        <Input {...form.control('sticksPerPack')} type="number" inputMode="numeric" defaultValue={spec?.sticksPerPack ?? 20} />
      </Field>
      <div className="space-y-1.5 pt-6">
        <label className="inline-flex min-h-11 items-center gap-2 text-sm">
          <input type="checkbox" {...form.control('active')} defaultChecked={spec?.active ?? true} className="size-4" />
          {t('active')}
        </label>
      </div>
      <div className="space-y-1.5 pt-5">
        <Button type="submit" disabled={form.pending}>
          {spec ? t('save') : t('addSpec')}
        </Button>
        <FormError form={form} />
      </div>
    </form>
  );
}

// ---------------------------------------------------------------- key brands

export function KeyBrandAddForm({ month, specs }: { month: string; specs: SpecOption[] }) {
  const t = useTranslations('adminCatalog');
  const form = useActionForm(addKeyBrand, { prefix: 'kb', success: t('saved') });
  const f = bindField(form);
  return (
    <form noValidate className="grid items-start gap-3 sm:grid-cols-5" data-testid="key-brand-form" onSubmit={form.onSubmit({ month })}>
      <Field label={t('spec')} {...f('specId')}>
        <SpecSelect control={form.control('specId')} specs={specs} />
      </Field>
      <Field label={t('gradeMin')} {...f('gradeMin')}>
        <Input {...form.control('gradeMin')} type="number" inputMode="numeric" defaultValue={1} />
      </Field>
      <Field label={t('gradeMax')} {...f('gradeMax')}>
        <Input {...form.control('gradeMax')} type="number" inputMode="numeric" defaultValue={30} />
      </Field>
      <Field label={t('area')} {...f('area')}>
        <NativeSelect {...form.control('area')} defaultValue="">
          <option value="">{t('bothAreas')}</option>
          <option value="city">{t('areas.city')}</option>
          <option value="rural">{t('areas.rural')}</option>
        </NativeSelect>
      </Field>
      <div className="space-y-1.5 pt-5">
        <Button type="submit" disabled={form.pending}>
          {t('addKeyBrand')}
        </Button>
        <FormError form={form} />
      </div>
    </form>
  );
}

export function CopyKeyBrandsButton({ month }: { month: string }) {
  const t = useTranslations('adminCatalog');
  const form = useActionForm(copyKeyBrands, { prefix: 'kb-copy', success: t('copied') });
  return (
    <div className="space-y-1">
      <Button type="button" variant="outline" disabled={form.pending} onClick={() => form.submit({ month })}>
        {t('copyPrevious')}
      </Button>
      <FieldError id={`err-${form.idOf('month')}`} messages={form.errors.month ?? form.errors._form} />
    </div>
  );
}

export function RemoveButton({ id, kind }: { id: number; kind: 'keyBrand' | 'supply' }) {
  const t = useTranslations('adminCatalog');
  const form = useActionForm(kind === 'keyBrand' ? removeKeyBrand : removeSupply, { prefix: `rm-${kind}-${id}`, success: t('removed') });
  return (
    <>
      <Button type="button" variant="ghost" size="sm" disabled={form.pending} onClick={() => form.submit({ id })}>
        {t('remove')}
      </Button>
      <FormError form={form} />
    </>
  );
}

// ---------------------------------------------------------------- supply

export function SupplyForm({ month, specs, row }: { month: string; specs: SpecOption[]; row?: { id: number; specId: number; gradeMin: number; gradeMax: number; maxPerWeek: number } }) {
  const t = useTranslations('adminCatalog');
  const router = useRouter();
  const form = useActionForm(saveSupply, { prefix: row ? `supply-${row.id}` : 'supply-new', success: t('saved'), onOk: () => row && router.push(`/admin/supply?month=${month.slice(0, 7)}`) });
  const f = bindField(form);
  return (
    <form noValidate className="grid items-start gap-3 sm:grid-cols-5" data-testid="supply-form" onSubmit={form.onSubmit({ month, ...(row ? { id: row.id } : {}) })} key={row?.id ?? 'new'}>
      <Field label={t('spec')} {...f('specId')}>
        <SpecSelect control={form.control('specId')} specs={specs} defaultValue={row?.specId} />
      </Field>
      <Field label={t('gradeMin')} {...f('gradeMin')}>
        <Input {...form.control('gradeMin')} type="number" inputMode="numeric" defaultValue={row?.gradeMin ?? 1} />
      </Field>
      <Field label={t('gradeMax')} {...f('gradeMax')}>
        <Input {...form.control('gradeMax')} type="number" inputMode="numeric" defaultValue={row?.gradeMax ?? 30} />
      </Field>
      <Field label={t('maxPerWeek')} hint={t('maxPerWeekHint')} {...f('maxPerWeek')}>
        <Input {...form.control('maxPerWeek')} type="number" inputMode="numeric" defaultValue={row?.maxPerWeek} />
      </Field>
      <div className="space-y-1.5 pt-5">
        <Button type="submit" disabled={form.pending}>
          {row ? t('save') : t('addSupply')}
        </Button>
        <FormError form={form} />
      </div>
    </form>
  );
}

// ---------------------------------------------------------------- targets and agreements

export function TargetRow({ month, row }: { month: string; row: { managerId: number; name: string; username: string; teamName: string; qty: number | null; amountFen: number | null } }) {
  const t = useTranslations('adminCatalog');
  const form = useActionForm(saveTarget, { prefix: `target-${row.managerId}`, success: t('saved') });
  const formId = form.idOf('form');
  return (
    <TableRow>
      <TableCell>{row.teamName}</TableCell>
      <TableCell>
        {row.name} <span className="text-xs text-muted-foreground">{row.username}</span>
      </TableCell>
      <TableCell>
        <Input {...form.control('qty')} form={formId} aria-label={t('targetQty')} type="number" inputMode="numeric" defaultValue={row.qty ?? ''} className="h-9 w-32" />
        <FieldError id={`err-${form.idOf('qty')}`} messages={form.errors.qty} />
      </TableCell>
      <TableCell>
        <Input {...form.control('amountFen')} form={formId} aria-label={t('targetAmount')} inputMode="decimal" defaultValue={yuan(row.amountFen)} className="h-9 w-40" />
        <FieldError id={`err-${form.idOf('amountFen')}`} messages={form.errors.amountFen} />
      </TableCell>
      <TableCell>
        <form id={formId} noValidate onSubmit={form.onSubmit({ month, managerId: row.managerId })}>
          <Button type="submit" size="sm" variant="outline" disabled={form.pending}>
            {t('save')}
          </Button>
        </form>
        <FormError form={form} />
      </TableCell>
    </TableRow>
  );
}

export function AgreementForm({ month }: { month: string }) {
  const t = useTranslations('adminCatalog');
  const form = useActionForm(saveAgreement, { prefix: 'agreement', success: t('saved') });
  const f = bindField(form);
  return (
    <form noValidate className="grid items-start gap-3 sm:grid-cols-4" data-testid="agreement-form" onSubmit={form.onSubmit({ month, remove: false })}>
      <Field label={t('licenceNo')} {...f('licenceNo')}>
        <Input {...form.control('licenceNo')} inputMode="numeric" />
      </Field>
      <Field label={t('agreedQty')} {...f('qty')}>
        <Input {...form.control('qty')} type="number" inputMode="numeric" />
      </Field>
      <div className="space-y-1.5 pt-5">
        <Button type="submit" disabled={form.pending}>
          {t('saveAgreement')}
        </Button>
        <FormError form={form} />
      </div>
    </form>
  );
}

export function RemoveAgreementButton({ month, licenceNo }: { month: string; licenceNo: string }) {
  const t = useTranslations('adminCatalog');
  const form = useActionForm(saveAgreement, { prefix: `agr-${licenceNo}`, success: t('removed') });
  return (
    <>
      <Button type="button" variant="ghost" size="sm" disabled={form.pending} onClick={() => form.submit({ month, licenceNo, qty: 0, remove: true })}>
        {t('remove')}
      </Button>
      <FormError form={form} />
    </>
  );
}
