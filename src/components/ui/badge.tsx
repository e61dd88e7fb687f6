import type { ReactNode } from 'react';
import { cn } from './cn';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

const tones: Record<Tone, string> = {
  neutral: 'bg-neutral-soft text-neutral-ink ring-line-strong',
  info: 'bg-info-soft text-info-ink ring-info-line',
  success: 'bg-success-soft text-success-ink ring-success-line',
  warning: 'bg-warning-soft text-warning-ink ring-warning-line',
  danger: 'bg-danger-soft text-danger-ink ring-danger-line',
};

export function Badge({ tone = 'neutral', children, className }: { tone?: Tone; children: ReactNode; className?: string }) {
  return <span className={cn('inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset', tones[tone], className)}>{children}</span>;
}
