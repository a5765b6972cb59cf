/** The PostgreSQL server tests create their databases on (each test file its own). */
export const PG_ADMIN_URL =
  process.env.ACCORD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
