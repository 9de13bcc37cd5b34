'use client';

import { CartesianGrid, Legend, Line, LineChart as RLineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { colorAt, type SeriesConfig } from './chart-config';

export function LineChart({
  data,
  series,
  xKey = 'label',
  percent = false,
  height = 260,
  testId,
}: {
  data: Record<string, string | number | null>[];
  series: SeriesConfig;
  xKey?: string;
  percent?: boolean;
  height?: number;
  testId?: string;
}) {
  const fmt = (v: number) => (percent ? `${Math.round(v * 100)}%` : String(Math.round(v * 10) / 10));
  return (
    <div style={{ height }} className="w-full" data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <RLineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis dataKey={xKey} fontSize={12} />
          <YAxis fontSize={12} tickFormatter={fmt} width={44} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? (percent ? `${(v * 100).toFixed(1)}%` : (Math.round(v * 10) / 10).toLocaleString('zh-CN')) : String(v))} />
          {series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
          {series.map((s, i) => (
            <Line key={s.key} type="monotone" dataKey={s.key} name={s.name} stroke={s.color ?? colorAt(i)} strokeWidth={2} dot={{ r: 2 }} connectNulls isAnimationActive={false} />
          ))}
        </RLineChart>
      </ResponsiveContainer>
    </div>
  );
}
