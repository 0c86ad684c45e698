import { useState } from 'react';
import { ChoiceGroup } from './choice-group';
import { LazyTrendChart } from './lazy-trend-chart';
import { useWideScreen } from './use-wide-screen';
import { WEIGHT_KEY, formatCheckInValue } from './prompt-field';
import type { CheckIn, Prompt, WeightUnit } from './types';

const isNumeric = (p: Prompt) => p.kind === 'number' || p.kind === 'scale';
const WEIGHT_AXIS: Record<WeightUnit, string> = { KG: 'kg', LB: 'lb', ST_LB: 'st' };

/**
 * One chart per numeric prompt over `from`–`to`; weight in the client's own unit (the server
 * sends it converted). Prompts nobody answered yet are left out rather than drawn empty.
 */
export function PromptTrends(props: { prompts: Prompt[]; checkIns: CheckIn[]; from: string; to: string }) {
  const wide = useWideScreen();
  const [picked, setPicked] = useState<string | null>(null);
  const sorted = [...props.checkIns].sort((a, b) => a.date.localeCompare(b.date));
  const series = props.prompts.filter(isNumeric).map((p) => {
    const isWeight = p.key === WEIGHT_KEY;
    const points = sorted.flatMap((c) => {
      const v = isWeight ? c.weight?.value : c.values[p.key];
      return typeof v === 'number' ? [{ date: c.date, value: v }] : [];
    });
    const latestCheckIn = sorted.findLast((c) => typeof c.values[p.key] === 'number');
    const weightUnit = sorted.find((c) => c.weight)?.weight?.unit ?? 'KG';
    return {
      prompt: p,
      points,
      isWeight,
      weightUnit,
      latest: latestCheckIn ? formatCheckInValue(p, latestCheckIn) : '—',
    };
  });
  const shown = series.filter((s) => s.points.length > 0);
  if (shown.length === 0)
    return <p className="text-sm text-slate-600">Charts appear here after the first check-ins with numbers.</p>;
  // A phone shows one chart at a time, picked from a row of chips; wider screens show them all.
  const current = shown.find((s) => s.prompt.key === picked) ?? shown[0]!;
  const visible = wide || shown.length === 1 ? shown : [current];
  return (
    <div className="space-y-3">
      {!wide && shown.length > 1 && (
        <ChoiceGroup
          legend={<span className="sr-only">Chart to show</span>}
          options={shown.map((s) => ({ value: s.prompt.key, label: s.prompt.label }))}
          value={current.prompt.key}
          onChange={setPicked}
          layout="wrap"
        />
      )}
      <div className="grid gap-4 md:grid-cols-2">
        {visible.map(({ prompt, points, isWeight, weightUnit, latest }) => {
          const unitLabel = isWeight ? WEIGHT_AXIS[weightUnit] : prompt.unit;
          const formatValue =
            prompt.kind === 'scale'
              ? (v: number) => `${v} / ${prompt.max ?? 10}`
              : (v: number) => `${v.toLocaleString('en-GB')}${unitLabel ? ` ${unitLabel}` : ''}`;
          return (
            <section
              key={prompt.key}
              className="rounded-xl border border-slate-200 bg-white p-3 sm:p-4"
              aria-label={prompt.label}
            >
              <div className="mb-2 flex flex-wrap items-baseline justify-between gap-x-2">
                <h3 className="text-sm font-semibold text-slate-900">
                  {prompt.label}
                  {unitLabel && unitLabel.toLowerCase() !== prompt.label.toLowerCase() && (
                    <span className="font-normal text-slate-600"> · {unitLabel}</span>
                  )}
                </h3>
                <p className="text-sm text-slate-700">
                  Latest <span className="font-semibold text-slate-900">{latest}</span>
                </p>
              </div>
              <LazyTrendChart
                title={isWeight ? `${prompt.label} (${unitLabel})` : prompt.label}
                points={points}
                formatValue={formatValue}
                from={props.from}
                to={props.to}
                yDomain={prompt.kind === 'scale' ? [prompt.min ?? 1, prompt.max ?? 10] : undefined}
              />
            </section>
          );
        })}
      </div>
    </div>
  );
}
