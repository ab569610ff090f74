/**
 * How the build splits the pages' code into chunks where the default does not serve. A quick page
 * (popup, pause window) takes over from its shell once every module its app needs has loaded
 * (utils/first-paint/app.ts); by default those came as some twenty small chunks, one load each,
 * and "Last time" waited on the slowest (README, "How the first paint works"). Here they come as:
 * - "shared": what the takeover needs that the journal's first screen loads too (the journal
 *   loads the same modules as before, in fewer chunks);
 * - "quick", "quick-popup", "quick-pause": what only the quick pages' takeover needs, by page.
 * What a page's module imports statically (loaded before it runs) keeps the default chunking, so
 * the module starts as soon as before. Every other module too: the journal's later sections and
 * the quick pages' later parts load as they did.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** The parts of Rolldown's ModuleInfo and ChunkingContext read here. */
interface ModuleInfo {
  readonly importedIds: readonly string[];
  readonly dynamicallyImportedIds: readonly string[];
}
interface ChunkingContext {
  getModuleInfo(id: string): ModuleInfo | null;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const QUICK_PAGES = ['popup', 'pause'] as const;

function staticClosure(ctx: ChunkingContext, roots: readonly string[], seen = new Set<string>()): Set<string> {
  for (const id of roots) {
    if (seen.has(id)) continue;
    const info = ctx.getModuleInfo(id);
    if (!info) continue;
    seen.add(id);
    staticClosure(ctx, info.importedIds, seen);
  }
  return seen;
}

/**
 * The chunking above, for the build of the extension's pages only: the background and the first
 * scripts are single classic scripts, which take no chunking options.
 */
export function quickPageChunks(): Plugin {
  return {
    name: 'adempauze:quick-page-chunks',
    config(config) {
      if (!/\.html\b/.test(JSON.stringify(config.build?.rollupOptions?.input ?? config.build?.rolldownOptions?.input ?? null)))
        return undefined;
      return {
        build: {
          rolldownOptions: {
            // Taking only the modules named, not their imports too, lets a chunk hold what two pages
            // share without pulling in what a page's module loads first; Rolldown then allows an
            // entry's chunk to export more than its own module does.
            preserveEntrySignatures: 'allow-extension',
            output: {
              codeSplitting: { groups: [{ name: chunkNamer(), debugName: 'quick pages', includeDependenciesRecursively: false }] },
            },
          },
        },
      };
    },
  };
}

/** The chunk name for each module of the quick pages' takeover (null: the default chunking). */
function chunkNamer(): (id: string, ctx: ChunkingContext) => string | null {
  // Worked out once per chunking pass.
  const passes = new WeakMap<ChunkingContext, Map<string, string>>();
  return (id, ctx) => {
    let names = passes.get(ctx);
    if (!names) passes.set(ctx, (names = chunkNames(ctx)));
    return names.get(id) ?? null;
  };
}

function chunkNames(ctx: ChunkingContext): Map<string, string> {
  const journal = staticClosure(ctx, [`${root}entrypoints/options/main.tsx`]);
  // What each page's module loads before it runs: none of it is the takeover's, for either page.
  const firsts = QUICK_PAGES.map((page) => ({ page, first: staticClosure(ctx, [`${root}entrypoints/${page}/first.ts`]) }));
  const loaded = new Set(firsts.flatMap(({ first }) => [...first]));
  const byPage = firsts.map(({ page, first }) => {
    const roots = [...first].flatMap((id) => ctx.getModuleInfo(id)?.dynamicallyImportedIds ?? []);
    const takeover = staticClosure(ctx, roots);
    for (const id of loaded) takeover.delete(id);
    return { page, takeover };
  });
  const names = new Map<string, string>();
  for (const { page, takeover } of byPage) {
    for (const id of takeover) {
      const name = journal.has(id) ? 'shared' : byPage.every((other) => other.takeover.has(id)) ? 'quick' : `quick-${page}`;
      names.set(id, name);
    }
  }
  return names;
}
