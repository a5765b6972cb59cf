/**
 * Which language of a multilingual text (a post, names, captions, statements) to show: the
 * rule in src/core/names.ts (the reader's own language, for a Chinese reader the other
 * Chinese script, then English, then whatever exists), under the names the pages know.
 */
export { chooseLanguage as pickLanguage, chooseText as pickText } from '../../core/names';
