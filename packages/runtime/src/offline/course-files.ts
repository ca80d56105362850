import { courseLessons, isSafeUrl, type Course } from '@lms-kit/core';
import { offlineKey, type OfflineFile } from './offline-index.js';

/** A video the copy may keep in a smaller rendition, or leave out, when there is not room for it. */
export interface VideoChoice {
  lessonId: string;
  title: string;
  url: string;
  /** Other renditions the course lists (`sources`), in its order. */
  alternatives: { url: string; label?: string; bytes?: number }[];
}

export interface CourseFilePlan {
  files: OfflineFile[];
  videos: VideoChoice[];
}

/** Attributes in lesson HTML and quiz text that load a file (images, media, captions). */
const EMBEDDED = /\s(?:src|poster)\s*=\s*(?:"([^"]+)"|'([^']+)')/gi;

/**
 * Every file a native course needs, from its document: lesson HTML (and the images and media it
 * embeds), videos, posters, captions, documents, quiz files (and their images). `fetchText` reads the
 * lesson fragments and quiz files that are scanned for what they embed.
 */
export async function planCourseFiles(
  course: Course,
  courseUrl: string,
  fetchText: (url: string) => Promise<string>,
): Promise<CourseFilePlan> {
  const files = new Map<string, OfflineFile>();
  const add = (src: string | undefined, base: string, role: OfflineFile['role'], lessonId?: string): string | undefined => {
    if (!src || !isSafeUrl(src) || src.startsWith('blob:') || src.startsWith('data:')) return undefined;
    const url = offlineKey(new URL(src, base).href);
    if (!/^https?:/.test(url)) return undefined;
    if (!files.has(url)) files.set(url, { url, role, lessonId });
    return url;
  };
  const scan = async (url: string, lessonId: string) => {
    const text = await fetchText(url);
    const strings = url.endsWith('.json') ? jsonStrings(JSON.parse(text)) : [text];
    for (const html of strings) for (const match of html.matchAll(EMBEDDED)) add(match[1] ?? match[2], url, 'media', lessonId);
  };
  add(courseUrl, courseUrl, 'course');
  const videos: VideoChoice[] = [];
  for (const lesson of courseLessons(course)) {
    const src = 'src' in lesson && typeof lesson.src === 'string' ? lesson.src : undefined;
    const kind: string = lesson.kind;
    if (kind === 'scorm' || kind === 'cmi5-au') add(src, courseUrl, 'package', lesson.id);
    switch (lesson.kind) {
      case 'text': {
        const url = add(src, courseUrl, 'lesson', lesson.id);
        if (url) await scan(url, lesson.id);
        else if (typeof lesson.html === 'string')
          for (const match of lesson.html.matchAll(EMBEDDED)) add(match[1] ?? match[2], courseUrl, 'media', lesson.id);
        break;
      }
      case 'video': {
        const url = add(src, courseUrl, 'media', lesson.id);
        add(lesson.poster, courseUrl, 'media', lesson.id);
        for (const track of lesson.captions ?? []) add(track.src, courseUrl, 'captions', lesson.id);
        if (url)
          videos.push({
            lessonId: lesson.id,
            title: lesson.title,
            url,
            alternatives: (lesson.sources ?? []).flatMap((source) => {
              const alt = isSafeUrl(source.src) ? offlineKey(new URL(source.src, courseUrl).href) : undefined;
              return alt ? [{ url: alt, label: source.label }] : [];
            }),
          });
        break;
      }
      case 'quiz': {
        const url = add(src, courseUrl, 'quiz', lesson.id);
        if (url) await scan(url, lesson.id);
        else
          for (const html of jsonStrings(lesson))
            for (const match of html.matchAll(EMBEDDED)) add(match[1] ?? match[2], courseUrl, 'media', lesson.id);
        break;
      }
      case 'document':
        add(src, courseUrl, 'document', lesson.id);
        break;
      // An embed is another site's page: it is not ours to copy.
    }
  }
  return { files: [...files.values()], videos };
}

function jsonStrings(value: unknown): string[] {
  if (typeof value === 'string') return value.includes('<') ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(jsonStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(jsonStrings);
  return [];
}
