import { format, parseISO } from 'date-fns';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';

export interface TrendPoint {
  /** Studio-local date `YYYY-MM-DD`. */
  date: string;
  value: number;
}

export interface TrendChartProps {
  /** Read by screen readers as the chart's name. */
  title: string;
  points: TrendPoint[];
  /** How a value reads in the tooltip: "82.4 kg", "7 / 10". */
  formatValue: (value: number) => string;
  /** The x axis spans these dates (the cohort so far), so gaps between check-ins show as gaps. */
  from: string;
  to: string;
  /** Fixed y range (scales 1–10); otherwise fitted to the data. */
  yDomain?: [number, number];
}

const dayMs = (date: string) => parseISO(date).getTime();

/** Up to four evenly spaced day ticks from `from` to `to`, so a phone shows dates that do not collide. */
function dayTicks(from: string, to: string): number[] {
  const [start, end] = [dayMs(from), dayMs(to)];
  const days = Math.round((end - start) / 86_400_000);
  const steps = Math.min(3, days);
  if (steps === 0) return [start];
  return Array.from({ length: steps + 1 }, (_, i) =>
    dayMs(format(start + Math.round((days * i) / steps) * 86_400_000 + 43_200_000, 'yyyy-MM-dd')),
  );
}

/** A y range with some air around the values; a single value gets ±10% (or ±1) instead of a hair-thin range. */
function valueDomain(values: number[]): [number, number] {
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  const pad = hi > lo ? (hi - lo) * 0.15 : Math.max(Math.abs(hi) * 0.1, 1);
  const step = 10 ** Math.floor(Math.log10(pad || 1));
  return [Math.floor((lo - pad) / step) * step, Math.ceil((hi + pad) / step) * step];
}

/**
 * A small line chart of one numeric check-in prompt over time (recharts), sized for a 390px
 * phone: few ticks, no legend, a tooltip on tap. Loaded lazily: see `lazy-trend-chart.tsx`.
 */
export default function TrendChart(props: TrendChartProps) {
  const data = props.points.map((p) => ({ x: dayMs(p.date), value: p.value }));
  return (
    <LineChart
      responsive
      style={{ width: '100%', height: 176 }}
      data={data}
      margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
      title={props.title}
      desc={`${props.title}, ${props.points.length} check-ins`}
    >
      <CartesianGrid stroke="#e2e8f0" vertical={false} />
      <XAxis
        dataKey="x"
        type="number"
        scale="time"
        domain={[dayMs(props.from), dayMs(props.to)]}
        ticks={dayTicks(props.from, props.to)}
        tickFormatter={(ms: number) => format(ms, 'd MMM')}
        tick={{ fontSize: 12, fill: '#475569' }}
        interval="preserveStartEnd"
      />
      <YAxis
        width={44}
        domain={props.yDomain ?? valueDomain(props.points.map((p) => p.value))}
        allowDecimals
        tick={{ fontSize: 12, fill: '#475569' }}
        tickCount={4}
        tickFormatter={(v: number) =>
          Math.abs(v) >= 10_000 ? `${Math.round(v / 1000)}k` : String(Math.round(v * 10) / 10)
        }
      />
      <Tooltip
        labelFormatter={(ms) => format(Number(ms), 'EEE d MMM')}
        formatter={(v) => [props.formatValue(Number(v)), props.title]}
        contentStyle={{ borderRadius: 8, fontSize: 13 }}
      />
      <Line
        type="linear"
        dataKey="value"
        stroke="#0f766e"
        strokeWidth={2}
        dot={{ r: 3 }}
        activeDot={{ r: 5 }}
        isAnimationActive={false}
      />
    </LineChart>
  );
}
