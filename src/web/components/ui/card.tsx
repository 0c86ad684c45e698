import type { HTMLAttributes, ReactNode } from 'react';
import { cn } from '../../lib/cn';

export function Card({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn('rounded-xl border border-slate-200 bg-white shadow-sm', className)} {...props} />;
}

export function CardHeader(props: { title: ReactNode; description?: ReactNode; action?: ReactNode; as?: 'h2' | 'h3' }) {
  const Heading = props.as ?? 'h2';
  return (
    <div className="flex items-start justify-between gap-3 border-b border-slate-100 px-4 py-3 sm:px-5">
      <div className="min-w-0">
        <Heading className="text-base font-semibold text-slate-900">{props.title}</Heading>
        {props.description && <p className="mt-0.5 text-sm text-slate-600">{props.description}</p>}
      </div>
      {props.action}
    </div>
  );
}

export function CardBody({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn('px-4 py-4 sm:px-5', className)} {...props} />;
}
