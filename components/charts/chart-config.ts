// Chart series are declared apart from the data; colours are CSS variables (globals.css).
export type SeriesConfig = { key: string; name: string; color?: string }[];
export const chartColors = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)', 'var(--chart-5)', 'var(--chart-6)'];
export const colorAt = (i: number) => chartColors[i % chartColors.length];
