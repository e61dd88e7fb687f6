import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';

/**
 * Pages whose data is large enough that waiting for the console's entry script to start loading it
 * shows (the invoice list, 10,000 invoices: npm run bench:invoices). Their HTML also carries
 * public/early-requests.js, which starts their requests at once, then preloads their route module and
 * its chunks, which the router would otherwise fetch only after the entry has run.
 */
const EARLY_PAGES = [{ path: /^\/organizations\/[^/]+\/invoices\/?$/, module: 'src/features/invoices/invoices-route.tsx' }];

/** The part of Vite's build manifest read here. */
const manifestSchema = z.record(z.string(), z.object({ file: z.string(), imports: z.optional(z.array(z.string())), isEntry: z.optional(z.boolean()) }));
type Manifest = z.infer<typeof manifestSchema>;

function readManifest(distDir: string): Manifest {
  const file = join(distDir, '.vite', 'manifest.json');
  return existsSync(file) ? manifestSchema.parse(JSON.parse(readFileSync(file, 'utf8'))) : {};
}

/** The files of a chunk and of every chunk it imports, the entry (already in the HTML) left out. */
function chunkFiles(manifest: Manifest, key: string, seen = new Set<string>()): string[] {
  const chunk = manifest[key];
  if (!chunk || chunk.isEntry || seen.has(key)) return [];
  seen.add(key);
  return [chunk.file, ...(chunk.imports ?? []).flatMap((imported) => chunkFiles(manifest, imported, seen))];
}

/** index.html for `path`: as built, or with the early script and preloads of an EARLY_PAGES page. */
export function earlyPageHtml(distDir: string, indexHtml: string): (path: string) => string {
  const manifest = readManifest(distDir);
  const variants = EARLY_PAGES.map(({ path, module }) => {
    // Chunks the HTML does not load already: the early script preloads them once it has started its
    // requests, so that those go out first (links in the HTML are found by the preload scanner before it runs).
    const modules = [...new Set(chunkFiles(manifest, module))].filter((file) => !indexHtml.includes(`/${file}"`)).map((file) => `/${file}`);
    const html = indexHtml.replace('</title>', `</title>\n    <script src="/early-requests.js" data-modules="${modules.join(' ')}"></script>`);
    return { path, html };
  });
  return (path) => variants.find((variant) => variant.path.test(path))?.html ?? indexHtml;
}
