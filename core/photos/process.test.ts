import { crc32 } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { processPhoto, PhotoRejected } from "./process";
import { MAX_PHOTO_BYTES, PHOTO_MESSAGES } from "./rules";

const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } });

/** A 1×1 PNG whose header then claims `width` × `height`: a few dozen bytes that would decode to gigabytes. */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await solid(1, 1).png().toBuffer());
  // IHDR: length (4) type (4) at offset 8, then width and height, then its CRC over type and data.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

async function rejection(input: Uint8Array): Promise<string> {
  const error = await processPhoto(input).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PhotoRejected);
  return (error as PhotoRejected).message;
}

describe("processPhoto", () => {
  it("strips EXIF (GPS included) and turns the photo upright", async () => {
    const input = await solid(1200, 900)
      .jpeg()
      .withExif({
        IFD0: { Copyright: "Ada", ImageDescription: "Kitchen at home" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 0/1" },
      })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const before = await sharp(input).metadata();
    expect(before.exif?.toString("latin1")).toContain("Kitchen at home");
    expect(before.orientation).toBe(6);

    const { photo, objects } = await processPhoto(input);
    // Orientation 6 is a quarter turn: 1200 × 900 stored upright is 900 wide.
    expect(photo.widths).toEqual([400, 800]);
    expect(photo).toMatchObject({ width: 800, height: 1067 });
    for (const object of objects) {
      const after = await sharp(object.bytes).metadata();
      expect(after.format).toBe("webp");
      expect(after.exif).toBeUndefined();
      expect(after.xmp).toBeUndefined();
      expect(after.orientation).toBeUndefined();
      expect(Buffer.from(object.bytes).toString("latin1")).not.toContain("Kitchen at home");
    }
  });

  it("stores WebP at 400, 800 and 1600 px wide, with their sizes and an ETag each", async () => {
    const { photo, objects } = await processPhoto(await solid(2400, 1800).png().toBuffer());
    expect(photo.widths).toEqual([400, 800, 1600]);
    expect(photo).toMatchObject({ width: 1600, height: 1200 });
    expect(objects.map((object) => object.key)).toEqual([400, 800, 1600].map((width) => `${photo.id}/${width}.webp`));
    for (const [index, object] of objects.entries()) {
      const metadata = await sharp(object.bytes).metadata();
      expect(metadata).toMatchObject({ format: "webp", width: photo.widths[index], height: (photo.widths[index]! * 3) / 4 });
      expect(object.contentType).toBe("image/webp");
      expect(object.etag).toMatch(/^"[\w-]{27}"$/);
    }
    expect(new Set(objects.map((object) => object.etag)).size).toBe(3);
  });

  it("never enlarges: a photo narrower than 400 px is kept at its own width", async () => {
    const small = await processPhoto(await solid(300, 250).webp().toBuffer());
    expect(small.photo).toMatchObject({ widths: [300], width: 300, height: 250 });
    expect(await sharp(small.objects[0]!.bytes).metadata()).toMatchObject({ width: 300, height: 250 });
    const medium = await processPhoto(await solid(1000, 750).jpeg().toBuffer());
    expect(medium.photo).toMatchObject({ widths: [400, 800], width: 800, height: 600 });
  });

  it("reads AVIF", async () => {
    const { photo } = await processPhoto(await solid(640, 480).avif().toBuffer());
    expect(photo).toMatchObject({ widths: [400], width: 400, height: 300 });
  });

  it("gives every upload a new id", async () => {
    const input = await solid(500, 400).png().toBuffer();
    const [first, second] = await Promise.all([processPhoto(input), processPhoto(input)]);
    expect(first.photo.id).toMatch(/^[\w-]{22}$/);
    expect(first.photo.id).not.toBe(second.photo.id);
  });

  it("refuses a decompression bomb from its header, before decoding it", async () => {
    const bomb = await pngClaiming(20_000, 20_000);
    expect(bomb.byteLength).toBeLessThan(200);
    expect(await rejection(bomb)).toBe(PHOTO_MESSAGES.tooManyPixels);
    // Under 10,000 px a side but over 40 megapixels.
    expect(await rejection(await pngClaiming(9_000, 5_000))).toBe(PHOTO_MESSAGES.tooManyPixels);
  });

  it("refuses what is not a photo: text named .jpg, SVG, GIF, an empty file", async () => {
    expect(await rejection(new TextEncoder().encode("This is not a JPEG, whatever its name says.\n"))).toBe(PHOTO_MESSAGES.notImage);
    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect width="800" height="600"/></svg>',
    );
    expect(await rejection(svg)).toBe(PHOTO_MESSAGES.notImage);
    expect(await rejection(await solid(400, 300).gif().toBuffer())).toBe(PHOTO_MESSAGES.notImage);
    expect(await rejection(new Uint8Array())).toBe(PHOTO_MESSAGES.empty);
  });

  it("refuses a broken file", async () => {
    const jpeg = await solid(800, 600).jpeg().toBuffer();
    expect(await rejection(jpeg.subarray(0, 200))).toBe(PHOTO_MESSAGES.notImage);
  });

  it("refuses over 10 MB without reading it", async () => {
    expect(await rejection(new Uint8Array(MAX_PHOTO_BYTES + 1))).toBe(PHOTO_MESSAGES.tooBig);
  });

  it("refuses absurd shapes and sizes", async () => {
    expect(await rejection(await solid(1200, 300).png().toBuffer())).toBe(PHOTO_MESSAGES.badShape);
    expect(await rejection(await solid(150, 150).png().toBuffer())).toBe(PHOTO_MESSAGES.tooSmall);
  });
});
