// Presentational: six-slice risk rosette in the spirit of L2BEAT's. One slice per petal, coloured by level,
// grey for unknown; each slice has its own accessible label. No browser.* calls.
import type { LevelView } from '../lib/views/schema';

import { SPOKEN as LEVEL_WORD } from '../lib/risk/levels';

export { LEVEL_WORD };

export function Rosette({ petals, size = 48, label }: { petals: ReadonlyArray<{ label: string; level: LevelView }>; size?: number; label: string }) {
  const c = 50;
  const r = 46;
  const n = petals.length || 6;
  const slice = 360 / n;
  const point = (deg: number) => {
    const rad = (deg * Math.PI) / 180;
    return `${(c + r * Math.cos(rad)).toFixed(2)} ${(c + r * Math.sin(rad)).toFixed(2)}`;
  };
  return (
    <svg className="rl-rosette" width={size} height={size} viewBox="0 0 100 100" role="group" aria-label={label}>
      {petals.map((p, i) => {
        const a0 = -90 + i * slice;
        const a1 = a0 + slice;
        const d = `M ${c} ${c} L ${point(a0)} A ${r} ${r} 0 0 1 ${point(a1)} Z`;
        const text = `${p.label}: ${LEVEL_WORD[p.level]}`;
        return (
          <path key={p.label} d={d} className={`rl-slice rl-${p.level}`} role="img" aria-label={text}>
            <title>{text}</title>
          </path>
        );
      })}
    </svg>
  );
}
