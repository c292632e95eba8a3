import type { ValidateFunction } from 'ajv';

/** schema/ferry-set.schema.json, compiled ahead of time (scripts/schema-validator.ts). */
declare const validate: ValidateFunction;
export default validate;
