/**
 * The news area's services: posts (post-service.ts), posts drafted from a meeting
 * (meeting-draft-service.ts) and the Atom feed (feed-service.ts). Routes, the demo and tests
 * import them from here.
 */
export * from './post-service';
export * from './meeting-draft-service';
export * from './feed-service';
export { pickLang } from './present';
export { slugFromTitle } from './posts';
