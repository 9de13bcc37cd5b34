'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { complaintStep } from '@/app/(app)/complaints/actions';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { NativeSelect } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';

type Status = 'received' | 'assigned' | 'investigating' | 'resolved' | 'replied' | 'closed';

/** The next steps a person may take on a complaint; the server decides again on every step. */
export function ComplaintActions({
  id,
  status,
  canAssign,
  isAssignee,
  people,
  level,
}: {
  id: number;
  status: Status;
  canAssign: boolean;
  isAssignee: boolean;
  people: { id: number; name: string }[];
  level: number;
}) {
  const t = useTranslations('complaint.actions');
  const router = useRouter();
  const [note, setNote] = useState('');
  const [assignee, setAssignee] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  const act = (step: string, extra: Record<string, unknown> = {}) =>
    startTransition(async () => {
      const r = await complaintStep({ complaintId: id, step, note: note || undefined, ...extra });
      if (r.ok) {
        setNote('');
        setErrors({});
        router.refresh();
      } else setErrors(r.fieldErrors ?? { _form: [r.message] });
    });
  if (status === 'closed') return <p className="text-sm text-muted-foreground">{t('closed')}</p>;
  const works = isAssignee || canAssign;
  return (
    <div className="space-y-3" data-testid="complaint-actions">
      <Textarea aria-label={t('note')} placeholder={t('note')} value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={!!errors.note} aria-describedby={errors.note ? 'err-note' : undefined} />
      <FieldError id="err-note" messages={errors.note} />
      {canAssign && ['received', 'assigned', 'investigating'].includes(status) && (
        <div className="flex gap-2">
          <NativeSelect aria-label={t('chooseAssignee')} value={assignee} onChange={(e) => setAssignee(e.target.value)} aria-invalid={!!errors.assigneeId}>
            <option value="">{t('chooseAssignee')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </NativeSelect>
          <Button disabled={pending} onClick={() => act('assign', { assigneeId: Number(assignee) || undefined })}>
            {t('assign')}
          </Button>
        </div>
      )}
      <FieldError id="err-assignee" messages={errors.assigneeId} />
      <div className="flex flex-wrap gap-2">
        {works && status === 'assigned' && (
          <Button disabled={pending} onClick={() => act('investigate')}>
            {t('investigate')}
          </Button>
        )}
        {works && status === 'investigating' && (
          <Button disabled={pending} onClick={() => act('resolve')}>
            {t('resolve')}
          </Button>
        )}
        {works && status === 'resolved' && (
          <Button disabled={pending} onClick={() => act('reply')}>
            {t('reply')}
          </Button>
        )}
        {status === 'replied' && (
          <>
            <Button disabled={pending} onClick={() => act('follow_up', { satisfied: true })}>
              {t('followUp')}：{t('satisfied')}
            </Button>
            <Button variant="outline" disabled={pending} onClick={() => act('follow_up', { satisfied: false })}>
              {t('followUp')}：{t('notSatisfied')}
            </Button>
          </>
        )}
        {works && level < 2 && (
          <Button variant="outline" disabled={pending} onClick={() => act('escalate')}>
            {t('escalate')}
          </Button>
        )}
        <Button variant="ghost" disabled={pending} onClick={() => act('note')}>
          {t('addNote')}
        </Button>
      </div>
      <FieldError id="err-form" messages={errors._form ?? errors.satisfied} />
    </div>
  );
}
