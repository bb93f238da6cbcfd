/** One size cap for every file a clerk uploads (attachments and imports), shared by the contract and the store. */
import { z } from 'zod';

export const MAX_UPLOAD_BYTES = 30 * 1024 * 1024;

/** The file's bytes as base64 (4 characters per 3 bytes), at most MAX_UPLOAD_BYTES once decoded. */
export const Base64FileSchema = z.string().max(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4, 'fileTooLarge');
