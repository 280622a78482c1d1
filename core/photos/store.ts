import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/infra/db";
import { photoObjects, type RecipePhoto } from "@/infra/db/schema";
import { photoKey } from "./rules";

export type PhotoObject = { key: string; contentType: string; bytes: Uint8Array; etag: string };

/**
 * Where photo bytes live. Each call takes the database (or the transaction) so the PostgreSQL store
 * writes and deletes in the recipe's own transaction; an object store (S3 and the like) would ignore
 * it and put before the commit, delete after it (docs/decisions/0006-photos-in-postgres.md).
 */
export interface PhotoStore {
  put(db: Db, objects: readonly PhotoObject[]): Promise<void>;
  get(db: Db, key: string): Promise<PhotoObject | null>;
  /** Only the ETag, for a conditional request that needs no bytes. */
  etag(db: Db, key: string): Promise<string | null>;
  delete(db: Db, keys: readonly string[]): Promise<void>;
}

/** The stored images in the `photo_objects` table (bytea): dynos and serverless functions have no lasting disk. */
export const postgresPhotoStore: PhotoStore = {
  async put(db, objects) {
    if (objects.length === 0) return;
    await db.insert(photoObjects).values(objects.map(({ key, contentType, bytes, etag }) => ({ key, contentType, bytes, etag })));
  },
  async get(db, key) {
    const [row] = await db
      .select({ key: photoObjects.key, contentType: photoObjects.contentType, bytes: photoObjects.bytes, etag: photoObjects.etag })
      .from(photoObjects)
      .where(eq(photoObjects.key, key));
    return row ?? null;
  },
  async etag(db, key) {
    const [row] = await db.select({ etag: photoObjects.etag }).from(photoObjects).where(eq(photoObjects.key, key));
    return row?.etag ?? null;
  },
  async delete(db, keys) {
    if (keys.length === 0) return;
    await db.delete(photoObjects).where(inArray(photoObjects.key, [...keys]));
  },
};

/** The store the app uses. */
export const photoStore: PhotoStore = postgresPhotoStore;

/** Every stored object of a recipe's photo. */
export function photoKeys(photo: RecipePhoto | null | undefined): string[] {
  return photo ? photo.widths.map((width) => photoKey(photo.id, width)) : [];
}
