import { X } from 'lucide-react';
import { Dialog as RadixDialog } from 'radix-ui';
import type { ReactNode, RefObject } from 'react';

/**
 * The phone's menu sheet (Radix dialog), loaded with its own chunk: the layout's "Open menu" button
 * opens it, and focus goes back to that button when it closes.
 */
export function MenuSheet(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  returnFocusTo: RefObject<HTMLButtonElement | null>;
  footer: ReactNode;
  children: ReactNode;
}) {
  return (
    <RadixDialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <RadixDialog.Content
          className="fixed inset-y-0 right-0 z-50 flex w-72 max-w-[85vw] flex-col bg-white px-3 py-4 shadow-xl"
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            props.returnFocusTo.current?.focus();
          }}
        >
          <div className="mb-4 flex items-center justify-between px-3">
            <RadixDialog.Title className="font-semibold">Menu</RadixDialog.Title>
            <RadixDialog.Description className="sr-only">Navigation and account</RadixDialog.Description>
            <RadixDialog.Close className="rounded-lg p-2 hover:bg-slate-100" aria-label="Close menu">
              <X className="size-5" aria-hidden />
            </RadixDialog.Close>
          </div>
          <nav className="flex-1 overflow-y-auto" aria-label="Menu navigation">
            {props.children}
          </nav>
          {props.footer}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
