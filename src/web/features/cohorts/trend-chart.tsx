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
        tickFormatter={(ms: number) => format(ms, 'd MMM')}
        tick={{ fontSize: 12, fill: '#475569' }}
        tickCount={4}
        minTickGap={24}
      />
      <YAxis
        width={44}
        domain={props.yDomain ?? ['auto', 'auto']}
        allowDecimals
        tick={{ fontSize: 12, fill: '#475569' }}
        tickCount={4}
        tickFormatter={(v: number) => (Math.abs(v) >= 10_000 ? `${Math.round(v / 1000)}k` : String(Math.round(v * 10) / 10))}
      />
      <Tooltip
        labelFormatter={(ms) => format(Number(ms), 'EEE d MMM')}
        formatter={(v) => [props.formatValue(Number(v)), props.title]}
        contentStyle={{ borderRadius: 8, fontSize: 13 }}
      />
      <Line type="monotone" dataKey="value" stroke="#0f766e" strokeWidth={2} dot={{ r: 3 }} activeDot={{ r: 5 }} isAnimationActive={false} />
    </LineChart>
  );
}
