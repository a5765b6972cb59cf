/**
 * The rich-text editor of news and minutes, loaded on demand: the editor (TipTap and
 * ProseMirror) is fetched by the authoring pages that show it, never by the public pages.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { fileImageSrc } from '../../core/rich-text';
import { pickText } from '../components/language-choice';

/** A photo the editor can place in the text. */
export interface RichTextPhoto {
  id: number;
  /** Where the text shows it (its file address: see core/rich-text.ts). */
  src: string;
  /** A small version for the chooser. */
  thumb: string;
  /** Its alternative text in the text: the caption in the text's language, or none. */
  alt: string;
  /** How the chooser names it. */
  label: string;
}

export interface RichTextEditorProps {
  /** The id of the editable area (a FormField's control id), which error summaries link to. */
  id: string;
  /** The editable area's accessible name. */
  label: string;
  /** HTML as the sanitiser keeps it; '' for no text. */
  value: string;
  onChange(html: string): void;
  /** The language the text is written in. */
  lang?: string;
  describedBy?: string | undefined;
  invalid?: boolean | undefined;
  photos?: readonly RichTextPhoto[];
  /** Said in the photo chooser when there is no photo to choose. */
  noPhotos?: string;
  testId?: string;
}

/** A stored file as the API lists it, as far as the editor needs it. */
interface StoredFile {
  id: number;
  kind: string;
  thumbUrl: string | null;
  url: string;
  caption: Partial<Record<string, string>>;
}

/**
 * The photos among a post's or meeting's files, for a text in the given language: each is
 * described by its caption in that language (else the best other one), and named in the chooser
 * by that caption or, without one, by its number.
 */
export function photoChoices(
  files: readonly StoredFile[],
  lang: string,
  numbered: (n: number) => string,
): RichTextPhoto[] {
  return files
    .filter((file) => file.kind === 'photo')
    .map((file, index) => {
      const caption = pickText(file.caption, lang);
      return {
        id: file.id,
        src: fileImageSrc(file.id),
        thumb: file.thumbUrl ?? file.url,
        alt: caption?.text ?? '',
        label: caption?.text ?? numbered(index + 1),
      };
    });
}

const Editor = lazy(() => import('./RichTextEditor'));

export function RichTextEditor(props: RichTextEditorProps) {
  const { t } = useTranslation('editor');
  return (
    <Suspense
      fallback={
        <p className="rich-text__loading" role="status">
          {t('loading')}
        </p>
      }
    >
      <Editor {...props} />
    </Suspense>
  );
}
