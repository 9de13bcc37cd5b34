'use client';

import { useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { FieldError } from '@/components/ui/field-error';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/select';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { Counts, ImportKind, ImportReport } from '@/lib/imports/index';

type KindInfo = { kind: ImportKind; columns: { key: string; header: string; required: boolean; example: string }[] };
type State =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'checked'; report: ImportReport }
  | { step: 'applying'; report: ImportReport; done: number; total: number }
  | { step: 'done'; report: ImportReport; counts: Counts }
  | { step: 'failed'; report?: ImportReport; message: string };

/** Pick a kind and a file, check it (the report), then import its good rows with progress. */
export function ImportPanel({ kinds }: { kinds: KindInfo[] }) {
  const t = useTranslations('imports');
  const id = useId();
  const [kind, setKind] = useState<ImportKind>(kinds[0].kind);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [state, setState] = useState<State>({ step: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);
  const info = kinds.find((k) => k.kind === kind)!;
  const busy = state.step === 'checking' || state.step === 'applying';

  const reset = () => {
    setState({ step: 'idle' });
    setFileError(null);
  };
  const post = (mode: 'validate' | 'apply') => {
    const body = new FormData();
    body.append('file', file!);
    return fetch(`/api/v1/imports/${kind}?mode=${mode}`, { method: 'POST', body });
  };

  async function check() {
    if (!file) {
      setFileError(t('chooseFile'));
      return;
    }
    setState({ step: 'checking' });
    try {
      const res = await post('validate');
      const body = await res.json();
      setState(res.ok ? { step: 'checked', report: body.data.report } : { step: 'failed', message: body.message });
    } catch {
      setState({ step: 'failed', message: t('network') });
    }
  }

  async function apply(report: ImportReport) {
    setState({ step: 'applying', report, done: 0, total: report.validRows });
    let finished = false;
    try {
      const res = await post('apply');
      if (!res.ok || !res.body) {
        const body = await res.json().catch(() => ({ message: t('network') }));
        setState({ step: 'failed', report, message: body.message });
        return;
      }
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      let latest = report;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines.filter(Boolean)) {
          const msg = JSON.parse(line);
          // the server checks the file again inside the import; its report is the one that counts
          if (msg.type === 'validated') {
            latest = msg.report;
            setState({ step: 'applying', report: latest, done: 0, total: latest.validRows });
          } else if (msg.type === 'progress') setState({ step: 'applying', report: latest, done: msg.done, total: msg.total });
          else if (msg.type === 'result') {
            finished = true;
            setState({ step: 'done', report: msg.report, counts: msg.counts });
          } else if (msg.type === 'error') {
            finished = true;
            setState({ step: 'failed', report: latest, message: msg.message });
          }
        }
      }
      if (!finished) setState({ step: 'failed', report: latest, message: t('network') });
    } catch {
      if (!finished) setState({ step: 'failed', report, message: t('network') });
    }
  }

  const report = state.step === 'checked' || state.step === 'applying' || state.step === 'done' ? state.report : state.step === 'failed' ? state.report : undefined;
  const canApply = state.step === 'checked' && state.report.fileErrors.length === 0 && state.report.validRows > 0;

  return (
    <div className="space-y-4">
      <Card>
        <CardContent className="space-y-4 pt-4">
          <div className="grid gap-4 md:grid-cols-2">
            <div className="space-y-2">
              <Label htmlFor={`${id}-kind`}>{t('kind')}</Label>
              <NativeSelect
                id={`${id}-kind`}
                value={kind}
                disabled={busy}
                onChange={(e) => {
                  setKind(e.target.value as ImportKind);
                  reset();
                }}
              >
                {kinds.map((k) => (
                  <option key={k.kind} value={k.kind}>
                    {t(`kinds.${k.kind}`)}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <div className="space-y-2">
              <Label htmlFor={`${id}-file`}>{t('file')}</Label>
              <input
                ref={fileInput}
                id={`${id}-file`}
                type="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                disabled={busy}
                aria-invalid={fileError ? true : undefined}
                aria-describedby={`${id}-file-hint ${id}-file-error`}
                className="block h-11 w-full rounded-md border border-input bg-card px-3 py-2 text-sm file:mr-3 file:border-0 file:bg-transparent file:text-sm file:font-medium"
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  reset();
                }}
              />
              <p id={`${id}-file-hint`} className="text-xs text-muted-foreground">
                {t('fileHint')}
              </p>
              <FieldError id={`${id}-file-error`} messages={fileError ? [fileError] : undefined} />
            </div>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant={canApply ? 'outline' : 'default'} onClick={check} disabled={busy}>
              {state.step === 'checking' ? t('checking') : t('check')}
            </Button>
            {canApply && (
              <Button type="button" onClick={() => apply(state.report)}>
                {t('apply', { count: state.report.validRows })}
              </Button>
            )}
            <Button asChild variant="link">
              <a href={`/api/v1/imports/${kind}`} download>
                {t('template')}
              </a>
            </Button>
          </div>
        </CardContent>
      </Card>

      <div aria-live="polite" className="space-y-4">
        {state.step === 'applying' && <ProgressCard done={state.done} total={state.total} />}
        {state.step === 'done' && <ResultCard counts={state.counts} />}
        {state.step === 'failed' && (
          <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm text-destructive" data-testid="import-error">
            <span className="font-medium">{t('failed')}：</span>
            {state.message}
          </p>
        )}
        {report && <ReportCard report={report} />}
      </div>

      <Card>
        <CardHeader>
          <CardTitle>{t('columns')}</CardTitle>
          <CardDescription>
            {t(`kindHint.${kind}`)} {t('keyHint', { key: t(`keyOf.${kind}`) })}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <Table data-testid="import-columns">
            <TableHeader>
              <TableRow>
                <TableHead>{t('column')}</TableHead>
                <TableHead>{t('requirement')}</TableHead>
                <TableHead>{t('note')}</TableHead>
                <TableHead>{t('example')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {info.columns.map((c) => (
                <TableRow key={c.key}>
                  <TableCell className="font-medium">{c.header}</TableCell>
                  <TableCell>{c.required ? <Badge variant="secondary">{t('required')}</Badge> : <span className="text-muted-foreground">{t('optional')}</span>}</TableCell>
                  <TableCell className="whitespace-normal">{t(`columnNotes.${kind}.${c.key}`)}</TableCell>
                  <TableCell className="tabular-nums text-muted-foreground">{c.example}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </div>
  );
}

function ProgressCard({ done, total }: { done: number; total: number }) {
  const t = useTranslations('imports');
  const writing = done < total;
  return (
    <Card data-testid="import-progress">
      <CardContent className="space-y-2 pt-4">
        <p className="text-sm">{writing ? t('progress', { done, total }) : t('refreshing')}</p>
        <progress className="h-2 w-full" max={total || 1} value={done} aria-label={t('progressLabel')} />
      </CardContent>
    </Card>
  );
}

function ResultCard({ counts }: { counts: Counts }) {
  const t = useTranslations('imports');
  return (
    <Card data-testid="import-result">
      <CardHeader>
        <CardTitle>{t('result')}</CardTitle>
        <CardDescription>{t('resultHint')}</CardDescription>
      </CardHeader>
      <CardContent className="grid grid-cols-3 gap-3">
        {(['inserted', 'updated', 'unchanged'] as const).map((k) => (
          <Figure key={k} label={t(k)} value={counts[k]} testId={`result-${k}`} />
        ))}
      </CardContent>
    </Card>
  );
}

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="rounded-md border p-3">
      <p className="text-sm text-muted-foreground">{label}</p>
      <p className="text-2xl font-semibold tabular-nums" data-testid={testId} data-value={value}>
        {value.toLocaleString('zh-CN')}
      </p>
    </div>
  );
}

function ReportCard({ report }: { report: ImportReport }) {
  const t = useTranslations('imports');
  return (
    <Card data-testid="import-report">
      <CardHeader>
        <CardTitle>{t('report')}</CardTitle>
        <CardDescription>
          {t('format', { format: report.format.toUpperCase() })}
          {report.encoding && <> · {t('encoding', { encoding: t(`encodings.${report.encoding}`) })}</>}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {report.fileErrors.length > 0 && (
          <div role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm text-destructive" data-testid="report-file-errors">
            <p className="font-medium">{t('fileErrors')}</p>
            <ul className="list-disc pl-5">
              {report.fileErrors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        )}
        {report.fileErrors.length === 0 && (
          <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
            <Figure label={t('total')} value={report.totalRows} testId="report-total" />
            <Figure label={t('valid')} value={report.validRows} testId="report-valid" />
            <Figure label={t('invalid')} value={report.invalidRows} testId="report-invalid" />
            <Figure label={t('duplicates')} value={report.duplicateRows} testId="report-duplicates" />
          </div>
        )}
        {report.ignoredColumns.length > 0 && <p className="text-sm text-warning">{t('ignored', { columns: report.ignoredColumns.join('、') })}</p>}
        {report.fileErrors.length === 0 && report.validRows === 0 && <p className="text-sm text-destructive">{t('nothingValid')}</p>}
        {report.issues.length === 0 && report.fileErrors.length === 0 && <p className="text-sm text-muted-foreground">{t('noIssues')}</p>}
        {report.issues.length > 0 && (
          <div className="space-y-2">
            <h3 className="text-sm font-semibold">{t('issuesTitle')}</h3>
            {report.issueCount > report.issues.length && <p className="text-sm text-muted-foreground">{t('issuesCapped', { count: report.issueCount, shown: report.issues.length })}</p>}
            <div className="max-h-96 overflow-y-auto rounded-md border">
              <Table data-testid="report-issues">
                <TableHeader>
                  <TableRow>
                    <TableHead>{t('line')}</TableHead>
                    <TableHead>{t('column')}</TableHead>
                    <TableHead>{t('reason')}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {report.issues.map((i, n) => (
                    <TableRow key={n}>
                      <TableCell className="tabular-nums">{i.line}</TableCell>
                      <TableCell>{i.column}</TableCell>
                      <TableCell className="whitespace-normal">{i.message}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
