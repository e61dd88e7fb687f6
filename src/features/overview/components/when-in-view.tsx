import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Renders `children` (a lazy component) only once this box comes into the viewport, so that code for
 * what sits below the fold loads when the user scrolls, tabs or reads down to it, not with the first
 * page. Until then it shows `placeholder`; `className` reserves the height the content takes, so that
 * nothing below or around it moves when it arrives. Without IntersectionObserver, it renders at once.
 */
export function WhenInView({ children, placeholder, className }: { children: ReactNode; placeholder: ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');

  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      // When any of it shows, not before: at 1280 x 720 the overview's fold is just above it.
      { rootMargin: '0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);

  return (
    <div ref={ref} className={className}>
      {near ? children : placeholder}
    </div>
  );
}
