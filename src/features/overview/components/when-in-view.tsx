import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Renders `children` (a lazy component) only once this box comes into the viewport, so that the code
 * of what sits below the fold loads when the user scrolls, tabs or reads down to it, not with the
 * first page. Until then it shows `placeholder`, which should have the content's height, so that
 * nothing moves when it arrives. Without IntersectionObserver, it renders at once.
 */
export function WhenInView({ children, placeholder }: { children: ReactNode; placeholder: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [inView, setInView] = useState(() => typeof IntersectionObserver === 'undefined');

  useEffect(() => {
    const element = ref.current;
    if (inView || !element) return;
    const observer = new IntersectionObserver((entries) => setInView(entries.some((entry) => entry.isIntersecting)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [inView]);

  return <div ref={ref}>{inView ? children : placeholder}</div>;
}
