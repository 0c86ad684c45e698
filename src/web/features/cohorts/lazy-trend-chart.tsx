import { lazy, Suspense } from 'react';
import type { TrendChartProps } from './trend-chart';

// recharts is the biggest dependency of the app: load it only when a chart is on screen.
const TrendChart = lazy(() => import('./trend-chart'));

/** A trend chart with a text summary for screen readers and for the first paint. */
export function LazyTrendChart(props: TrendChartProps) {
  const first = props.points[0];
  const last = props.points.at(-1);
  const summary =
    first && last
      ? `${props.points.length} ${props.points.length === 1 ? 'entry' : 'entries'}: ${props.formatValue(first.value)} at first, ${props.formatValue(last.value)} most recently.`
      : 'No entries yet.';
  return (
    <figure>
      <figcaption className="sr-only">
        {props.title}. {summary}
      </figcaption>
      <div className="h-44">
        <Suspense fallback={<div className="h-44 animate-pulse rounded-lg bg-slate-100" />}>
          <TrendChart {...props} />
        </Suspense>
      </div>
    </figure>
  );
}
