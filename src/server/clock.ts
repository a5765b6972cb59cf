/** The current instant as an ISO 8601 string in UTC: how Accord stores times. */
export const nowIso = (): string => new Date().toISOString();
