import type { Editor } from '@tiptap/core';
import { createSanitizer } from '../../lessons/sanitize.js';

export interface RichTextOptions {
  /** The HTML to start from. */
  html: string;
  /** Id of the element that labels the text box. */
  labelledBy: string;
  /** Gets the HTML after every change, already through the playback sanitizer. */
  onChange(html: string): void;
}

/**
 * A Tiptap (ProseMirror) editor mounted into `host`, loaded with the first text lesson opened. Its
 * output goes through the same DOMPurify rules as playback, so what is saved is what a learner sees.
 */
export async function mountRichText(host: HTMLElement, options: RichTextOptions): Promise<RichText> {
  const [{ Editor }, { default: StarterKit }, sanitize] = await Promise.all([
    import('@tiptap/core'),
    import('@tiptap/starter-kit'),
    createSanitizer(),
  ]);
  const editor = new Editor({
    element: host,
    // Link clicks would leave the editor; the author edits the text of a link, not follows it.
    extensions: [StarterKit.configure({ link: { openOnClick: false } })],
    content: sanitize(options.html),
    editorProps: {
      attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-labelledby': options.labelledBy, class: 'rich-text-body' },
    },
    onUpdate: ({ editor: changed }) => options.onChange(sanitize(changed.getHTML())),
  });
  return new RichText(editor);
}

/** The formatting commands the editor's toolbar offers. */
export type RichTextCommand = 'bold' | 'italic' | 'heading' | 'bulletList' | 'orderedList';

export class RichText {
  constructor(readonly editor: Editor) {}

  run(command: RichTextCommand): void {
    const chain = this.editor.chain().focus();
    const commands = {
      bold: () => chain.toggleBold(),
      italic: () => chain.toggleItalic(),
      heading: () => chain.toggleHeading({ level: 3 }),
      bulletList: () => chain.toggleBulletList(),
      orderedList: () => chain.toggleOrderedList(),
    };
    commands[command]().run();
  }

  isActive(command: RichTextCommand): boolean {
    return this.editor.isActive(command === 'heading' ? 'heading' : command);
  }

  /** Puts the course's HTML in (an undo of the course), without making it a change of its own. */
  setHtml(html: string): void {
    if (this.editor.getHTML() !== html) this.editor.commands.setContent(html, { emitUpdate: false });
  }

  destroy(): void {
    this.editor.destroy();
  }
}
