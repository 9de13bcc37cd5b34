'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { createUser, resetUserPassword, setUserDisabled, updateUser } from '@/app/(admin)/admin/users/actions';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/select';
import { bindField, Field, FormError, useActionForm } from './form-kit';

type Role = 'manager' | 'supervisor' | 'branch_head' | 'admin';
const ROLES: Role[] = ['manager', 'supervisor', 'branch_head', 'admin'];
export type OrgOptions = { branches: { id: number; name: string }[]; teams: { id: number; name: string; branchName: string }[] };

type FormParts = Pick<ReturnType<typeof useActionForm<unknown>>, 'control' | 'errors' | 'idOf'>;

function OrgFields({ form, org, role, setRole, initial }: { form: FormParts; org: OrgOptions; role: Role; setRole: (r: Role) => void; initial?: { teamId: number | null; branchId: number | null } }) {
  const t = useTranslations('adminUsers');
  const tr = useTranslations('roles');
  const f = bindField(form);
  return (
    <>
      <Field label={t('role')} {...f('role')}>
        <NativeSelect {...form.control('role')} value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tr(r)}
            </option>
          ))}
        </NativeSelect>
      </Field>
      {(role === 'manager' || role === 'supervisor') && (
        <Field label={t('team')} hint={t('teamHint')} {...f('teamId')}>
          <NativeSelect {...form.control('teamId')} defaultValue={initial?.teamId ?? ''}>
            <option value="">{t('chooseTeam')}</option>
            {org.teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.branchName} / {team.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
      )}
      {role === 'branch_head' && (
        <Field label={t('branch')} {...f('branchId')}>
          <NativeSelect {...form.control('branchId')} defaultValue={initial?.branchId ?? ''}>
            <option value="">{t('chooseBranch')}</option>
            {org.branches.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
      )}
    </>
  );
}

export function CreateUserForm({ org }: { org: OrgOptions }) {
  const t = useTranslations('adminUsers');
  const router = useRouter();
  const [role, setRole] = useState<Role>('manager');
  const form = useActionForm(createUser, {
    success: t('created'),
    refresh: false,
    onOk: (d) => router.push(`/admin/users/${d.id}`),
  });
  const f = bindField(form);
  return (
    <form className="grid gap-4 sm:grid-cols-2" noValidate onSubmit={form.onSubmit()} data-testid="create-user-form">
      <Field label={t('username')} hint={t('usernameHint')} {...f('username')}>
        <Input {...form.control('username')} autoComplete="off" />
      </Field>
      <Field label={t('name')} {...f('name')}>
        <Input {...form.control('name')} autoComplete="off" />
      </Field>
      <Field label={t('phone')} {...f('phone')}>
        <Input {...form.control('phone')} inputMode="tel" autoComplete="off" />
      </Field>
      <OrgFields form={form} org={org} role={role} setRole={setRole} />
      <Field label={t('password')} hint={t('passwordRule')} {...f('password')}>
        <Input {...form.control('password')} type="password" autoComplete="new-password" />
      </Field>
      <Field label={t('passwordConfirm')} {...f('passwordConfirm')}>
        <Input {...form.control('passwordConfirm')} type="password" autoComplete="new-password" />
      </Field>
      <div className="space-y-2 sm:col-span-2">
        <FormError form={form} />
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t('saving') : t('create')}
        </Button>
      </div>
    </form>
  );
}

export function EditUserForm({
  org,
  user,
}: {
  org: OrgOptions;
  user: { id: number; name: string; phone: string | null; role: Role; teamId: number | null; branchId: number | null };
}) {
  const t = useTranslations('adminUsers');
  const [role, setRole] = useState<Role>(user.role);
  const form = useActionForm(updateUser, { success: t('saved') });
  const f = bindField(form);
  return (
    <form className="grid gap-4 sm:grid-cols-2" noValidate onSubmit={form.onSubmit({ id: user.id })} data-testid="edit-user-form">
      <Field label={t('name')} {...f('name')}>
        <Input {...form.control('name')} defaultValue={user.name} />
      </Field>
      <Field label={t('phone')} {...f('phone')}>
        <Input {...form.control('phone')} defaultValue={user.phone ?? ''} inputMode="tel" />
      </Field>
      <OrgFields form={form} org={org} role={role} setRole={setRole} initial={user} />
      <div className="space-y-2 sm:col-span-2">
        <FormError form={form} />
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t('saving') : t('save')}
        </Button>
      </div>
    </form>
  );
}

export function ResetPasswordForm({ id }: { id: number }) {
  const t = useTranslations('adminUsers');
  const form = useActionForm(resetUserPassword, { prefix: 'reset', success: t('passwordReset') });
  const f = bindField(form);
  return (
    <form
      className="grid gap-4 sm:grid-cols-2"
      noValidate
      onSubmit={(e) => {
        form.onSubmit({ id })(e);
        e.currentTarget.reset();
      }}
      data-testid="reset-password-form"
    >
      <Field label={t('newPassword')} hint={t('passwordRule')} {...f('password')}>
        <Input {...form.control('password')} type="password" autoComplete="new-password" />
      </Field>
      <Field label={t('passwordConfirm')} {...f('passwordConfirm')}>
        <Input {...form.control('passwordConfirm')} type="password" autoComplete="new-password" />
      </Field>
      <div className="space-y-2 sm:col-span-2">
        <p className="text-sm text-muted-foreground">{t('resetEndsSessions')}</p>
        <FormError form={form} />
        <Button type="submit" variant="outline" disabled={form.pending}>
          {t('resetPassword')}
        </Button>
      </div>
    </form>
  );
}

export function DisableUserButton({ id, disabled, self }: { id: number; disabled: boolean; self: boolean }) {
  const t = useTranslations('adminUsers');
  const form = useActionForm(setUserDisabled, { prefix: 'disable', success: disabled ? t('enabledDone') : t('disabledDone') });
  return (
    <div className="space-y-2">
      <p className="text-sm text-muted-foreground">{disabled ? t('enableHelp') : self ? t('cannotDisableSelf') : t('disableHelp')}</p>
      <Button
        type="button"
        variant={disabled ? 'outline' : 'destructive'}
        disabled={form.pending || (!disabled && self)}
        onClick={() => {
          if (!disabled && !window.confirm(t('confirmDisable'))) return;
          form.submit({ id, disabled: !disabled });
        }}
      >
        {disabled ? t('enable') : t('disable')}
      </Button>
      <FormError form={form} />
    </div>
  );
}
