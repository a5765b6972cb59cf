/**
 * The rich-text editor of news posts and meeting minutes (TipTap, on ProseMirror, which also
 * handles the composition of Korean, Japanese and Chinese input methods). Its document holds only
 * what the server's sanitiser keeps (rich-text-schema.ts). Loaded on demand through
 * rich-text.tsx, so that only the authoring pages fetch it.
 *
 * The toolbar is one tab stop (the arrow keys, Home and End move along it), its buttons name
 * themselves in the reader's language, and those that switch a format on and off say whether it
 * is on (aria-pressed). A link is typed in a small panel under the toolbar; a photo is chosen
 * from the ones given (the post's or the meeting's own).
 */
import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
} from 'react';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { linkFromInput, richTextExtensions } from './rich-text-schema';
import type { RichTextEditorProps } from './rich-text-types';
import './rich-text.css';

/**
 * The editor's HTML as the form keeps it: '' for an empty text (so an untouched language or
 * minutes count as not written), and without the empty paragraph the editor keeps at the end
 * for the caret.
 */
function serialize(editor: Editor): string {
  if (editor.isEmpty) return '';
  return editor.getHTML().replace(/(?:<p><\/p>)+$/, '');
}

type Panel = 'link' | 'photo' | null;

/** One set for every editor: TipTap keeps each editor's state apart from its extensions. */
const EXTENSIONS = richTextExtensions();

export default function RichTextEditor({
  id,
  label,
  value,
  onChange,
  lang,
  describedBy,
  invalid,
  photos,
  noPhotos,
  testId,
}: RichTextEditorProps) {
  const { t } = useTranslation('editor');
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  // The value last handed to the form or received from it; the value the text was opened with
  // (or last replaced by the form) and the editor's own HTML for it. HTML the editor writes
  // differently from the server but means the same goes back to the form as it came, so merely
  // opening a text, or undoing every change, leaves the form unchanged.
  const lastValue = useRef(value);
  const opened = useRef<{ value: string; html: string | null }>({ value, html: null });
  const [initialContent] = useState(value);

  const editorProps = useMemo(
    () => ({
      attributes: {
        id,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': label,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(invalid ? { 'aria-invalid': 'true' } : {}),
        ...(lang ? { lang } : {}),
        class: 'rich-text__content',
        ...(testId ? { 'data-testid': testId } : {}),
      },
    }),
    [id, label, describedBy, invalid, lang, testId],
  );

  const editor = useEditor({
    extensions: EXTENSIONS,
    content: initialContent,
    editorProps,
    onCreate: ({ editor: created }) => {
      opened.current.html = serialize(created);
    },
    onUpdate: ({ editor: changed }) => {
      const html = serialize(changed);
      const next = html === opened.current.html ? opened.current.value : html;
      if (next === lastValue.current) return;
      lastValue.current = next;
      onChangeRef.current(next);
    },
  });

  // The form replaced the text (a save, a reload): show it, without telling the form back.
  useEffect(() => {
    if (value === lastValue.current) return;
    lastValue.current = value;
    editor.commands.setContent(value, { emitUpdate: false });
    opened.current = { value, html: serialize(editor) };
  }, [editor, value]);

  const [panel, setPanel] = useState<Panel>(null);
  const toolbarId = useId();

  function closePanel() {
    setPanel(null);
    editor.commands.focus();
  }

  return (
    <div className="rich-text">
      <Toolbar
        id={toolbarId}
        editor={editor}
        label={t('toolbar')}
        controls={id}
        panel={panel}
        onPanel={(next) => setPanel((open) => (open === next ? null : next))}
      />
      {panel === 'link' && <LinkPanel editor={editor} onClose={closePanel} />}
      {panel === 'photo' && (
        <PhotoPanel editor={editor} photos={photos ?? []} empty={noPhotos} onClose={closePanel} />
      )}
      <EditorContent editor={editor} className="rich-text__frame" />
    </div>
  );
}

interface ToolbarButton {
  key: string;
  /** Whether it is on where the caret is: the button then says so (aria-pressed). */
  pressed?: boolean;
  disabled?: boolean;
  /** Opens a panel rather than acting: the button says it is expanded while it is open. */
  opens?: Panel;
  run(): void;
  content: ReactNode;
}

function Toolbar({
  id,
  editor,
  label,
  controls,
  panel,
  onPanel,
}: {
  id: string;
  editor: Editor;
  label: string;
  controls: string;
  panel: Panel;
  onPanel(panel: Panel): void;
}) {
  const { t } = useTranslation('editor');
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      heading: e.isActive('heading', { level: 2 }),
      subheading: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const buttons: ToolbarButton[][] = [
    [
      {
        key: 'heading',
        pressed: state.heading,
        run: () => chain().toggleHeading({ level: 2 }).run(),
        content: t('tools.heading'),
      },
      {
        key: 'subheading',
        pressed: state.subheading,
        run: () => chain().toggleHeading({ level: 3 }).run(),
        content: t('tools.subheading'),
      },
    ],
    [
      {
        key: 'bold',
        pressed: state.bold,
        run: () => chain().toggleBold().run(),
        content: <strong>{t('tools.bold')}</strong>,
      },
      {
        key: 'italic',
        pressed: state.italic,
        run: () => chain().toggleItalic().run(),
        content: <em>{t('tools.italic')}</em>,
      },
    ],
    [
      {
        key: 'bulletList',
        pressed: state.bulletList,
        run: () => chain().toggleBulletList().run(),
        content: t('tools.bulletList'),
      },
      {
        key: 'orderedList',
        pressed: state.orderedList,
        run: () => chain().toggleOrderedList().run(),
        content: t('tools.orderedList'),
      },
      {
        key: 'quote',
        pressed: state.quote,
        run: () => chain().toggleBlockquote().run(),
        content: t('tools.quote'),
      },
    ],
    [
      {
        key: 'link',
        pressed: state.link,
        opens: 'link',
        run: () => onPanel('link'),
        content: t('tools.link'),
      },
      { key: 'photo', opens: 'photo', run: () => onPanel('photo'), content: t('tools.photo') },
    ],
    [
      {
        key: 'undo',
        disabled: !state.canUndo,
        run: () => chain().undo().run(),
        content: t('tools.undo'),
      },
      {
        key: 'redo',
        disabled: !state.canRedo,
        run: () => chain().redo().run(),
        content: t('tools.redo'),
      },
    ],
  ];
  const flat = buttons.flat();
  const [current, setCurrent] = useState(0);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: ReactKeyboardEvent<HTMLDivElement>) {
    const last = flat.length - 1;
    const moves: Record<string, number> = {
      ArrowRight: current === last ? 0 : current + 1,
      ArrowLeft: current === 0 ? last : current - 1,
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setCurrent(next);
    refs.current[next]?.focus();
  }

  let index = -1;
  return (
    <div
      id={id}
      className="rich-text__toolbar"
      role="toolbar"
      aria-label={label}
      aria-controls={controls}
      onKeyDown={onKeyDown}
    >
      {buttons.map((group, g) => (
        <div key={g} className="rich-text__group">
          {group.map((button) => {
            index += 1;
            const at = index;
            return (
              <button
                key={button.key}
                ref={(element) => {
                  refs.current[at] = element;
                }}
                type="button"
                className="rich-text__button"
                tabIndex={at === current ? 0 : -1}
                // Disabled buttons stay focusable in the toolbar (aria-disabled), so the arrow
                // keys never lose their place.
                aria-disabled={button.disabled || undefined}
                aria-pressed={button.pressed === undefined ? undefined : button.pressed}
                aria-expanded={button.opens ? panel === button.opens : undefined}
                onFocus={() => setCurrent(at)}
                // The editor keeps its selection while a button is pressed with the mouse.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  if (!button.disabled) button.run();
                }}
                data-testid={`rich-text-${button.key}`}
              >
                {button.content}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}

function LinkPanel({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const { t } = useTranslation('editor');
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const existing = editor.getAttributes('link').href as string | undefined;
  const [address, setAddress] = useState(existing ?? '');
  const [problem, setProblem] = useState(false);

  useEffect(() => {
    input.current?.focus();
  }, []);

  function apply() {
    const href = linkFromInput(address);
    if (!href) {
      setProblem(true);
      input.current?.focus();
      return;
    }
    const { empty } = editor.state.selection;
    if (empty && !editor.isActive('link')) {
      // Nothing chosen: the address itself becomes the linked words.
      editor
        .chain()
        .focus()
        .insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
        .run();
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    }
    onClose();
  }

  function remove() {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  }

  return (
    <div
      className="rich-text__panel"
      role="group"
      aria-labelledby={`${inputId}-label`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <label id={`${inputId}-label`} htmlFor={inputId} className="field__label">
        {t('link.address')}
      </label>
      <p id={`${inputId}-hint`} className="field__hint">
        {t('link.hint')}
      </p>
      {problem && (
        <p id={`${inputId}-error`} className="admin-field__error">
          {t('link.invalid')}
        </p>
      )}
      <input
        id={inputId}
        ref={input}
        type="url"
        inputMode="url"
        value={address}
        aria-describedby={problem ? `${inputId}-error ${inputId}-hint` : `${inputId}-hint`}
        aria-invalid={problem || undefined}
        onChange={(event) => {
          setAddress(event.target.value);
          setProblem(false);
        }}
        onKeyDown={(event) => {
          // Enter applies the link here rather than sending the form around the editor.
          if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
            event.preventDefault();
            apply();
          }
        }}
        data-testid="rich-text-link-address"
      />
      <div className="rich-text__panel-actions">
        <button
          type="button"
          className="button button--small"
          onClick={apply}
          data-testid="rich-text-link-apply"
        >
          {t('link.apply')}
        </button>
        {existing && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={remove}
            data-testid="rich-text-link-remove"
          >
            {t('link.remove')}
          </button>
        )}
        <button type="button" className="button button--secondary button--small" onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}

function PhotoPanel({
  editor,
  photos,
  empty,
  onClose,
}: {
  editor: Editor;
  photos: NonNullable<RichTextEditorProps['photos']>;
  empty: string | undefined;
  onClose(): void;
}) {
  const { t } = useTranslation('editor');
  const titleId = useId();
  const first = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    (first.current ?? cancel.current)?.focus();
  }, []);

  function insert(photo: (typeof photos)[number]) {
    editor.chain().focus().setImage({ src: photo.src, alt: photo.alt }).run();
    onClose();
  }

  return (
    <div
      className="rich-text__panel"
      role="group"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <p id={titleId} className="field__label">
        {t('photo.choose')}
      </p>
      {photos.length === 0 ? (
        <p className="field__hint" data-testid="rich-text-no-photos">
          {empty ?? t('photo.none')}
        </p>
      ) : (
        <ul className="rich-text__photos">
          {photos.map((photo, i) => (
            <li key={photo.src}>
              <button
                ref={i === 0 ? first : undefined}
                type="button"
                className="rich-text__photo"
                onClick={() => insert(photo)}
                data-testid={`rich-text-photo-${photo.id}`}
              >
                <img src={photo.thumb} alt="" />
                <span>{photo.label}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="rich-text__panel-actions">
        <button
          ref={cancel}
          type="button"
          className="button button--secondary button--small"
          onClick={onClose}
        >
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
