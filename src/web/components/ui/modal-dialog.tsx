import { X } from 'lucide-react';
import { Dialog as RadixDialog } from 'radix-ui';
import type { ReactNode } from 'react';

export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
}

/** The Radix dialog behind `Dialog` (focus trap, Escape to close, labelled by its title); import `Dialog` instead. */
export function ModalDialog(props: DialogProps) {
  return (
    <RadixDialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <RadixDialog.Content
          className="fixed inset-x-0 bottom-0 z-50 max-h-[90vh] overflow-y-auto rounded-t-2xl bg-white p-5 shadow-xl sm:inset-auto sm:top-1/2 sm:left-1/2 sm:w-full sm:max-w-lg sm:-translate-x-1/2 sm:-translate-y-1/2 sm:rounded-2xl"
          aria-describedby={props.description ? undefined : undefined}
        >
          {/* Every sheet can be closed by a visible button, not only Escape or a tap outside. */}
          <RadixDialog.Close
            aria-label="Close"
            className="float-right -mt-2 -mr-2 ml-2 inline-flex size-11 items-center justify-center rounded-lg text-slate-600 hover:bg-slate-100 hover:text-slate-900"
          >
            <X className="size-5" aria-hidden />
          </RadixDialog.Close>
          <RadixDialog.Title className="text-lg font-semibold text-slate-900">{props.title}</RadixDialog.Title>
          {props.description ? (
            <RadixDialog.Description className="mt-1 text-sm text-slate-600">
              {props.description}
            </RadixDialog.Description>
          ) : (
            <RadixDialog.Description className="sr-only">{props.title}</RadixDialog.Description>
          )}
          <div className="mt-4">{props.children}</div>
          {props.footer && (
            // Sticky: a long form's buttons stay in view (a 1280×800 screen cut "Save" off).
            <div className="sticky -bottom-5 -mx-5 mt-5 flex flex-col-reverse gap-2 border-t border-slate-100 bg-white px-5 py-3 sm:flex-row sm:justify-end">
              {props.footer}
            </div>
          )}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
