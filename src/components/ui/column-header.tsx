import type { ReactNode } from 'react';
import { cn } from './cn';

/** A table's column header: `scope="col"`, so that screen readers name each cell below it by it. */
export function ColumnHeader({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <th scope="col" className={cn('font-medium', className)}>
      {children}
    </th>
  );
}
