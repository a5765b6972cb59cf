import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../http/problem';
import { IMAGE_LIMITS, processImage } from './images';

/** A solid image in the given format, made with sharp so the tests need no fixture files. */
function solid(width: number, height: number, channels: 3 | 4 = 3) {
  const background = channels === 4 ? { r: 0, g: 128, b: 255, alpha: 0.5 } : '#3366cc';
  return sharp({ create: { width, height, channels, background } });
}

/** Deterministic noise: gives JPEG a real entropy-coded body to cut in half. */
function noisy(width: number, height: number) {
  const data = Buffer.alloc(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i * 7919) % 251;
  return sharp(data, { raw: { width, height, channels: 3 } });
}

/** Runs processImage and returns the problem it throws (failing the test if it does not). */
async function rejection(input: Buffer, limits = IMAGE_LIMITS): Promise<HttpProblem> {
  const error = await processImage(input, '/file', limits).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpProblem);
  return error as HttpProblem;
}

/**
 * A PNG whose IHDR claims the given size but whose pixel data is a few zero rows: what a
 * decompression bomb looks like to anyone who reads only the header.
 */
function headerOnlyPng(width: number, height: number): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), body]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(4 * (1 + width * 3)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('processImage', () => {
  it('re-encodes a small JPEG as JPEG at its own size', async () => {
    const input = await solid(640, 480).jpeg().toBuffer();
    const out = await processImage(input, '/file');
    expect(out).toMatchObject({ mime: 'image/jpeg', ext: 'jpg', width: 640, height: 480 });
    expect(out.thumbWidth).toBe(480);
    expect(out.thumbHeight).toBe(360);
    const meta = await sharp(out.main).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 640, 480]);
    const thumb = await sharp(out.thumb).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['jpeg', 480, 360]);
  });

  it('never enlarges a small image or its thumbnail', async () => {
    const out = await processImage(await solid(120, 80).png().toBuffer(), '/file');
    expect([out.width, out.height, out.thumbWidth, out.thumbHeight]).toEqual([120, 80, 120, 80]);
  });

  it('shrinks a 5000×3000 image to a 2560 long edge and a 480 thumbnail', async () => {
    const out = await processImage(await solid(5000, 3000).jpeg().toBuffer(), '/file');
    expect([out.width, out.height]).toEqual([2560, 1536]);
    expect([out.thumbWidth, out.thumbHeight]).toEqual([480, 288]);
    expect((await sharp(out.main).metadata()).width).toBe(2560);
  });

  it('shrinks a portrait image by its height', async () => {
    const out = await processImage(await solid(1000, 4000).png().toBuffer(), '/file');
    expect([out.width, out.height]).toEqual([640, 2560]);
    expect([out.thumbWidth, out.thumbHeight]).toEqual([120, 480]);
  });

  it('turns the image upright from EXIF and drops EXIF and GPS', async () => {
    // Stored 200×100, red on the left and blue on the right; orientation 6 means "rotate 90°
    // clockwise to view", which puts red on top.
    const input = await sharp({
      create: { width: 200, height: 100, channels: 3, background: '#0000ff' },
    })
      .composite([
        {
          input: { create: { width: 100, height: 100, channels: 3, background: '#ff0000' } },
          left: 0,
          top: 0,
        },
      ])
      .jpeg()
      .withExif({
        IFD0: { Copyright: 'Somebody' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 33/1 0/1' },
      })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const before = await sharp(input).metadata();
    expect(before.orientation).toBe(6);
    expect(before.exif?.includes('Somebody')).toBe(true);

    const out = await processImage(input, '/file');
    expect([out.width, out.height]).toEqual([100, 200]);
    const after = await sharp(out.main).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect((await sharp(out.thumb).metadata()).exif).toBeUndefined();

    const { data, info } = await sharp(out.main).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => {
      const at = (y * info.width + x) * info.channels;
      return [data[at], data[at + 1], data[at + 2]] as number[];
    };
    const [topR, , topB] = pixel(50, 20);
    const [bottomR, , bottomB] = pixel(50, 180);
    expect(topR).toBeGreaterThan(200);
    expect(topB).toBeLessThan(50);
    expect(bottomB).toBeGreaterThan(200);
    expect(bottomR).toBeLessThan(50);
  });

  it('keeps a PNG with real transparency as PNG, thumbnail too', async () => {
    const out = await processImage(await solid(800, 600, 4).png().toBuffer(), '/file');
    expect(out).toMatchObject({ mime: 'image/png', ext: 'png', width: 800, height: 600 });
    const meta = await sharp(out.main).metadata();
    expect([meta.format, meta.hasAlpha]).toEqual(['png', true]);
    expect((await sharp(out.thumb).metadata()).format).toBe('png');
  });

  it('turns a PNG whose alpha channel is fully opaque into JPEG', async () => {
    const input = await sharp({
      create: { width: 300, height: 200, channels: 4, background: { r: 1, g: 2, b: 3, alpha: 1 } },
    })
      .png()
      .toBuffer();
    expect((await sharp(input).metadata()).hasAlpha).toBe(true);
    const out = await processImage(input, '/file');
    expect(out.mime).toBe('image/jpeg');
    expect((await sharp(out.main).metadata()).format).toBe('jpeg');
  });

  it.each([
    ['WebP', () => solid(320, 240).webp().toBuffer()],
    ['GIF', () => solid(320, 240).gif().toBuffer()],
    ['AVIF', () => solid(320, 240).avif().toBuffer()],
  ])('accepts %s and stores JPEG', async (_name, make) => {
    const out = await processImage(await make(), '/file');
    expect([out.mime, out.width, out.height]).toEqual(['image/jpeg', 320, 240]);
  });

  it('keeps the first frame of an animated GIF', async () => {
    // Two 40×30 frames stacked: red then blue.
    const frames = await sharp({
      create: { width: 40, height: 60, channels: 3, background: '#0000ff', pageHeight: 30 },
    })
      .composite([
        {
          input: { create: { width: 40, height: 30, channels: 3, background: '#ff0000' } },
          left: 0,
          top: 0,
        },
      ])
      .gif()
      .toBuffer();
    expect((await sharp(frames).metadata()).pages).toBe(2);
    const out = await processImage(frames, '/file');
    expect([out.width, out.height]).toEqual([40, 30]);
    const { data } = await sharp(out.main).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(200); // red, from frame one
    expect(data[2]).toBeLessThan(50);
  });

  it('rejects a text file, whatever it is called', async () => {
    const problem = await rejection(Buffer.from('This is a letter, not a photo.\n'));
    expect(problem.status).toBe(422);
    expect(problem.errors).toMatchObject([
      {
        pointer: '/file',
        detail: 'The file is not an image Accord accepts (JPEG, PNG, WebP, GIF or AVIF).',
      },
    ]);
  });

  it('rejects an empty file', async () => {
    const problem = await rejection(Buffer.alloc(0));
    expect(problem.errors?.[0]?.detail).toMatch(/not an image Accord accepts/);
  });

  it.each([
    ['TIFF', () => solid(50, 50).tiff().toBuffer()],
    [
      'SVG',
      async () =>
        Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
        ),
    ],
  ])('rejects %s, which sharp can read but Accord does not take', async (_name, make) => {
    const problem = await rejection(await make());
    expect(problem.errors?.[0]?.detail).toMatch(/not an image Accord accepts/);
  });

  it('rejects a JPEG cut off half way', async () => {
    const whole = await noisy(300, 200).jpeg().toBuffer();
    const problem = await rejection(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(problem.errors?.[0]).toMatchObject({
      pointer: '/file',
      detail: 'The image is damaged or incomplete and could not be read.',
    });
  });

  it('rejects a file over the byte limit before looking at it', async () => {
    const problem = await rejection(Buffer.alloc(IMAGE_LIMITS.maxBytes + 1));
    expect(problem.errors?.[0]?.detail).toBe('The image is larger than 15 MB.');
    const small = await rejection(await noisy(200, 200).png().toBuffer(), {
      ...IMAGE_LIMITS,
      maxBytes: 1024,
    });
    expect(small.errors?.[0]?.detail).toBe('The image is larger than 1 KB.');
  });

  it.each([
    [20_000, 20_000],
    [8_000, 8_000], // under sharp's own default limit, over Accord's 50 megapixels
  ])('rejects a pixel bomb: a tiny PNG that claims %i×%i pixels', async (width, height) => {
    const bomb = headerOnlyPng(width, height);
    expect(bomb.length).toBeLessThan(1000);
    const meta = await sharp(bomb, { limitInputPixels: false }).metadata();
    expect([meta.width, meta.height]).toEqual([width, height]);
    const problem = await rejection(bomb);
    expect(problem.errors?.[0]?.detail).toBe(
      `The image has too many pixels (${width}×${height}); the most Accord accepts is 50 megapixels.`,
    );
  });

  it('applies a lower pixel limit when given one', async () => {
    const input = await solid(200, 200).png().toBuffer();
    const problem = await rejection(input, { ...IMAGE_LIMITS, maxInputPixels: 10_000 });
    expect(problem.errors?.[0]?.detail).toBe(
      'The image has too many pixels (200×200); the most Accord accepts is 10000 pixels.',
    );
    await expect(
      processImage(input, '/file', { ...IMAGE_LIMITS, maxInputPixels: 40_000 }),
    ).resolves.toMatchObject({ width: 200 });
  });
});
