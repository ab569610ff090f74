/**
 * The permissions automatic backups need, asked for when the person turns them on and never at
 * install: `downloads`, to write into the Downloads folder without a dialog, and in Chromium
 * `offscreen`, a hidden page that gives the file a URL (a service worker cannot). The manifest
 * (wxt.config.ts) says which this build declares; only those are asked for.
 */
import { browser } from 'wxt/browser';

const WANTED = ['downloads', 'offscreen'] as const;

/** The backup permissions this build declares, optional or (in the e2e test build) required. */
export function autoBackupPermissions(): string[] {
  const manifest = browser.runtime.getManifest();
  const declared = new Set([...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])]);
  return WANTED.filter((permission) => declared.has(permission));
}

/**
 * Asks for them; must be the first thing a click does (the browser wants the person's gesture).
 * True when granted (at once if they are already).
 */
export function requestAutoBackupPermissions(): Promise<boolean> {
  return browser.permissions.request({ permissions: autoBackupPermissions() as never });
}

/** Whether they are granted now: the person may withdraw them at any time (Firefox: about:addons). */
export function hasAutoBackupPermissions(): Promise<boolean> {
  return browser.permissions.contains({ permissions: autoBackupPermissions() as never });
}

/** Gives them back when automatic backups are turned off; a permission the build requires stays. */
export async function releaseAutoBackupPermissions(): Promise<void> {
  const optional = new Set(browser.runtime.getManifest().optional_permissions ?? []);
  const permissions = autoBackupPermissions().filter((permission) => optional.has(permission));
  if (permissions.length > 0) await browser.permissions.remove({ permissions: permissions as never });
}
