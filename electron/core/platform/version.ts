/** The app's version, written into archives and checked when one is restored. */
export const APP_VERSION = '0.1.0';
