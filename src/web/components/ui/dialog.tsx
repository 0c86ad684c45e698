import { lazy, Suspense, useEffect, useState } from 'react';
import type { DialogProps } from './modal-dialog';

// Radix's dialog (focus trap, scroll lock, layers) is ~12 KB gzipped that no page needs before a tap:
// it is fetched once a page with a dialog has shown, and mounted from the first time a dialog opens.
const loadModalDialog = () => import('./modal-dialog');
const ModalDialog = lazy(async () => ({ default: (await loadModalDialog()).ModalDialog }));

/** A modal dialog (a bottom sheet on phones): focus trap, Escape to close, labelled by its title. */
export function Dialog(props: DialogProps) {
  const [opened, setOpened] = useState(props.open);
  if (props.open && !opened) setOpened(true);
  useEffect(() => {
    void loadModalDialog();
  }, []);
  if (!opened) return null;
  return (
    <Suspense fallback={null}>
      <ModalDialog {...props} />
    </Suspense>
  );
}
