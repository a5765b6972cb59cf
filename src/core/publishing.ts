/**
 * The vocabulary of what the secretariat publishes: news posts and the files attached to
 * meetings and posts. Stored in the database, checked by the API schemas, shown translated.
 */

/** A news post is a draft (the secretariat's) until it is published (everyone's). */
export const NEWS_STATUSES = ['draft', 'published'] as const;
export type NewsStatus = (typeof NEWS_STATUSES)[number];

/** A file is a document (PDF, office formats) or a photo (re-encoded, with a thumbnail). */
export const FILE_KINDS = ['document', 'photo'] as const;
export type FileKind = (typeof FILE_KINDS)[number];
