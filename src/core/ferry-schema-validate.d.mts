import type { ValidateFunction } from 'ajv';

/** schema/ferry.schema.json, compiled ahead of time (scripts/schema-validator.ts). */
declare const validate: ValidateFunction;
export default validate;
