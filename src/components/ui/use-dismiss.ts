import { useEffect, type RefObject } from 'react';

/**
 * Closes an open popup the way other popups close: Escape (the focus goes back to the button that
 * opened it), a pointer down outside both the button and the popup, or the keyboard focus moving
 * outside both (Tab past its last item: left open, it would cover the page the focus went on to).
 */
export function useDismiss(open: boolean, setOpen: (open: boolean) => void, button: RefObject<HTMLElement | null>, popup: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const closeOutside = (event: Event) => {
      const target = event.target;
      if (!(target instanceof Node) || popup.current?.contains(target) || button.current?.contains(target)) return;
      setOpen(false);
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', closeOutside);
    document.addEventListener('focusin', closeOutside);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', closeOutside);
      document.removeEventListener('focusin', closeOutside);
    };
  }, [open, setOpen, button, popup]);
}
