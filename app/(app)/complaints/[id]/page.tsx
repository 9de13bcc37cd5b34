import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ComplaintActions } from '@/components/complaints/complaint-actions';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db/index';
import { getComplaintInScope } from '@/db/queries/complaint-detail';
import { requireRole } from '@/lib/auth/dal';
import { can } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { deadlineState } from '@/lib/complaints/deadlines';
import { formatDateTime } from '@/lib/format';

export default async function ComplaintPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole('manager', 'supervisor', 'branch_head');
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const c = await getComplaintInScope(await getDb(), user, id);
  if (!c) notFound();
  const t = await getTranslations();
  const state = deadlineState(c, now());
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold">
          <span className="font-mono">{c.number}</span> · <Link className="text-primary hover:underline" href={`/retailers/${c.retailerId}`}>{c.retailerName}</Link>
        </h1>
        <Badge data-testid="complaint-status">{t(`complaintStatus.${c.status}`)}</Badge>
        {state === 'overdue' && <Badge variant="destructive">{t('complaint.overdue')}</Badge>}
        {state === 'due_soon' && <Badge variant="warning">{t('complaint.dueSoon')}</Badge>}
        {c.escalationLevel > 0 && <Badge variant="warning">{t(`complaint.level.${c.escalationLevel}`)}</Badge>}
      </div>
      <Card>
        <CardContent className="grid grid-cols-2 gap-2 pt-4 text-sm sm:grid-cols-3">
          <p><span className="text-muted-foreground">{t('complaints.category')}：</span>{c.category}</p>
          <p><span className="text-muted-foreground">{t('complaint.source')}：</span>{t(`complaints.sources.${c.source}`)}</p>
          <p><span className="text-muted-foreground">{t('complaint.assignee')}：</span>{c.assigneeName ?? t('complaint.unassigned')}</p>
          <p><span className="text-muted-foreground">{t('complaints.receivedAt')}：</span>{formatDateTime(c.receivedAt)}</p>
          <p><span className="text-muted-foreground">{t('complaint.ackDue')}：</span>{formatDateTime(c.ackDueAt)}</p>
          <p><span className="text-muted-foreground">{t('complaint.resolveDue')}：</span>{formatDateTime(c.resolveDueAt)}</p>
          {c.contact && <p><span className="text-muted-foreground">{t('complaint.contact')}：</span>{c.contact}</p>}
          {c.visitId && (
            <p>
              <Link className="text-primary hover:underline" href={`/visits/${c.visitId}`}>{t('complaint.visit')}</Link>
            </p>
          )}
          <p className="col-span-full">{c.description}</p>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('complaint.actions.heading')}</CardTitle>
        </CardHeader>
        <CardContent>
          <ComplaintActions
            id={c.id}
            status={c.status}
            canAssign={can(user.role, 'complaint:assign')}
            isAssignee={c.assigneeId === user.userId}
            people={c.people.map((p) => ({ id: p.id, name: p.name }))}
            level={c.escalationLevel}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('complaint.timeline')}</CardTitle>
        </CardHeader>
        <CardContent>
          <ol className="space-y-3 border-l pl-4" data-testid="complaint-timeline">
            {c.events.map((e) => (
              <li key={e.id} data-kind={e.kind} className="text-sm">
                <p className="font-medium">
                  {e.kind === 'assigned'
                    ? t('complaint.events.assigned', { name: e.toName ?? '' })
                    : e.kind === 'follow_up'
                      ? t('complaint.events.follow_up', { result: e.satisfied ? t('complaint.satisfiedYes') : t('complaint.satisfiedNo') })
                      : e.kind === 'escalated' && e.level
                        ? t(`complaint.level.${e.level}`)
                        : t(`complaint.events.${e.kind}`)}
                </p>
                <p className="text-xs text-muted-foreground">
                  {formatDateTime(e.at)} · {e.actorName ?? t('complaint.system')}
                </p>
                {e.note && <p className="mt-1">{e.note}</p>}
              </li>
            ))}
          </ol>
        </CardContent>
      </Card>
    </div>
  );
}
