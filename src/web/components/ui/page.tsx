import type { ReactNode } from 'react';

/** The heading block of every page. */
export function PageHeader(props: { title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-5 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
      <div className="min-w-0">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{props.title}</h1>
        {props.description && <p className="mt-1 text-sm text-slate-600">{props.description}</p>}
      </div>
      {props.actions && <div className="flex flex-wrap gap-2">{props.actions}</div>}
    </div>
  );
}

export function EmptyState(props: { title: ReactNode; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <p className="font-medium text-slate-900">{props.title}</p>
      {props.children && <div className="mt-1 text-sm text-slate-600">{props.children}</div>}
      {props.action && <div className="mt-4">{props.action}</div>}
    </div>
  );
}

export function Spinner(props: { label?: string }) {
  return (
    <div role="status" className="flex items-center justify-center gap-2 py-10 text-sm text-slate-600">
      <span className="size-5 animate-spin rounded-full border-2 border-brand-600 border-t-transparent" aria-hidden />
      {props.label ?? 'Loading…'}
    </div>
  );
}
