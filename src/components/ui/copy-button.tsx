import { useEffect, useState } from 'react';
import { Button } from './button';
import { useUiMessages } from './messages';

export function CopyButton({ value, label }: { value: string; label: string }) {
  const t = useUiMessages();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(timer);
  }, [state]);

  const copy = () => {
    navigator.clipboard.writeText(value).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };

  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" size="sm" onClick={copy} aria-label={label}>
        {state === 'copied' ? t.copied() : t.copy()}
      </Button>
      <span role="status" aria-live="polite" className="sr-only">
        {state === 'copied' ? t.copiedAnnouncement() : state === 'failed' ? t.copyFailed() : ''}
      </span>
    </span>
  );
}
