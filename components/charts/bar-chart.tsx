'use client';

import { Bar, BarChart as RBarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { colorAt, type SeriesConfig } from './chart-config';

export function BarChart({
  data,
  series,
  xKey = 'label',
  stacked = false,
  percent = false,
  height = 260,
  testId,
}: {
  data: Record<string, string | number | null>[];
  series: SeriesConfig;
  xKey?: string;
  stacked?: boolean;
  percent?: boolean;
  height?: number;
  testId?: string;
}) {
  const fmt = (v: number) => (percent ? `${Math.round(v * 100)}%` : String(v));
  return (
    <div style={{ height }} className="w-full" data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <RBarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          <XAxis dataKey={xKey} fontSize={12} interval="preserveStartEnd" />
          <YAxis fontSize={12} tickFormatter={fmt} width={44} domain={percent ? [0, 1] : undefined} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? (percent ? `${(v * 100).toFixed(1)}%` : v.toLocaleString('zh-CN')) : String(v))} />
          {series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
          {series.map((s, i) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color ?? colorAt(i)} stackId={stacked ? 'a' : undefined} isAnimationActive={false} />
          ))}
        </RBarChart>
      </ResponsiveContainer>
    </div>
  );
}
