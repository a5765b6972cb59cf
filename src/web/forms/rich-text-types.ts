/** The props of the rich-text editor, apart from it so that pages need not load it for them. */

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
