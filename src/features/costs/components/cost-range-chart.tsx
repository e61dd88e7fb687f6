import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { useLayoutEffect, useRef, useState } from 'react';
import { formattingLocale } from '@/lib/i18n';
import { formatMinor, minorToUnits } from '@/lib/money';
import type { ClusterCostRow } from '../cluster-costs';
import { useCostsMessages } from '../messages';

const ROW_HEIGHT = 52;
/** Narrow charts put each cluster's name above its bar, so that the bars keep the full width. */
const COMPACT_ROW_HEIGHT = 60;
const COMPACT_BELOW_PX = 400;
const AXIS_HEIGHT = 32;
const BAR_SIZE = 16;
const NAME_WIDTH = 112;
const MARGIN = { top: 8, right: 20, left: 12 };
/** Room for the tooltip before it flips to the bar's left. */
const TOOLTIP_WIDTH = 180;

const compactFormats = new Map<string, Intl.NumberFormat>();

/** Axis ticks: "$1.2K" rather than "$1,200.00", so that they fit at 375 px; in the active language's locale. */
function compactMoney(cents: number, currency: string): string {
  const locale = formattingLocale();
  const key = `${locale}|${currency}`;
  let format = compactFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
    } catch {
      return `${Math.round(minorToUnits(cents, currency))} ${currency}`;
    }
    compactFormats.set(key, format);
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

/** The width the figure is given, followed as it changes (the chart draws in pixels). */
function useWidth<Element extends HTMLElement>() {
  const ref = useRef<Element>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

function RangeTooltip({ row, left, top }: { row: ClusterCostRow; left: number; top: number }) {
  const t = useCostsMessages();
  return (
    <div role="tooltip" style={{ left, top }} className="pointer-events-none absolute z-10 rounded-md border border-line bg-surface px-3 py-2 text-sm text-ink shadow-lg">
      <p className="font-semibold">{row.name}</p>
      <dl className="tabular mt-1 grid grid-cols-[auto_auto] gap-x-3">
        <dt className="text-ink-muted">{t.minimum()}</dt>
        <dd className="text-end">{formatMinor(row.minCents, row.currency)}</dd>
        <dt className="text-ink-muted">{t.now()}</dt>
        <dd className="text-end">{formatMinor(row.currentCents, row.currency)}</dd>
        <dt className="text-ink-muted">{t.maximum()}</dt>
        <dd className="text-end">{formatMinor(row.maxCents, row.currency)}</dd>
      </dl>
    </div>
  );
}

/**
 * Each cluster's monthly cost range as floating bars (minimum to maximum) with the current run rate
 * marked; hovering or touching a row shows its numbers. A picture of the table beside it, drawn in
 * SVG with visx's scales and axes.
 */
export function CostRangeChart({ rows, currency }: { rows: readonly ClusterCostRow[]; currency: string }) {
  const t = useCostsMessages();
  const { ref, width } = useWidth<HTMLDivElement>();
  const [active, setActive] = useState<string | null>(null);
  const compact = width > 0 && width < COMPACT_BELOW_PX;
  const rowHeight = compact ? COMPACT_ROW_HEIGHT : ROW_HEIGHT;
  const plotTop = MARGIN.top;
  const plotBottom = plotTop + rows.length * rowHeight;
  const height = plotBottom + AXIS_HEIGHT;
  const plotLeft = compact ? MARGIN.left : MARGIN.left + NAME_WIDTH;
  const plotRight = Math.max(plotLeft + 1, width - MARGIN.right);
  const x = scaleLinear<number>({ domain: [0, axisEnd(rows)], range: [plotLeft, plotRight] });
  const y = scaleBand<string>({ domain: rows.map((row) => row.name), range: [plotTop, plotBottom] });
  const ticks = x.ticks(Math.max(2, Math.floor((plotRight - plotLeft) / 80)));
  const activeRow = rows.find((row) => row.name === active);
  const bandTop = (name: string) => y(name) ?? 0;
  const barTop = (name: string) => bandTop(name) + (y.bandwidth() - BAR_SIZE) / 2 + (compact ? 6 : 0);

  return (
    // The chart's colours follow the theme; each reaches 3:1 against what it touches (WCAG 1.4.11).
    <figure className="m-0 [--chart-marker:#b45309] [--chart-range-line:#6366f1] [--chart-range:#c7d2fe] dark:[--chart-marker:#fbbf24] dark:[--chart-range-line:#818cf8] dark:[--chart-range:#312e81]">
      <div ref={ref} className="relative w-full" style={{ height }}>
        {width > 0 && (
          // A picture with a text alternative: the table beside it is the keyboard and screen-reader way to the numbers.
          <svg
            width={width}
            height={height}
            role="img"
            aria-label={t.chartLabel({ currency })}
            // Drawn left to right in every language, as charts with a value axis are (its words follow the language).
            style={{ direction: 'ltr' }}
            onPointerLeave={() => setActive(null)}
          >
            {ticks.map((tick) => (
              <line key={tick} x1={x(tick)} x2={x(tick)} y1={plotTop} y2={plotBottom} stroke="var(--line)" />
            ))}
            {rows.map((row) => {
              const top = barTop(row.name);
              const start = x(row.minCents);
              const end = x(row.maxCents);
              const span = row.maxCents - row.minCents;
              const marker = span > 0 ? start + ((end - start) * (row.currentCents - row.minCents)) / span : start;
              return (
                <g key={row.name} onPointerEnter={() => setActive(row.name)}>
                  {/* The whole row answers the pointer, as a band behind the bar. */}
                  <rect
                    x={plotLeft}
                    y={bandTop(row.name)}
                    width={plotRight - plotLeft}
                    height={y.bandwidth()}
                    fill={active === row.name ? 'var(--surface-muted)' : 'transparent'}
                  />
                  {compact && (
                    <text x={MARGIN.left} y={top - 10} fill="var(--ink)" fontSize={12}>
                      {row.name}
                    </text>
                  )}
                  <g className="cost-range-bar">
                    <rect x={start} y={top} width={Math.max(end - start, 2)} height={BAR_SIZE} rx={4} fill="var(--chart-range)" stroke="var(--chart-range-line)" />
                    <rect x={marker - 2} y={top - 4} width={4} height={BAR_SIZE + 8} rx={1} fill="var(--chart-marker)" />
                  </g>
                </g>
              );
            })}
            <AxisBottom
              top={plotBottom}
              scale={x}
              tickValues={ticks}
              tickFormat={(value) => compactMoney(Number(value), currency)}
              stroke="var(--line-strong)"
              tickStroke="var(--line-strong)"
              // The first and last labels hang inwards from their ticks: centred, a wide one ("0 $US") was cut at the chart's edges.
              tickLabelProps={(_value, index, values) => ({
                fill: 'var(--ink-muted)',
                fontSize: 12,
                textAnchor: index === 0 ? 'start' : index === values.length - 1 ? 'end' : 'middle',
              })}
            />
            {!compact && (
              <Group left={plotLeft}>
                <AxisLeft scale={y} hideTicks stroke="var(--line-strong)" tickLabelProps={{ fill: 'var(--ink)', fontSize: 12, textAnchor: 'end', verticalAnchor: 'middle' }} />
              </Group>
            )}
          </svg>
        )}
        {activeRow && <RangeTooltip row={activeRow} left={Math.min(x(activeRow.maxCents) + 8, Math.max(0, width - TOOLTIP_WIDTH))} top={bandTop(activeRow.name) + y.bandwidth()} />}
      </div>
      <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-ink-muted">
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-2.5 w-5 rounded-sm border border-[var(--chart-range-line)] bg-[var(--chart-range)]" />
          {t.legendRange()}
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-3.5 w-1 rounded-sm bg-[var(--chart-marker)]" />
          {t.legendNow()}
        </span>
      </figcaption>
    </figure>
  );
}
