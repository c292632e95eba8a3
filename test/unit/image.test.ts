import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../../src/core/errors.js';
import { imageReference } from '../../src/core/image.js';

const repo = 'registry.example.com:5000/acme/guestbook';
const digest = `sha256:${'a1'.repeat(32)}`;

describe('image references', () => {
  it('builds tag, digest and tag@digest references', () => {
    assert.equal(imageReference(repo, '1.4.2').ref, `${repo}:1.4.2`);
    assert.equal(imageReference(repo, undefined, digest).ref, `${repo}@${digest}`);
    assert.deepEqual(imageReference(repo, 'v1', digest), {
      repository: repo,
      tag: 'v1',
      digest,
      ref: `${repo}:v1@${digest}`,
    });
  });

  for (const tag of [
    'v1\n  privileged: true',
    '-leading-dash',
    '.dot',
    'a'.repeat(129),
    'has space',
    'x:y',
    'a/b',
    '',
  ]) {
    it(`rejects the tag ${JSON.stringify(tag.slice(0, 20))}`, () => {
      assert.throws(() => imageReference(repo, tag), ConfigError);
    });
  }

  it('rejects a malformed digest', () => {
    assert.throws(() => imageReference(repo, '1', 'sha256:ABC'), /not valid/);
    assert.throws(() => imageReference(repo, '1', `md5:${'a'.repeat(32)}`), /not valid/);
  });

  it('rejects an invalid repository and a reference with neither tag nor digest', () => {
    assert.throws(() => imageReference('Registry/UPPER', '1'), /not a valid image repository/);
    assert.throws(() => imageReference(repo), /give an image tag/);
  });

  it('accepts the longest valid tag', () => {
    assert.equal(imageReference(repo, `_${'a'.repeat(127)}`).tag.length, 128);
  });
});
