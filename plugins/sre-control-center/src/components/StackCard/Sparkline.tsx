import type { MetricSeries } from '@sre-control-center/plugin-sre-control-center-common';
import { useTheme } from '@mui/material/styles';

const COLORS = {
  ok: 'success',
  warning: 'warning',
  critical: 'error',
  unknown: 'info',
} as const;

/** `0.4123 Seconds` → `0.41 s`; percent and counts as people read them. */
export function formatMetric(value: number | null, unit: string): string {
  if (value === null) return 'no data';
  switch (unit) {
    case 'Seconds':
      return value < 1
        ? `${Math.round(value * 1000)} ms`
        : `${value.toFixed(2)} s`;
    case 'MilliSeconds':
      return `${Math.round(value)} ms`;
    case 'Percent':
      return `${value >= 99 ? value.toFixed(2) : value.toFixed(0)} %`;
    default:
      return Number.isInteger(value) ? String(value) : value.toFixed(1);
  }
}

/**
 * A metric of the last hour as a small SVG line (no axes): the newest value
 * next to it, coloured by its health. Gaps (no data) break the line.
 */
export function Sparkline({
  series,
  width = 96,
  height = 24,
}: {
  series: MetricSeries;
  width?: number;
  height?: number;
}) {
  const theme = useTheme();
  const values = series.points
    .map(p => p.value)
    .filter((v): v is number => v !== null);
  const min = Math.min(...values, series.unit === 'Percent' ? 100 : Infinity);
  const max = Math.max(...values, 0);
  const span = max - min || 1;
  const step =
    series.points.length > 1 ? width / (series.points.length - 1) : 0;
  const segments: string[] = [];
  let current = '';
  series.points.forEach((point, i) => {
    if (point.value === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    const x = (i * step).toFixed(1);
    const y = (
      height -
      2 -
      ((point.value - min) / span) * (height - 4)
    ).toFixed(1);
    current += `${current ? ' L' : 'M'}${x},${y}`;
  });
  if (current) segments.push(current);
  const color = theme.palette[COLORS[series.health]].main;
  const latest = formatMetric(series.latest, series.unit);
  return (
    <svg
      role="img"
      aria-label={`${series.label}, last hour: ${latest} now (${series.health})`}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      data-testid={`sparkline-${series.metric}`}
    >
      {segments.map(d => (
        <path key={d} d={d} fill="none" stroke={color} strokeWidth={1.5} />
      ))}
    </svg>
  );
}
