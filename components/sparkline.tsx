// Presentational: a small line chart of a history (peg deviation, APY), with a text summary for screen readers and
// for anyone who would rather read numbers than a line. No browser.* calls.

export interface SparklineProps {
  values: readonly number[];
  /** What the line is, e.g. "weETH peg deviation, 7 days". */
  label: string;
  /** Format one value for the summary, e.g. (v) => `${v.toFixed(2)}%`. */
  format: (v: number) => string;
  /** Draw a dashed line at this value (0 for a peg deviation). */
  baseline?: number;
  width?: number;
  height?: number;
}

/** min, max and last of the finite values; null when there are fewer than two. */
export function spark(values: readonly number[]): { min: number; max: number; last: number; points: number[] } | null {
  const points = values.filter(Number.isFinite);
  if (points.length < 2) return null;
  return { min: Math.min(...points), max: Math.max(...points), last: points[points.length - 1]!, points };
}

export function Sparkline({ values, label, format, baseline, width = 120, height = 28 }: SparklineProps) {
  const s = spark(values);
  if (!s) return null;
  const lo = Math.min(s.min, baseline ?? s.min);
  const hi = Math.max(s.max, baseline ?? s.max);
  const span = hi - lo || 1;
  const pad = 2;
  const x = (i: number) => pad + (i / (s.points.length - 1)) * (width - 2 * pad);
  const y = (v: number) => pad + (1 - (v - lo) / span) * (height - 2 * pad);
  const line = s.points.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const summary = `${label}: from ${format(s.points[0]!)} to ${format(s.last)}, lowest ${format(s.min)}, highest ${format(s.max)}`;
  return (
    <span className="rl-spark" data-sparkline="">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
        <title>{summary}</title>
        {baseline !== undefined && <line x1={pad} x2={width - pad} y1={y(baseline)} y2={y(baseline)} className="rl-spark-base" />}
        <polyline points={line} className="rl-spark-line" fill="none" />
      </svg>
      <span className="rl-spark-text" aria-hidden="true">
        {format(s.min)} to {format(s.max)}
      </span>
    </span>
  );
}
