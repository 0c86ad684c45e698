import type { ReactNode } from 'react';
import { usePublicSettings } from '../studio/use-studio';

/** The centred card of the signed-out pages. */
export function AuthCard(props: { title: string; subtitle?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  const { data } = usePublicSettings();
  const name = data?.studio.name ?? 'Roster';
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center gap-2">
          <span
            className="grid size-10 place-items-center rounded-xl bg-brand-700 text-lg font-bold text-white"
            aria-hidden
          >
            {name.slice(0, 1).toUpperCase()}
          </span>
          <span className="text-lg font-semibold text-slate-900">{name}</span>
        </div>
        <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="text-xl font-bold text-slate-900">{props.title}</h1>
          {props.subtitle && <p className="mt-1 text-sm text-slate-600">{props.subtitle}</p>}
          <div className="mt-5">{props.children}</div>
        </div>
        {props.footer && <div className="mt-4 text-center text-sm text-slate-700">{props.footer}</div>}
      </div>
    </main>
  );
}
