'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { updateRetailer } from '@/app/(admin)/admin/retailers/actions';
import { DataTable, type ListColumn } from '@/components/data-table/data-table';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/select';
import { bindField, Field, FormError, useActionForm } from './form-kit';

export type AdminRetailerRow = {
  id: number;
  licenceNo: string;
  name: string;
  owner: string;
  grade: number;
  area: 'city' | 'rural';
  format: string;
  routeName: string;
  managerName: string;
  teamName: string;
  isKeyCustomer: boolean;
  isEnterprise: boolean;
  isCollectionPoint: boolean;
  active: boolean;
};

export function AdminRetailerTable(props: { data: AdminRetailerRow[]; total: number; page: number; size: number; sort: { id: string; desc: boolean } | null }) {
  const t = useTranslations();
  const columns = useMemo<ListColumn<AdminRetailerRow>[]>(
    () => [
      { id: 'licenceNo', accessorKey: 'licenceNo', header: t('retailers.licenceNo'), cell: ({ row }) => <span className="font-mono text-xs">{row.original.licenceNo}</span> },
      {
        id: 'name',
        accessorKey: 'name',
        header: t('retailers.name'),
        cell: ({ row }) => (
          <Link href={`/admin/retailers/${row.original.id}`} className="font-medium text-primary hover:underline">
            {row.original.name}
          </Link>
        ),
      },
      { id: 'grade', accessorKey: 'grade', header: t('retailers.grade') },
      { id: 'area', header: t('retailers.area'), enableSorting: false, cell: ({ row }) => t(`area.${row.original.area}`) },
      { id: 'format', header: t('retailers.format'), enableSorting: false, cell: ({ row }) => t(`formats.${row.original.format}`) },
      { id: 'manager', accessorKey: 'managerName', header: t('adminRetailers.manager') },
      { id: 'team', accessorKey: 'teamName', header: t('adminRetailers.team'), enableSorting: false },
      { id: 'route', accessorKey: 'routeName', header: t('retailers.route') },
      {
        id: 'flags',
        header: t('retailers.flags'),
        enableSorting: false,
        cell: ({ row }) => (
          <span className="flex flex-wrap gap-1">
            {row.original.isKeyCustomer && <Badge>{t('retailers.key')}</Badge>}
            {row.original.isEnterprise && <Badge variant="outline">{t('retailers.enterprise')}</Badge>}
            {row.original.isCollectionPoint && <Badge variant="secondary">{t('retailers.collectionPoint')}</Badge>}
            {!row.original.active && <Badge variant="destructive">{t('adminRetailers.inactive')}</Badge>}
          </span>
        ),
      },
    ],
    [t],
  );
  return <DataTable columns={columns} emptyText={t('adminRetailers.empty')} testId="admin-retailer-table" {...props} />;
}

type Options = {
  managers: { id: number; name: string; username: string; teamId: number | null; teamName: string; disabled: boolean }[];
  routes: { id: number; code: string; name: string; area: 'city' | 'rural'; teamId: number; managerId: number | null }[];
};
type Shop = {
  id: number;
  name: string;
  owner: string;
  phone: string;
  address: string;
  area: 'city' | 'rural';
  format: string;
  size: string;
  grade: number;
  routeId: number;
  managerId: number;
  isKeyCustomer: boolean;
  isEnterprise: boolean;
  isCollectionPoint: boolean;
  isESettlement: boolean;
  active: boolean;
};

const FORMATS = ['grocery', 'convenience', 'supermarket', 'mall', 'tobacco_liquor', 'entertainment', 'other'] as const;
const SIZES = ['large', 'medium', 'small'] as const;

export function RetailerEditForm({ shop, options }: { shop: Shop; options: Options }) {
  const t = useTranslations();
  const form = useActionForm(updateRetailer, { success: t('adminRetailers.saved') });
  const f = bindField(form);
  const [managerId, setManagerId] = useState(shop.managerId);
  const manager = options.managers.find((m) => m.id === managerId);
  // a manager's own routes, and unowned routes of the manager's team
  const routes = options.routes.filter((r) => r.teamId === manager?.teamId && (r.managerId === null || r.managerId === managerId));
  const [routeId, setRouteId] = useState<number | ''>(shop.routeId);
  const flag = (name: keyof Shop, label: string) => (
    <label className="inline-flex min-h-11 items-center gap-2 text-sm">
      <input type="checkbox" {...form.control(name)} defaultChecked={Boolean(shop[name])} className="size-4" />
      {label}
    </label>
  );
  return (
    <form className="space-y-6" noValidate onSubmit={form.onSubmit({ id: shop.id })} data-testid="retailer-edit-form">
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">{t('adminRetailers.assignment')}</legend>
        <Field label={t('adminRetailers.manager')} hint={t('adminRetailers.reassignHint')} {...f('managerId')}>
          <NativeSelect
            {...form.control('managerId')}
            value={managerId}
            onChange={(e) => {
              const id = Number(e.target.value);
              setManagerId(id);
              const own = options.routes.filter((r) => r.managerId === id);
              setRouteId(own.length === 1 ? own[0].id : '');
            }}
          >
            {options.managers
              .filter((m) => !m.disabled || m.id === shop.managerId)
              .map((m) => (
                <option key={m.id} value={m.id}>
                  {m.teamName} / {m.name}（{m.username}）
                </option>
              ))}
          </NativeSelect>
        </Field>
        <Field label={t('retailers.route')} {...f('routeId')}>
          <NativeSelect {...form.control('routeId')} value={routeId} onChange={(e) => setRouteId(e.target.value ? Number(e.target.value) : '')}>
            <option value="">{t('adminRetailers.chooseRoute')}</option>
            {routes.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}（{t(`area.${r.area}`)}）
              </option>
            ))}
          </NativeSelect>
        </Field>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">{t('retailers.details')}</legend>
        <Field label={t('retailers.name')} {...f('name')}>
          <Input {...form.control('name')} defaultValue={shop.name} />
        </Field>
        <Field label={t('retailers.owner')} {...f('owner')}>
          <Input {...form.control('owner')} defaultValue={shop.owner} />
        </Field>
        <Field label={t('retailers.phone')} {...f('phone')}>
          <Input {...form.control('phone')} defaultValue={shop.phone} inputMode="tel" />
        </Field>
        <Field label={t('retailers.address')} {...f('address')}>
          <Input {...form.control('address')} defaultValue={shop.address} />
        </Field>
        <Field label={t('retailers.grade')} hint={t('adminRetailers.gradeHint')} {...f('grade')}>
          <Input {...form.control('grade')} type="number" min={1} max={30} step={1} inputMode="numeric" defaultValue={shop.grade} />
        </Field>
        <Field label={t('retailers.area')} {...f('area')}>
          <NativeSelect {...form.control('area')} defaultValue={shop.area}>
            {(['city', 'rural'] as const).map((a) => (
              <option key={a} value={a}>
                {t(`area.${a}`)}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field label={t('retailers.format')} {...f('format')}>
          <NativeSelect {...form.control('format')} defaultValue={shop.format}>
            {FORMATS.map((x) => (
              <option key={x} value={x}>
                {t(`formats.${x}`)}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field label={t('retailers.size')} {...f('size')}>
          <NativeSelect {...form.control('size')} defaultValue={shop.size}>
            {SIZES.map((x) => (
              <option key={x} value={x}>
                {t(`sizes.${x}`)}
              </option>
            ))}
          </NativeSelect>
        </Field>
      </fieldset>
      <fieldset className="flex flex-wrap gap-x-6">
        <legend className="mb-2 text-base font-semibold">{t('retailers.flags')}</legend>
        {flag('isKeyCustomer', t('retailers.key'))}
        {flag('isEnterprise', t('retailers.enterprise'))}
        {flag('isCollectionPoint', t('retailers.collectionPoint'))}
        {flag('isESettlement', t('retailers.eSettlement'))}
        {flag('active', t('adminRetailers.active'))}
      </fieldset>
      <FormError form={form} />
      <Button type="submit" disabled={form.pending}>
        {form.pending ? t('adminRetailers.saving') : t('adminRetailers.save')}
      </Button>
    </form>
  );
}
