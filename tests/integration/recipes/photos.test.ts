import { inArray } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { deleteAccount } from "@/core/accounts/delete-account";
import { processPhoto } from "@/core/photos/process";
import { photoKeys, photoStore, postgresPhotoStore } from "@/core/photos/store";
import { createRecipe, deleteRecipe, getOwnRecipe, getRecipe, listOwnRecipes, updateRecipe } from "@/core/recipes/queries";
import { recipeFormSchema } from "@/core/recipes/schemas";
import { searchRecipes } from "@/core/search/search";
import { getDb } from "@/infra/db";
import { photoObjects, type RecipePhoto } from "@/infra/db/schema";
import { activationTokenFor } from "@/tests/support/outbox";
import { PASSWORD, confirm, register, uniqueEmail } from "@/tests/support/accounts";

const recipe = (title: string) =>
  recipeFormSchema.parse({
    title,
    summary: "",
    ingredients: "2 quinces\n1 lemon",
    steps: "Poach.",
    servings: "2",
    prepMinutes: "5",
    cookMinutes: "30",
  });

const photoOf = async (width: number, height: number, colour = { r: 180, g: 60, b: 30 }) =>
  processPhoto(
    await sharp({ create: { width, height, channels: 3, background: colour } })
      .jpeg()
      .toBuffer(),
  );

async function storedKeys(photo: RecipePhoto | null | undefined): Promise<string[]> {
  const keys = photoKeys(photo);
  if (keys.length === 0) return [];
  const db = await getDb();
  const found = await db.select({ key: photoObjects.key }).from(photoObjects).where(inArray(photoObjects.key, keys));
  return found.map((row) => row.key).sort();
}

async function cook(prefix: string) {
  const email = uniqueEmail(prefix);
  await register(email, "Ada");
  const user = await confirm(activationTokenFor(email));
  return { id: user!.id, email };
}

describe("the PostgreSQL photo store", () => {
  it("puts, gets byte for byte, answers the ETag alone, and deletes", async () => {
    const db = await getDb();
    const bytes = new Uint8Array([0, 1, 2, 250, 255, 0, 92, 39]);
    const object = { key: "store-test/400.webp", contentType: "image/webp", bytes, etag: '"abc"' };
    await postgresPhotoStore.put(db, [object]);
    const got = await postgresPhotoStore.get(db, object.key);
    expect(got).toMatchObject({ key: object.key, contentType: "image/webp", etag: '"abc"' });
    expect([...got!.bytes]).toEqual([...bytes]);
    expect(await postgresPhotoStore.etag(db, object.key)).toBe('"abc"');
    await postgresPhotoStore.delete(db, [object.key]);
    expect(await postgresPhotoStore.get(db, object.key)).toBeNull();
    expect(await postgresPhotoStore.etag(db, object.key)).toBeNull();
  });

  it("rolls the objects back with the transaction that wrote them", async () => {
    const db = await getDb();
    const key = "rolled-back/400.webp";
    await expect(
      db.transaction(async (tx) => {
        await photoStore.put(tx, [{ key, contentType: "image/webp", bytes: new Uint8Array([1]), etag: '"x"' }]);
        throw new Error("the recipe could not be saved");
      }),
    ).rejects.toThrow("the recipe could not be saved");
    expect(await photoStore.get(db, key)).toBeNull();
  });
});

describe("recipe photos", () => {
  it("creates a recipe with its photo: the row names it, every size is stored, the cards and search see it", async () => {
    const db = await getDb();
    const owner = await cook("photo-create");
    const processed = await photoOf(2000, 1500);
    const id = await createRecipe(db, owner.id, recipe("Poached quinces with a photo"), processed);

    const stored = await getRecipe(db, id);
    expect(stored!.photo).toEqual({ id: processed.photo.id, widths: [400, 800, 1600], width: 1600, height: 1200 });
    expect(await storedKeys(stored!.photo)).toEqual(processed.objects.map((object) => object.key).sort());
    const bytes = await photoStore.get(db, `${processed.photo.id}/800.webp`);
    expect((await sharp(bytes!.bytes).metadata()).width).toBe(800);

    expect((await listOwnRecipes(db, owner.id))[0]!.photo).toEqual(stored!.photo);
    const found = await searchRecipes(db, { ingredients: ["quince"] });
    expect(found.results.find((result) => result.id === id)!.photo).toEqual(stored!.photo);
    const newest = await searchRecipes(db, { ingredients: [] });
    expect(newest.results.find((result) => result.id === id)!.photo).toEqual(stored!.photo);

    const plain = await createRecipe(db, owner.id, recipe("Quinces without a photo"));
    expect((await getRecipe(db, plain))!.photo).toBeNull();
  });

  it("replaces a photo (the old objects go), keeps it on a text edit, and removes it", async () => {
    const db = await getDb();
    const owner = await cook("photo-replace");
    const first = await photoOf(900, 600);
    const id = await createRecipe(db, owner.id, recipe("Quince paste"), first);

    expect(await updateRecipe(db, owner.id, id, 1, recipe("Quince paste, firmer"))).toEqual({ status: "updated" });
    expect((await getOwnRecipe(db, owner.id, id))!.photo).toEqual(first.photo);
    expect(await storedKeys(first.photo)).toHaveLength(2);

    const second = await photoOf(1700, 1200, { r: 20, g: 120, b: 60 });
    expect(await updateRecipe(db, owner.id, id, 2, recipe("Quince paste"), { kind: "replace", processed: second })).toEqual({
      status: "updated",
    });
    const replaced = await getOwnRecipe(db, owner.id, id);
    expect(replaced!.photo!.id).toBe(second.photo.id);
    expect(replaced!.photo!.id).not.toBe(first.photo.id);
    expect(await storedKeys(first.photo)).toEqual([]);
    expect(await storedKeys(second.photo)).toHaveLength(3);

    expect(await updateRecipe(db, owner.id, id, 3, recipe("Quince paste"), { kind: "remove" })).toEqual({ status: "updated" });
    expect((await getOwnRecipe(db, owner.id, id))!.photo).toBeNull();
    expect(await storedKeys(second.photo)).toEqual([]);
  });

  it("a stale edit stores nothing of its photo and leaves the current one", async () => {
    const db = await getDb();
    const owner = await cook("photo-stale");
    const first = await photoOf(800, 600);
    const id = await createRecipe(db, owner.id, recipe("Quince jelly"), first);
    await updateRecipe(db, owner.id, id, 1, recipe("Quince jelly, set"));
    const late = await photoOf(800, 600);
    const result = await updateRecipe(db, owner.id, id, 1, recipe("Quince jelly"), { kind: "replace", processed: late });
    expect(result.status).toBe("conflict");
    expect(await storedKeys(late.photo)).toEqual([]);
    expect(await storedKeys(first.photo)).toHaveLength(2);
  });

  it("another cook can neither replace nor remove someone's photo, nor delete it with the recipe", async () => {
    const db = await getDb();
    const owner = await cook("photo-owner");
    const intruder = await cook("photo-intruder");
    const original = await photoOf(1200, 900);
    const id = await createRecipe(db, owner.id, recipe("Quince tart"), original);
    const forged = await photoOf(1200, 900, { r: 0, g: 0, b: 0 });

    expect(await updateRecipe(db, intruder.id, id, 1, recipe("Quince tart"), { kind: "replace", processed: forged })).toEqual({
      status: "not-found",
    });
    expect(await updateRecipe(db, intruder.id, id, 1, recipe("Quince tart"), { kind: "remove" })).toEqual({ status: "not-found" });
    expect(await deleteRecipe(db, intruder.id, id)).toBe(false);

    expect((await getRecipe(db, id))!.photo).toEqual(original.photo);
    expect(await storedKeys(original.photo)).toHaveLength(2);
    expect(await storedKeys(forged.photo)).toEqual([]);
  });

  it("deleting a recipe deletes its photo's objects", async () => {
    const db = await getDb();
    const owner = await cook("photo-delete");
    const processed = await photoOf(1000, 800);
    const id = await createRecipe(db, owner.id, recipe("Quince crumble"), processed);
    expect(await deleteRecipe(db, owner.id, id)).toBe(true);
    expect(await storedKeys(processed.photo)).toEqual([]);
  });

  it("deleting an account deletes its recipes' photos, and no one else's", async () => {
    const db = await getDb();
    const leaving = await cook("photo-leaving");
    const staying = await cook("photo-staying");
    const leavingPhotos = [await photoOf(900, 700), await photoOf(500, 400)];
    for (const [index, processed] of leavingPhotos.entries())
      await createRecipe(db, leaving.id, recipe(`Leaving quince ${index}`), processed);
    const stayingPhoto = await photoOf(900, 700);
    await createRecipe(db, staying.id, recipe("Staying quince"), stayingPhoto);

    expect(await deleteAccount(db, leaving, PASSWORD)).toEqual({ status: "deleted" });
    for (const processed of leavingPhotos) expect(await storedKeys(processed.photo)).toEqual([]);
    expect(await storedKeys(stayingPhoto.photo)).toHaveLength(2);
  });
});
