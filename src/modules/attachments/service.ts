// Chat images (SPEC §2): stored in the database (so every server process can serve them), checked by their
// bytes, at most 5 MB, addressed by an unguessable key that a message carries.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../server/errors.js';
import { maxImageBytes, type Attachment, type ImageContentType } from '../../shared/schemas/chat.js';
import * as repo from './repo.js';
import { sniffImageType } from './rules.js';

type Db = Kysely<Database>;

export interface Uploader {
  shopId: string;
  kind: 'customer' | 'staff';
  id: string;
}

export function attachmentUrl(id: string): string {
  return `/api/attachments/${id}`;
}

function present(row: { id: string; contentType: string; size: number }): Attachment {
  return {
    id: row.id,
    contentType: row.contentType as ImageContentType,
    size: row.size,
    url: attachmentUrl(row.id),
  };
}

/** Stores an image whose bytes match its declared type; refuses anything else. */
export async function storeImage(
  db: Db,
  uploader: Uploader,
  declaredType: string,
  data: Buffer,
): Promise<Attachment> {
  if (data.length === 0) throw new AppError('validation_failed');
  if (data.length > maxImageBytes) throw new AppError('payload_too_large');
  const actual = sniffImageType(data);
  if (!actual || actual !== declaredType) throw new AppError('unsupported_image');
  const now = Date.now();
  const row = {
    id: randomBytes(18).toString('base64url'),
    shopId: uploader.shopId,
    uploaderKind: uploader.kind,
    uploaderId: uploader.id,
    contentType: actual,
    size: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
    data,
    createdAt: now,
  };
  await repo.insertAttachment(db, row);
  return present(row);
}

/** The attachment a sender may put into a message: their own upload in their own shop. */
export async function ownAttachment(db: Db, uploader: Uploader, id: string): Promise<Attachment> {
  const [row] = await repo.findAttachmentMeta(db, uploader.shopId, [id]);
  if (!row || row.uploaderKind !== uploader.kind || row.uploaderId !== uploader.id) {
    throw new AppError('validation_failed', { issues: [{ path: ['attachmentId'], message: 'unknown' }] });
  }
  return present(row);
}

export async function attachmentsById(
  db: Db,
  shopId: string,
  ids: string[],
): Promise<Map<string, Attachment>> {
  const rows = await repo.findAttachmentMeta(db, shopId, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, present(row)]));
}

export async function readAttachment(db: Db, id: string) {
  const row = await repo.findAttachmentData(db, id);
  if (!row) return undefined;
  return { contentType: row.contentType, data: Buffer.from(row.data), etag: `"${row.sha256}"` };
}
