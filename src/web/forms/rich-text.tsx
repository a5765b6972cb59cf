/**
 * The rich-text editor of news and minutes, loaded on demand: the editor (TipTap and
 * ProseMirror) is fetched by the authoring pages that show it, never by the public pages.
 */
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { fileImageSrc } from '../../core/rich-text';
import { pickText } from '../components/language-choice';
import type { RichTextEditorProps, RichTextPhoto } from './rich-text-types';
import { lazyWithNamespaces } from '../i18n/lazy';

export type { RichTextEditorProps, RichTextPhoto } from './rich-text-types';

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

const Editor = lazyWithNamespaces(() => import('./RichTextEditor'), ['editor']);

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
