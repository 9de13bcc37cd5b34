'use client';

import { useTranslations } from 'next-intl';
import { saveBranch, saveTeam } from '@/app/(admin)/admin/org/actions';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/select';
import { TableCell, TableRow } from '@/components/ui/table';
import { bindField, Field, FormError, useActionForm } from './form-kit';

type Sup = { id: number; name: string; username: string; teamId: number | null; disabled: boolean };

function SupervisorOptions({ supervisors, none }: { supervisors: Sup[]; none: string }) {
  return (
    <>
      <option value="">{none}</option>
      {supervisors
        .filter((s) => !s.disabled)
        .map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}（{s.username}）
          </option>
        ))}
    </>
  );
}

export function BranchRow({ branch }: { branch: { id: number; code: string; name: string; teams: number; users: number } }) {
  const t = useTranslations('adminOrg');
  const form = useActionForm(saveBranch, { prefix: `branch-${branch.id}`, success: t('saved') });
  const formId = form.idOf('form');
  return (
    <TableRow>
      <TableCell className="font-mono text-xs">{branch.code}</TableCell>
      <TableCell>
        <Input {...form.control('name')} form={formId} aria-label={t('branchName')} defaultValue={branch.name} className="h-9" />
        <FieldError id={`err-${form.idOf('name')}`} messages={form.errors.name} />
      </TableCell>
      <TableCell className="tabular-nums">{branch.teams}</TableCell>
      <TableCell className="tabular-nums">{branch.users}</TableCell>
      <TableCell>
        <form id={formId} noValidate onSubmit={form.onSubmit({ id: branch.id })}>
          <Button type="submit" size="sm" variant="outline" disabled={form.pending}>
            {t('rename')}
          </Button>
        </form>
        <FormError form={form} />
      </TableCell>
    </TableRow>
  );
}

export function NewBranchForm() {
  const t = useTranslations('adminOrg');
  const form = useActionForm(saveBranch, { prefix: 'new-branch', success: t('created') });
  const f = bindField(form);
  return (
    <form noValidate className="grid items-start gap-3 sm:grid-cols-3" onSubmit={form.onSubmit()} data-testid="new-branch-form">
      <Field label={t('code')} hint={t('codeHint')} {...f('code')}>
        <Input {...form.control('code')} />
      </Field>
      <Field label={t('branchName')} {...f('name')}>
        <Input {...form.control('name')} />
      </Field>
      <div className="space-y-1.5 pt-5">
        <Button type="submit" disabled={form.pending}>
          {t('addBranch')}
        </Button>
        <FormError form={form} />
      </div>
    </form>
  );
}

export function TeamRow({ team, supervisors }: { team: { id: number; code: string; name: string; branchName: string; managers: number }; supervisors: Sup[] }) {
  const t = useTranslations('adminOrg');
  const form = useActionForm(saveTeam, { prefix: `team-${team.id}`, success: t('saved') });
  const formId = form.idOf('form');
  const current = supervisors.filter((s) => s.teamId === team.id);
  return (
    <TableRow>
      <TableCell className="font-mono text-xs">{team.code}</TableCell>
      <TableCell>{team.branchName}</TableCell>
      <TableCell>
        <Input {...form.control('name')} form={formId} aria-label={t('teamName')} defaultValue={team.name} className="h-9" />
        <FieldError id={`err-${form.idOf('name')}`} messages={form.errors.name} />
      </TableCell>
      <TableCell>
        <p className="mb-1 text-sm">{current.length ? current.map((s) => `${s.name}${s.disabled ? t('disabledMark') : ''}`).join('、') : <span className="text-muted-foreground">{t('noSupervisor')}</span>}</p>
        <NativeSelect {...form.control('supervisorId')} form={formId} aria-label={t('assignSupervisor')} defaultValue="" className="h-9">
          <SupervisorOptions supervisors={supervisors.filter((s) => s.teamId !== team.id)} none={t('keepSupervisor')} />
        </NativeSelect>
        <FieldError id={`err-${form.idOf('supervisorId')}`} messages={form.errors.supervisorId} />
      </TableCell>
      <TableCell className="tabular-nums">{team.managers}</TableCell>
      <TableCell>
        <form id={formId} noValidate onSubmit={form.onSubmit({ id: team.id })}>
          <Button type="submit" size="sm" variant="outline" disabled={form.pending}>
            {t('save')}
          </Button>
        </form>
        <FormError form={form} />
      </TableCell>
    </TableRow>
  );
}

export function NewTeamForm({ branches, supervisors }: { branches: { id: number; name: string }[]; supervisors: Sup[] }) {
  const t = useTranslations('adminOrg');
  const form = useActionForm(saveTeam, { prefix: 'new-team', success: t('created') });
  const f = bindField(form);
  return (
    <form noValidate className="grid items-start gap-3 sm:grid-cols-5" onSubmit={form.onSubmit()} data-testid="new-team-form">
      <Field label={t('code')} hint={t('codeHint')} {...f('code')}>
        <Input {...form.control('code')} />
      </Field>
      <Field label={t('teamName')} {...f('name')}>
        <Input {...form.control('name')} />
      </Field>
      <Field label={t('branch')} {...f('branchId')}>
        <NativeSelect {...form.control('branchId')} defaultValue="">
          <option value="">{t('chooseBranch')}</option>
          {branches.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label={t('supervisor')} hint={t('supervisorHint')} {...f('supervisorId')}>
        <NativeSelect {...form.control('supervisorId')} defaultValue="">
          <SupervisorOptions supervisors={supervisors} none={t('noSupervisorYet')} />
        </NativeSelect>
      </Field>
      <div className="space-y-1.5 pt-5">
        <Button type="submit" disabled={form.pending}>
          {t('addTeam')}
        </Button>
        <FormError form={form} />
      </div>
    </form>
  );
}
