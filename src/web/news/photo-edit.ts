/**
 * After a photo's caption or credit changes, the post the editor shows must agree with the
 * server at once, before the refetch lands: the photo in the list, and the cover when the
 * cover is that photo (the cover is a copy of the first photo, not a reference to it).
 */
import type { FileInfo, NewsPost } from './types';

export function withPhoto(post: NewsPost, photo: FileInfo): NewsPost {
  if (!post.photos.some((p) => p.id === photo.id)) return post;
  return {
    ...post,
    photos: post.photos.map((p) => (p.id === photo.id ? photo : p)),
    cover: post.cover?.id === photo.id ? photo : post.cover,
  };
}
