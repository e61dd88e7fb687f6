import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps, type TooltipContentProps } from 'recharts';
import { formatMinor, minorToUnits } from '@/lib/money';
import type { ClusterCostRow } from '../cluster-costs';

const ROW_HEIGHT = 52;
/** Narrow charts put each cluster's name above its bar, so that the bars keep the full width. */
const COMPACT_ROW_HEIGHT = 60;
const COMPACT_BELOW_PX = 400;
const AXIS_HEIGHT = 32;
const BAR_SIZE = 16;
const MARGIN = { top: 8, right: 20, bottom: 0, left: 12 };

const compactFormats = new Map<string, Intl.NumberFormat>();

/** Axis ticks: "$1.2K" rather than "$1,200.00", so that they fit at 375 px. */
function compactMoney(cents: number, currency: string): string {
  let format = compactFormats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat(undefined, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
    } catch {
      return `${Math.round(minorToUnits(cents, currency))} ${currency}`;
    }
    compactFormats.set(currency, format);
  }
  return format.format(minorToUnits(cents, currency));
}

/**
 * The axis ends on a round number past the largest maximum, so that a marker at the end of a bar is
 * not cut off: 951.32 gives 1000, 39.64 gives 45 (in units; the data is in cents).
 */
function axisEnd(rows: readonly ClusterCostRow[]): number {
  const largest = Math.max(1, ...rows.map((row) => row.maxCents)) * 1.02;
  const step = 10 ** Math.floor(Math.log10(largest)) / 2;
  return Math.ceil(largest / step) * step;
}

interface Datum {
  name: string;
  range: [number, number];
}

function RangeTooltip({ active, label, rows }: Pick<TooltipContentProps, 'active' | 'label'> & { rows: readonly ClusterCostRow[] }) {
  const row = active ? rows.find((candidate) => candidate.name === label) : undefined;
  if (!row) return null;
  return (
    <div role="tooltip" className="rounded-md border border-line bg-surface px-3 py-2 text-sm text-ink shadow-lg">
      <p className="font-semibold">{row.name}</p>
      <dl className="tabular mt-1 grid grid-cols-[auto_auto] gap-x-3">
        <dt className="text-ink-muted">Minimum</dt>
        <dd className="text-right">{formatMinor(row.minCents, row.currency)}</dd>
        <dt className="text-ink-muted">Now</dt>
        <dd className="text-right">{formatMinor(row.currentCents, row.currency)}</dd>
        <dt className="text-ink-muted">Maximum</dt>
        <dd className="text-right">{formatMinor(row.maxCents, row.currency)}</dd>
      </dl>
    </div>
  );
}

/**
 * The range bar from minimum to maximum, with a tick at the current run rate. The x scale is
 * linear, so the tick's position is interpolated inside the bar recharts laid out.
 */
function RangeBar({ x, y, width, height, index, rows, compact }: Pick<BarShapeProps, 'x' | 'y' | 'width' | 'height' | 'index'> & { rows: readonly ClusterCostRow[]; compact: boolean }) {
  const row = rows[index];
  if (!row) return null;
  const span = row.maxCents - row.minCents;
  const markerX = span > 0 ? x + (width * (row.currentCents - row.minCents)) / span : x;
  return (
    <g>
      {compact && (
        // With the category axis hidden, the plot starts at the left margin.
        <text x={MARGIN.left} y={y - 10} fill="var(--ink)" fontSize={12}>
          {row.name}
        </text>
      )}
      <rect x={x} y={y} width={Math.max(width, 2)} height={height} rx={4} fill="var(--chart-range)" stroke="var(--chart-range-line)" />
      <rect x={markerX - 2} y={y - 4} width={4} height={height + 8} rx={1} fill="var(--chart-marker)" />
    </g>
  );
}

/**
 * Each cluster's monthly cost range as floating bars (minimum to maximum) with the current run rate
 * marked; hovering or touching a bar shows its numbers. A picture of the table beside it.
 */
export function CostRangeChart({ rows, currency }: { rows: readonly ClusterCostRow[]; currency: string }) {
  const [compact, setCompact] = useState(false);
  const data: Datum[] = rows.map((row) => ({ name: row.name, range: [row.minCents, row.maxCents] }));
  const height = rows.length * (compact ? COMPACT_ROW_HEIGHT : ROW_HEIGHT) + AXIS_HEIGHT + MARGIN.top;
  const reduceMotion = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  return (
    // The chart's colours follow the theme; each reaches 3:1 against what it touches (WCAG 1.4.11).
    <figure
      className="m-0 [--chart-marker:#b45309] [--chart-range-line:#6366f1] [--chart-range:#c7d2fe] dark:[--chart-marker:#fbbf24] dark:[--chart-range-line:#818cf8] dark:[--chart-range:#312e81]"
    >
      <ResponsiveContainer width="100%" height={height} onResize={(width) => setCompact(width < COMPACT_BELOW_PX)}>
        <BarChart
          data={data}
          layout="vertical"
          margin={MARGIN}
          barSize={BAR_SIZE}
          // A picture with a text alternative: the table beside it is the keyboard and screen-reader way
          // to the numbers. (Recharts' keyboard layer also walks a vertical chart backwards: ArrowLeft goes down.)
          accessibilityLayer={false}
          role="img"
          title={`Monthly cost range per cluster (${currency}): bars run from the minimum to the maximum, the tick marks the current run rate. The same numbers are in the table.`}
        >
          <CartesianGrid horizontal={false} stroke="var(--line)" />
          <XAxis
            type="number"
            domain={[0, axisEnd(rows)]}
            tickFormatter={(value: number) => compactMoney(value, currency)}
            tick={{ fill: 'var(--ink-muted)', fontSize: 12 }}
            stroke="var(--line-strong)"
            height={AXIS_HEIGHT}
          />
          <YAxis type="category" dataKey="name" hide={compact} width={112} tick={{ fill: 'var(--ink)', fontSize: 12 }} stroke="var(--line-strong)" tickLine={false} />
          <Tooltip cursor={{ fill: 'var(--surface-muted)' }} content={({ active, label }) => <RangeTooltip active={active} label={label} rows={rows} />} />
          <Bar dataKey="range" isAnimationActive={!reduceMotion} shape={(props: BarShapeProps) => <RangeBar {...props} rows={rows} compact={compact} />} />
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-ink-muted">
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-2.5 w-5 rounded-sm border border-[var(--chart-range-line)] bg-[var(--chart-range)]" />
          Monthly range, minimum to maximum
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-3.5 w-1 rounded-sm bg-[var(--chart-marker)]" />
          Current run rate
        </span>
      </figcaption>
    </figure>
  );
}
