import { Card } from './card';
import { PageHeader } from './page-header';

/** An area whose page is not built yet: the route exists so that navigation and links already work. */
export function ComingSoon({ area }: { area: string }) {
  return (
    <>
      <PageHeader title={area} />
      <Card>
        <p className="text-sm text-ink-muted">{area} is coming soon to the console.</p>
      </Card>
    </>
  );
}
