/** The archive page (归档到 U 盘). */
export { default as ArchivePage } from './ArchivePage';
