import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

/**
 * Two validators: query strings, params and headers arrive as text and are coerced to the
 * schema's types ("2" → 2); bodies are JSON and are taken as sent, so a null is never coerced
 * into 0 or "" and a string is never silently turned into a number.
 */
function makeAjv(coerce: boolean) {
  const ajv = new Ajv({
    coerceTypes: coerce ? 'array' : false,
    useDefaults: true,
    // Unknown fields are an error the caller should hear about, not something to drop.
    removeAdditional: false,
    allErrors: true,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

const textual = makeAjv(true);
const json = makeAjv(false);

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? json : textual).compile(schema);
