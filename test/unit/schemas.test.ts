// ferry compiles its schemas without checking them against the JSON Schema meta-schema (that
// check cost more than the rest of a no-op `apply --all`): this test is where they are checked.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';

const schemaDir = fileURLToPath(new URL('../../schema', import.meta.url));

/** Whether ajv's meta-schema accepts `schema`, and why not. */
function metaCheck(schema: object): { valid: boolean; errors: string } {
  const ajv = new Ajv({ strict: true });
  ajv.addKeyword({ keyword: 'x-error', schemaType: 'string' });
  const valid = ajv.validateSchema(schema) as boolean;
  return { valid, errors: ajv.errorsText(ajv.errors) };
}

describe('schema/*.schema.json', () => {
  it('each is valid against the JSON Schema meta-schema', async () => {
    const files = (await readdir(schemaDir)).filter((name) => name.endsWith('.schema.json'));
    assert.ok(files.length >= 3, files.join(', '));
    for (const name of files) {
      const schema = JSON.parse(await readFile(join(schemaDir, name), 'utf8')) as object;
      const { valid, errors } = metaCheck(schema);
      assert.ok(valid, `${name}: ${errors}`);
    }
  });

  it('a schema with a mistake is refused by the same check', () => {
    const { valid, errors } = metaCheck({
      type: 'object',
      properties: { inventory: { type: 'strin' } },
    });
    assert.equal(valid, false);
    assert.match(errors, /type/);
  });
});
