/**
 * The extension API where the shells are rendered at build time (render.tsx), in Node: modules
 * the apps import may reach for it when loaded, and a first render must not call it. Every call
 * throws, so a component that starts calling it during render fails the build instead of
 * baking a made-up answer into the page.
 */
const refuse = (path: string): unknown =>
  new Proxy(() => undefined, {
    // Not a promise: `then` is looked for when a module that holds it is imported.
    get: (_target, key) => (typeof key === 'string' && key !== 'then' ? refuse(`${path}.${key}`) : undefined),
    apply: () => {
      throw new Error(`browser${path}() was called while rendering a shell at build time`);
    },
  });

export const browser = refuse('');
export default browser;
