import { useEffect } from 'react';
import { toast as sonner, Toaster as Sonner, type ToasterProps } from 'sonner';
// The console's CSP refuses the <style> that sonner injects: its layout comes as a stylesheet instead.
import 'sonner/dist/styles.css';
import { connectToaster, type ToastTone } from './toast';
import { textDirection, useLanguage } from '@/lib/i18n';
import { useUiMessages } from './messages';

const TONE_CLASS: Record<ToastTone, string> = {
  success: 'border-success-line bg-success-soft text-success-ink',
  error: 'border-danger-line bg-danger-soft text-danger-ink',
  info: 'border-info-line bg-info-soft text-info-ink',
};

// Unstyled: the cards use the console's colours, which follow its light or dark theme.
const OPTIONS: ToasterProps['toastOptions'] = {
  unstyled: true,
  classNames: {
    toast: 'pointer-events-auto flex w-full items-start gap-3 rounded-lg border p-3 pe-9 text-sm shadow-lg',
    title: 'min-w-0 flex-1',
    closeButton: 'absolute end-2 top-2 rounded px-1 text-current hover:opacity-70',
    success: TONE_CLASS.success,
    error: TONE_CLASS.error,
    info: TONE_CLASS.info,
  },
};

/**
 * sonner's toaster. Its region is a polite live region, on the page before the first toast is put in
 * it (toast.tsx), so that screen readers announce it; each message is a status, or an alert for
 * errors, which screen readers announce at once.
 */
export default function ToastRegions() {
  const t = useUiMessages();
  // Toasts come in at the corner the reading ends on: bottom left in a right-to-left language.
  const dir = textDirection(useLanguage());
  useEffect(
    () =>
      connectToaster(({ tone, message }) => {
        const text = typeof message === 'string' ? message : message(t);
        // The same message while it is on screen (a retried action) shows once.
        sonner[tone](<span role={tone === 'error' ? 'alert' : 'status'}>{text}</span>, {
          id: text,
          closeButton: true,
          duration: tone === 'error' ? 9000 : 5000,
        });
      }),
    // Connected again when the language changes; toasts asked for meanwhile wait (toast.tsx).
    [t],
  );
  return (
    <Sonner
      position={dir === 'rtl' ? 'bottom-left' : 'bottom-right'}
      dir={dir}
      visibleToasts={4}
      expand
      toastOptions={{ ...OPTIONS, closeButtonAriaLabel: t.dismissNotification() }}
      containerAriaLabel={t.notifications()}
    />
  );
}
