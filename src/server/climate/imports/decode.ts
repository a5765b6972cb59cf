import { Readable, Transform, pipeline } from 'node:stream';
import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import { IMPORT_ENCODINGS, type ImportEncoding } from '../../../core/climate/types';
import { lineBreaks } from './lines';
import { UnreadableSheetError } from './unreadable';

/**
 * The character encoding of an uploaded CSV file: detected from its first bytes (a byte-order
 * mark, valid UTF-8, or else the legacy encoding whose reading of the sample is most plausible,
 * helped by chardet's statistics), or named by the person importing. The file is then decoded
 * as it streams; a byte sequence the encoding cannot read stops the run on its line, so a wrong
 * guess is an error the person can correct, never names stored as mojibake.
 */

export const TEXT_ENCODINGS = IMPORT_ENCODINGS;
export type TextEncoding = ImportEncoding;

const ALIASES: Record<string, TextEncoding> = {
  utf8: 'utf-8',
  'utf-16': 'utf-16le',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
  cp1252: 'windows-1252',
  latin1: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'shift-jis': 'shift_jis',
  sjis: 'shift_jis',
  cp932: 'shift_jis',
  euckr: 'euc-kr',
  cp949: 'euc-kr',
  cp950: 'big5',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  cp936: 'gb18030',
};

/** An encoding as people name it ("UTF8", "Shift-JIS", "cp1252", "GBK"), or null. */
export function encodingNamed(name: string): TextEncoding | null {
  const key = name.trim().toLowerCase();
  if ((TEXT_ENCODINGS as readonly string[]).includes(key)) return key as TextEncoding;
  return ALIASES[key] ?? null;
}

/** How much of the file the detection reads. */
export const ENCODING_SAMPLE_BYTES = 64 * 1024;

/** The legacy encodings detection chooses among, in the order that wins a tie. */
const LEGACY: readonly TextEncoding[] = ['windows-1252', 'gb18030', 'big5', 'shift_jis', 'euc-kr'];

/** chardet's names → ours (Latin-1 and its Windows superset read the same letters). */
const CHARDET_NAMES: Record<string, TextEncoding> = {
  'ISO-8859-1': 'windows-1252',
  'ISO-8859-15': 'windows-1252',
  'windows-1252': 'windows-1252',
  Shift_JIS: 'shift_jis',
  'EUC-KR': 'euc-kr',
  Big5: 'big5',
  GB18030: 'gb18030',
};

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** How it was decided: a byte-order mark, the bytes are UTF-8 (or ASCII), or a best guess. */
  by: 'bom' | 'utf-8' | 'utf-16' | 'guess';
}

function isUtf8(sample: Uint8Array): boolean {
  // The sample may end inside a character: up to three bytes of it are left out.
  for (let cut = 0; cut <= Math.min(3, sample.length); cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, sample.length - cut));
      return true;
    } catch {
      // Try without the last byte: a character cut by the sample's end.
    }
  }
  return false;
}

/** UTF-16 without a byte-order mark: many NUL bytes, mostly at odd (LE) or even (BE) offsets. */
function utf16WithoutBom(sample: Uint8Array): TextEncoding | null {
  if (sample.length < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const half = sample.length / 2;
  if (odd > half * 0.3 && even < odd / 10) return 'utf-16le';
  if (even > half * 0.3 && odd < even / 10) return 'utf-16be';
  return null;
}

const isHangul = (cp: number) => cp >= 0xac00 && cp <= 0xd7a3;
const isKana = (cp: number) => cp >= 0x3040 && cp <= 0x30ff;
const isHan = (cp: number) => cp >= 0x4e00 && cp <= 0x9fff;
const isCjkPunctuation = (cp: number) =>
  (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff01 && cp <= 0xff5e);
const isLatinLetter = (cp: number) =>
  (cp >= 0xc0 && cp <= 0xff && cp !== 0xd7 && cp !== 0xf7) ||
  [0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e].includes(cp);
const LATIN_PUNCTUATION = new Set([0x2018, 0x2019, 0x201c, 0x201d, 0x2013, 0x2014, 0x2026, 0x20ac]);
const isAsciiLetter = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);

/**
 * Characters frequent in place names and in the words of CDP's and the tracker's files, in
 * Chinese (simplified and traditional) and Japanese: a legacy encoding that reads the sample as
 * these is more likely right than one that reads it as rare characters.
 */
const COMMON_HAN = new Set(
  Array.from(
    '市县縣区區州省都道府京北南东東西山江河湖海港台臺天上中大小新城安阳陽宁寧福建广廣' +
      '深圳武汉漢成长長沙郑鄭济濟青岛島连連沈哈尔爾滨濱乡鄉镇鎮村高雄桃园園竹嘉义義彰化屏' +
      '宜兰蘭花莲蓮基隆湾灣香重庆慶苏蘇杭州浙徽湖贵貴云雲川陕陝甘肃肅疆藏蒙林吉黑龙龍' +
      '横横浜大阪名古屋神户戶福冈岡札幌仙台千叶葉埼玉川崎静靜冈岡熊本鹿儿兒岛奈良' +
      '国國人民政府会會年月日时時间間的一是不了在有和为為这這个個们們来來到说說要就出' +
      '也对對生能而子那得于於着著下自之年过過发發后後作里裡用道行所然家种種事成方多经經' +
      '么麼去法学學如都同现現当當没沒动動面起看定天分还還进進好小部其些主样樣理心她本前' +
      '开開但因只从從想实實日军軍者意无無力它与與长長把机機十民第公此已工使情明性知全三又' +
      '关關点點正业業外将將两兩高间問由问很最重并並物手应應战戰向头頭文体體政美相见見被利' +
      '什二等产產或新己制身果加西斯月话話合回特代内內信表化老给給世位次度门門任常先海通教' +
      '儿兒原东東声聲提立及比员員解水名真论論处處走义義各入几幾口认認条條平系气氣题題活尔' +
      '排放温溫室气氣体體碳减減量目标標排出总總计計报報告年度基准準',
  ),
);

/**
 * How plausible the sample reads in one legacy encoding: points for characters that text in
 * that encoding is made of (Latin letters beside Latin letters; kana; Hangul; common Han
 * characters), penalties for what a wrong reading produces (symbols, rare extension characters,
 * half-width katakana, letters in runs). Null when the encoding cannot read the sample at all.
 */
function plausibility(sample: Buffer, encoding: TextEncoding): number | null {
  const text = iconv.decode(sample, encoding, { stripBOM: false });
  const chars = Array.from(text);
  let score = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    const cp = c.codePointAt(0) as number;
    if (cp < 0x80) continue;
    if (cp === 0xfffd || cp < 0xa0 || (cp >= 0xe000 && cp <= 0xf8ff)) return null;
    if (encoding === 'windows-1252') {
      const beside = isAsciiLetter(chars[i - 1]) || isAsciiLetter(chars[i + 1]);
      if (isLatinLetter(cp)) score += beside ? 1 : -1;
      else if (LATIN_PUNCTUATION.has(cp)) score += beside || chars[i - 1] === ' ' ? 0.5 : -1;
      else score -= 1;
      continue;
    }
    const bytes = iconv.encode(c, encoding);
    const lead = bytes[0] ?? 0;
    const trail = bytes[1] ?? 0;
    if (isCjkPunctuation(cp)) score += 0.5;
    else if (encoding === 'shift_jis') {
      if (isKana(cp)) score += 2;
      else if (isHan(cp) && lead >= 0x88 && lead <= 0x9f) score += COMMON_HAN.has(c) ? 2 : 1;
      else if (isHan(cp) && lead >= 0xe0 && lead <= 0xea) score += 0.5;
      else score -= 1;
    } else if (encoding === 'euc-kr') {
      if (isHangul(cp) && trail >= 0xa1) score += 2;
      else if (isHan(cp)) score += 0.25;
      else score -= 1;
    } else if (encoding === 'gb18030') {
      const core = bytes.length === 2 && lead >= 0xb0 && lead <= 0xf7 && trail >= 0xa1;
      if (isHan(cp) && core) score += COMMON_HAN.has(c) ? 2 : 1;
      else score -= 1;
    } else if (encoding === 'big5') {
      const core = bytes.length === 2 && lead >= 0xa4 && lead <= 0xf9;
      if (isHan(cp) && core) score += COMMON_HAN.has(c) ? 2 : 1;
      else score -= 1;
    } else {
      score -= 1;
    }
  }
  return score;
}

/** The sample up to its last line break, so that no character is cut at its end. */
function wholeLines(sample: Buffer): Buffer {
  const end = sample.lastIndexOf(0x0a);
  return end > 0 ? sample.subarray(0, end + 1) : sample;
}

/** The encoding of a file from its first bytes (up to ENCODING_SAMPLE_BYTES). */
export function detectEncoding(head: Buffer): DetectedEncoding {
  const sample = head.subarray(0, ENCODING_SAMPLE_BYTES);
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) {
    return { encoding: 'utf-8', by: 'bom' };
  }
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', by: 'bom' };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', by: 'bom' };
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, by: 'utf-16' };
  if (isUtf8(sample)) return { encoding: 'utf-8', by: 'utf-8' };

  const lines = wholeLines(sample);
  const confidence = new Map<TextEncoding, number>();
  for (const match of analyse(lines)) {
    const ours = CHARDET_NAMES[match.name];
    if (ours && !confidence.has(ours)) confidence.set(ours, match.confidence);
  }
  let best: { encoding: TextEncoding; score: number } | null = null;
  for (const encoding of LEGACY) {
    const points = plausibility(lines, encoding);
    if (points === null) continue;
    // chardet's statistics count for up to two points: decisive only between close readings.
    const score = points + ((confidence.get(encoding) ?? 0) / 100) * 2;
    if (best === null || score > best.score) best = { encoding, score };
  }
  return { encoding: best?.encoding ?? 'windows-1252', by: 'guess' };
}

/** Reads up to `bytes` from the start of a stream, and a stream that gives the whole of it. */
export async function peek(
  input: Readable,
  bytes: number,
): Promise<{ head: Buffer; stream: Readable }> {
  const iterator: AsyncIterator<unknown> = input[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let length = 0;
  let ended = false;
  while (length < bytes) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = toBuffer(next.value);
    parts.push(chunk);
    length += chunk.length;
  }
  const head = Buffer.concat(parts);
  async function* replay() {
    if (head.length > 0) yield head;
    if (ended) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield toBuffer(next.value);
    }
  }
  return { head, stream: Readable.from(replay(), { objectMode: false }) };
}

export function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  throw new Error('the upload is not a byte stream');
}

const LABELS: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
  shift_jis: 'Shift-JIS',
  'euc-kr': 'EUC-KR',
  big5: 'Big5',
  gb18030: 'GB18030',
};

export function encodingLabel(encoding: TextEncoding): string {
  return LABELS[encoding];
}

function notReadable(encoding: TextEncoding, line: number, chosen: boolean): UnreadableSheetError {
  const advice = chosen
    ? 'choose the encoding it was saved in'
    : 'it was taken for that encoding from its first lines: choose the encoding it was saved in';
  const label = encodingLabel(encoding);
  return new UnreadableSheetError(`The file is not valid ${label} on line ${line}; ${advice}`, {
    code: chosen ? 'encoding-not-readable' : 'encoding-detected-not-readable',
    params: { encoding: label, line },
  });
}

/** A decoded stream, and why it ended early if it did. */
export interface DecodedText {
  /** The text as UTF-8 bytes, up to the first place the encoding could not read. */
  stream: Readable;
  /**
   * Why the text stopped before the file's end: bytes the encoding cannot read, or a file that
   * ends inside a character. Known once the stream has ended; null when it ended with the file.
   */
  failure(): UnreadableSheetError | null;
}

/**
 * Decodes a byte stream in the given encoding into UTF-8 bytes (what the CSV parser reads),
 * without a byte-order mark. At a byte sequence the encoding cannot read, or a file that ends
 * in the middle of a character, the text ends, after what was read before it, and `failure`
 * says why and on which line: the reader then fails with that reason, not the stream, so the
 * rows before it (the header among them) are not lost with it.
 */
export function decodeStream(
  input: Readable,
  encoding: TextEncoding,
  options: { chosen?: boolean } = {},
): DecodedText {
  let line = 1;
  let pendingCr = false;
  let failure: UnreadableSheetError | null = null;
  const utf8 = encoding === 'utf-8' ? new TextDecoder('utf-8', { fatal: true }) : null;
  const legacy = utf8 ? null : iconv.getDecoder(encoding, { stripBOM: true });
  let first = true;
  const pass = (text: string, push: (chunk: Buffer) => void) => {
    if (text === '') return;
    // A CR at the end of one chunk and an LF at the start of the next are one line break.
    const counted = pendingCr && text.startsWith('\n') ? text.slice(1) : text;
    line += lineBreaks(counted);
    pendingCr = text.endsWith('\r');
    push(Buffer.from(text, 'utf8'));
  };
  /**
   * Passes on the whole lines before the first character not read, and ends the text there: a
   * line cut in its middle would be a broken row, and its error would hide this one.
   */
  const stop = (text: string, push: (chunk: Buffer | null) => void, cutShort: boolean) => {
    const bad = text.indexOf('\uFFFD');
    const before = bad < 0 ? text : text.slice(0, bad);
    const lineEnd = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
    const whole = before.slice(0, lineEnd + 1);
    pass(whole, push);
    // The line it is on: those passed, and any breaks in the part of the line not passed.
    const cutLine = line + lineBreaks(before.slice(whole.length));
    failure = cutShort
      ? new UnreadableSheetError(
          `The file ends in the middle of a character on line ${cutLine}: it seems cut short`,
          { code: 'ends-mid-character', params: { line: cutLine } },
        )
      : notReadable(encoding, cutLine, !!options.chosen);
    push(null);
  };
  const decoder = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      // After a failure the rest is not read: the reader stops at the failure and ends the upload.
      if (failure) return callback();
      const push = (b: Buffer | null) => this.push(b);
      let text: string;
      if (utf8) {
        try {
          text = utf8.decode(chunk, { stream: true });
        } catch {
          // Where in the piece: the first character UTF-8 cannot read, read leniently.
          stop(new TextDecoder('utf-8').decode(chunk), push, false);
          return callback();
        }
      } else {
        text = (legacy as iconv.DecoderStream).write(chunk);
        // iconv-lite strips a byte-order mark only for Unicode encodings; others keep U+FEFF.
        if (first && text.startsWith('\uFEFF')) text = text.slice(1);
        if (text.includes('\uFFFD')) {
          stop(text, push, false);
          return callback();
        }
      }
      if (text !== '') first = false;
      pass(text, push);
      callback();
    },
    flush(callback) {
      if (failure) return callback();
      const push = (b: Buffer | null) => this.push(b);
      let text: string;
      if (utf8) {
        try {
          text = utf8.decode();
        } catch {
          stop('\uFFFD', push, true);
          return callback();
        }
      } else {
        text = (legacy as iconv.DecoderStream).end() ?? '';
        if (text.includes('\uFFFD')) {
          stop(text, push, true);
          return callback();
        }
      }
      pass(text, push);
      callback();
    },
  });
  return { stream: pipeline(input, decoder, () => undefined), failure: () => failure };
}
