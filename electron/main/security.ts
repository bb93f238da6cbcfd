/**
 * The security baseline, attached to every web contents the app ever creates (cawa-93 style):
 * no navigation away from app://, no new windows, no <webview>, no remote requests, no permissions.
 */
import { app, session, type Session } from 'electron';
import { isAppUrl } from './app-url';

/** The only permission granted: writing to the clipboard from our own page (AG Grid copy). */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

export function installSecurityRules(): void {
  app.on('web-contents-created', (_event, contents) => {
    // In-page navigation within app:// (reload, hash routes) is fine; anything else is blocked.
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/** Session-wide rules: deny permission requests and cancel every network request to the outside. */
export function hardenSession(ses: Session = session.defaultSession): void {
  ses.setPermissionRequestHandler((contents, permission, callback) => {
    callback(ALLOWED_PERMISSIONS.has(permission) && isAppUrl(contents.getURL()));
  });
  ses.setPermissionCheckHandler((contents, permission) => ALLOWED_PERMISSIONS.has(permission) && isAppUrl(contents?.getURL()));
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] }, (_details, callback) => {
    callback({ cancel: true }); // no remote content, ever
  });
}
