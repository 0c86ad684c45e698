import { useState } from 'react';
import { Button } from '../../components/ui/button';
import { formatDay } from './format';
import { formatCheckInValue } from './prompt-field';
import type { CheckIn, Prompt } from './types';

const FIRST_PAGE = 14;

/** A client's check-ins, newest first: a table on wide screens, a list of days on a phone. */
export function CheckInHistory(props: { prompts: Prompt[]; checkIns: CheckIn[] }) {
  const [all, setAll] = useState(false);
  const newest = [...props.checkIns].sort((a, b) => b.date.localeCompare(a.date));
  const shown = all ? newest : newest.slice(0, FIRST_PAGE);
  if (newest.length === 0) return <p className="text-sm text-slate-600">No check-ins yet.</p>;
  return (
    <div className="space-y-3">
      {/* Focusable and named so keyboard users can scroll a wide table (axe scrollable-region-focusable). */}
      <div
        className="hidden overflow-x-auto rounded focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 md:block"
        role="region"
        aria-label="Check-in history"
        tabIndex={0}
      >
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Check-ins, newest first</caption>
          <thead>
            <tr className="border-b border-slate-200 text-slate-600">
              <th scope="col" className="py-2 pr-3 font-medium">
                Day
              </th>
              {props.prompts.map((p) => (
                <th key={p.key} scope="col" className="py-2 pr-3 font-medium">
                  {p.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((c) => (
              <tr key={c.date}>
                <th scope="row" className="py-2 pr-3 font-medium whitespace-nowrap text-slate-900">
                  {formatDay(c.date)}
                </th>
                {props.prompts.map((p) => (
                  <td
                    key={p.key}
                    className="max-w-48 truncate py-2 pr-3 text-slate-800"
                    title={typeof c.values[p.key] === 'string' ? String(c.values[p.key]) : undefined}
                  >
                    {formatCheckInValue(p, c)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ol className="space-y-2 md:hidden">
        {shown.map((c) => (
          <li key={c.date} className="rounded-lg border border-slate-200 px-3 py-2">
            <p className="text-sm font-semibold text-slate-900">{formatDay(c.date)}</p>
            <dl className="mt-1 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
              {props.prompts
                .filter((p) => c.values[p.key] !== undefined)
                .map((p) => (
                  <div key={p.key} className={p.kind === 'text' ? 'col-span-2' : undefined}>
                    <dt className="inline text-slate-600">{p.label}: </dt>
                    <dd className="inline font-medium text-slate-900">{formatCheckInValue(p, c)}</dd>
                  </div>
                ))}
            </dl>
          </li>
        ))}
      </ol>
      {newest.length > FIRST_PAGE && (
        <Button variant="ghost" size="sm" onClick={() => setAll(!all)}>
          {all ? 'Show the last two weeks' : `Show all ${newest.length} check-ins`}
        </Button>
      )}
    </div>
  );
}
