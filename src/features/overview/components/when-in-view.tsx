import { useIsFetching } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Renders `children` (a lazy component) only once this box comes into the viewport, so that the code
 * of what sits below the fold loads when the user scrolls, tabs or reads down to it, not with the
 * first page. Until then it shows `placeholder`, which should have the content's height, so that
 * nothing moves when it arrives. Without IntersectionObserver, it renders at once.
 *
 * It starts watching once the page's first requests have settled: while the cards above show their
 * shorter loading blocks, a box that ends up below the fold passes through the viewport for a frame
 * or two, and that alone must not load it.
 */
export function WhenInView({ children, placeholder }: { children: ReactNode; placeholder: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [inView, setInView] = useState(() => typeof IntersectionObserver === 'undefined');
  const settled = useIsFetching() === 0;

  useEffect(() => {
    const element = ref.current;
    if (inView || !settled || !element) return;
    const observer = new IntersectionObserver((entries) => setInView(entries.some((entry) => entry.isIntersecting)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [inView, settled]);

  return <div ref={ref}>{inView ? children : placeholder}</div>;
}
