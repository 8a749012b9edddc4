/** The build's list of precached files and their sizes, beside index.html (written by pwaPlugin.ts). */
export const OFFLINE_FILES = 'offline-files.json';
