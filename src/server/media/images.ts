import sharp, { type Metadata, type OutputInfo, type Sharp } from 'sharp';
import { invalidField } from '../http/problem';
import { formatSize } from './sizes';

export interface ImageLimits {
  /** Largest upload accepted, checked before any decoding. */
  maxBytes: number;
  /** Width × height above which the image is refused without being decoded. */
  maxInputPixels: number;
  /** Long edge of the stored image. */
  maxEdge: number;
  /** Long edge of the thumbnail. */
  thumbEdge: number;
}

export const IMAGE_LIMITS: ImageLimits = {
  maxBytes: 15 * 1024 * 1024,
  maxInputPixels: 50_000_000,
  maxEdge: 2560,
  thumbEdge: 480,
};

export interface ProcessedImage {
  main: Buffer;
  thumb: Buffer;
  mime: 'image/jpeg' | 'image/png';
  ext: 'jpg' | 'png';
  width: number;
  height: number;
  thumbWidth: number;
  thumbHeight: number;
}

const NOT_AN_IMAGE = 'The file is not an image Accord accepts (JPEG, PNG, WebP, GIF or AVIF).';
const DAMAGED = 'The image is damaged or incomplete and could not be read.';

/**
 * The decoder sharp picked is the only type we trust: file names and the client's MIME
 * type are whatever the sender chose. HEIF is allowed only when it is AV1 (AVIF); HEVC
 * (HEIC) carries patent baggage and the bundled libvips cannot decode it anyway.
 */
function isAcceptedFormat(meta: Metadata): boolean {
  switch (meta.format) {
    case 'jpeg':
    case 'png':
    case 'webp':
    case 'gif':
      return true;
    case 'heif':
      return meta.compression === 'av1';
    default:
      return false;
  }
}

/** True when some pixel is not fully opaque; an alpha channel that is all 255 is no reason for PNG. */
function hasTransparency(pixels: Buffer, channels: number): boolean {
  // Only grey+alpha (2) and RGB+alpha (4) carry alpha, always as the last channel.
  if (channels !== 2 && channels !== 4) return false;
  for (let i = channels - 1; i < pixels.length; i += channels) {
    if (pixels[i] !== 255) return true;
  }
  return false;
}

/**
 * Checks an uploaded image and re-encodes it so that what we store and serve is our own
 * output: oriented upright, no EXIF/GPS/XMP/ICC left, at most `maxEdge` on the long side,
 * JPEG unless it is really transparent (then PNG), plus a thumbnail in the same format.
 * Errors are 422 problems naming `field` (a JSON pointer such as '/file').
 */
export async function processImage(
  input: Buffer,
  field: string,
  limits: ImageLimits = IMAGE_LIMITS,
): Promise<ProcessedImage> {
  if (input.length > limits.maxBytes) {
    throw invalidField(
      field,
      'upload-too-large',
      `The image is larger than ${formatSize(limits.maxBytes)}.`,
      {
        limit: formatSize(limits.maxBytes),
      },
    );
  }
  if (input.length === 0) throw invalidField(field, 'not-an-image', NOT_AN_IMAGE);

  let meta: Metadata;
  try {
    // metadata() reads headers only, so it is cheap even for a hostile file. Its own pixel
    // limit is off so that a bomb gets the "too many pixels" answer below, not "not an image".
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw invalidField(field, 'not-an-image', NOT_AN_IMAGE);
  }
  if (!isAcceptedFormat(meta)) throw invalidField(field, 'not-an-image', NOT_AN_IMAGE);
  // Refuse pixel bombs (tiny files that claim huge dimensions) before decoding with a
  // message people can act on; limitInputPixels below is the decoder's own backstop.
  if (meta.width * meta.height > limits.maxInputPixels) {
    const max = limits.maxInputPixels;
    const most =
      max >= 1_000_000 ? `${Math.round(max / 100_000) / 10} megapixels` : `${max} pixels`;
    throw invalidField(
      field,
      'image-too-many-pixels',
      `The image has too many pixels (${meta.width}×${meta.height}); the most Accord accepts is ${most}.`,
      { megapixels: Math.round(max / 100_000) / 10 },
    );
  }

  // Decode once to raw sRGB pixels: raw output carries no metadata at all, so nothing from
  // the upload can leak into what we encode from it, and both sizes share one decode.
  let decoded: { data: Buffer; info: OutputInfo };
  try {
    decoded = await sharp(input, {
      autoOrient: true,
      limitInputPixels: limits.maxInputPixels,
      // 'error' also fails on truncated data, but tolerates the harmless warnings many
      // cameras' JPEGs produce (which the stricter 'warning' level would refuse).
      failOn: 'error',
      // First frame only: an animated GIF or WebP becomes a still.
      pages: 1,
    })
      .resize({
        width: limits.maxEdge,
        height: limits.maxEdge,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw invalidField(field, 'image-damaged', DAMAGED);
  }

  const { data, info } = decoded;
  const transparent = hasTransparency(data, info.channels);
  const pixels = () => {
    const image = sharp(data, {
      raw: { width: info.width, height: info.height, channels: info.channels },
    });
    return transparent ? image : image.removeAlpha();
  };
  const encode = (image: Sharp) =>
    transparent
      ? image.png({ compressionLevel: 9 }).toBuffer({ resolveWithObject: true })
      : image.jpeg({ quality: 82, mozjpeg: true }).toBuffer({ resolveWithObject: true });

  const [main, thumb] = await Promise.all([
    encode(pixels()),
    encode(
      pixels().resize({
        width: limits.thumbEdge,
        height: limits.thumbEdge,
        fit: 'inside',
        withoutEnlargement: true,
      }),
    ),
  ]);

  return {
    main: main.data,
    thumb: thumb.data,
    mime: transparent ? 'image/png' : 'image/jpeg',
    ext: transparent ? 'png' : 'jpg',
    width: main.info.width,
    height: main.info.height,
    thumbWidth: thumb.info.width,
    thumbHeight: thumb.info.height,
  };
}
