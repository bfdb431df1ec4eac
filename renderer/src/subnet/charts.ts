/**
 * chart.js set-up for the Subnet page: the components it draws with are registered once here (tree-shaken chart.js
 * needs that), and chart colours are read from the theme's CSS variables so light/dark apply to canvases too.
 */
import { useEffect, useState } from 'react';
import {
  Chart,
  Legend,
  LinearScale,
  LogarithmicScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartOptions,
  type TooltipItem,
} from 'chart.js';

// Every chart here is a line chart on linear (or, by choice, logarithmic) axes; scatter-like ones are line datasets with showLine: false.
Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip);

export interface ChartColors {
  text: string;
  muted: string;
  grid: string;
  accent: string;
  good: string;
  bad: string;
  warn: string;
  panel: string;
}

function readColors(): ChartColors {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return {
    text: v('--text'),
    muted: v('--muted'),
    grid: v('--border'),
    accent: v('--accent'),
    good: v('--good'),
    bad: v('--bad'),
    warn: v('--warn'),
    panel: v('--panel'),
  };
}

/** The theme's colours, re-read when the theme switches (use-theme.ts sets data-theme, "system" included). */
export function useChartColors(): ChartColors {
  const [colors, setColors] = useState(readColors);
  useEffect(() => {
    const update = () => setColors(readColors());
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return colors;
}

export interface AxisSpec {
  /** Axis title; none when the chart's caption already says it. */
  title?: string;
  format(value: number): string;
  min?: number;
  max?: number;
  /** Counts: ticks only on whole numbers. */
  integer?: boolean;
  /** A logarithmic axis (values spanning orders of magnitude). */
  log?: boolean;
}

/**
 * Options every chart on the page shares: no animation (a printed report must show the final frame, and redraws
 * while dragging a slider must not lag), sized by its fixed-height wrapper, axes and tooltips in the page's units.
 */
export function baseOptions(
  colors: ChartColors,
  x: AxisSpec,
  y: AxisSpec,
  extra: { legend?: boolean; label?: (item: TooltipItem<'line'>) => string } = {},
): ChartOptions<'line'> {
  const axis = (a: AxisSpec) => ({
    type: a.log ? ('logarithmic' as const) : ('linear' as const),
    min: a.min,
    max: a.max,
    title: { display: a.title !== undefined, text: a.title, color: colors.muted },
    grid: { color: colors.grid },
    border: { color: colors.grid },
    ticks: {
      color: colors.muted,
      maxTicksLimit: 6,
      precision: a.integer ? 0 : undefined,
      callback: (v: number | string) => a.format(Number(v)),
    },
  });
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    parsing: false,
    scales: { x: axis(x), y: axis(y) },
    plugins: {
      legend: {
        display: extra.legend ?? false,
        position: 'bottom',
        labels: { color: colors.text, usePointStyle: true, boxHeight: 8 },
      },
      tooltip: {
        intersect: false,
        mode: 'nearest',
        callbacks: {
          title: (items) => x.format(items[0]?.parsed.x ?? Number.NaN),
          label:
            extra.label ??
            ((item) =>
              `${item.dataset.label ? `${item.dataset.label}: ` : ''}${y.format(item.parsed.y ?? Number.NaN)}`),
        },
      },
    },
  };
}
