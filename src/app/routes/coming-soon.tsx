import { useMatches } from 'react-router';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';

function areaOf(handle: unknown): string | null {
  return typeof handle === 'object' && handle !== null && 'area' in handle && typeof handle.area === 'string' ? handle.area : null;
}

/** Areas whose pages are not built yet: the route exists so that navigation and links already work. */
export function Component() {
  const matches = useMatches();
  const area = matches.map((match) => areaOf(match.handle)).findLast(Boolean) ?? 'This page';
  return (
    <>
      <PageHeader title={area} />
      <Card>
        <p className="text-sm text-ink-muted">{area} is coming soon to the console.</p>
      </Card>
    </>
  );
}
