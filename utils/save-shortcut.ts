/** The keys that save an answer: ⌘+Enter on Apple keyboards, Ctrl+Enter elsewhere (and where no platform is known, as at build time). */
export const saveShortcut = (): string => (/Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '') ? '⌘+Enter' : 'Ctrl+Enter');
