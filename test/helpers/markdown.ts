// Renders markdown the way GitHub does, through cmark-gfm, and checks that no markup leaks into
// the HTML as text. GitHub's renderer is cmark-gfm; the binding used is PyPI's `cmarkgfm` (it
// ships manylinux wheels with cmark-gfm compiled in). The npm binding `cmark-gfm` is not an
// option: it needs an install script that downloads a prebuilt addon or compiles one, and npm
// holds install scripts back. The first use builds a Python venv in ferry's cache folder
// (`$FERRY_CACHE_DIR`, else `$XDG_CACHE_HOME/ferry`, else `~/.cache/ferry`) and installs the
// pinned wheel into it with pip; later uses reuse it.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { access, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const CMARKGFM_VERSION = '2025.10.22';
const cacheDir =
  process.env.FERRY_CACHE_DIR ||
  join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'ferry');
const venv = join(cacheDir, 'tools', `cmarkgfm-${CMARKGFM_VERSION}`);
const python = join(venv, 'bin', 'python');

// GitHub renders with every GFM extension and lets raw HTML through (its sanitizer runs after
// cmark-gfm and keeps tags such as <details>, <sub> and <h3>).
const RENDER_SCRIPT = [
  'import sys, cmarkgfm',
  'from cmarkgfm.cmark import Options',
  'text = sys.stdin.buffer.read().decode("utf-8")',
  'html = cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE)',
  'sys.stdout.buffer.write(html.encode("utf-8"))',
].join('\n');

let ready: Promise<void> | undefined;

/**
 * Builds the venv once per machine. It is built beside its final place and renamed into it, so
 * a test process running in parallel never sees a half-installed one (a venv's python finds its
 * packages relative to itself, so the move is safe).
 */
async function ensureRenderer(): Promise<void> {
  try {
    await access(python);
    return;
  } catch {
    // not built yet
  }
  await mkdir(join(cacheDir, 'tools'), { recursive: true });
  const building = await mkdtemp(`${venv}.building-`);
  try {
    await exec('python3', ['-m', 'venv', building]).catch((error: Error) => {
      throw new Error(
        `the markdown tests need Python 3 with its venv module (see the README): ${error.message}`,
      );
    });
    await exec(
      join(building, 'bin', 'python'),
      [
        '-m',
        'pip',
        'install',
        '--quiet',
        '--disable-pip-version-check',
        '--only-binary=:all:',
      ].concat(`cmarkgfm==${CMARKGFM_VERSION}`),
      { timeout: 240_000 },
    );
    await rename(building, venv).catch((error: NodeJS.ErrnoException) => {
      // Another process finished first: use its venv.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(building, { recursive: true, force: true });
  }
}

/** The HTML GitHub's renderer (cmark-gfm, GFM extensions, raw HTML kept) makes of `markdown`. */
export async function renderGfm(markdown: string): Promise<string> {
  ready ??= ensureRenderer();
  await ready;
  return new Promise((done, fail) => {
    const child = spawn(python, ['-c', RENDER_SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code === 0) done(Buffer.concat(out).toString('utf8'));
      else fail(new Error(`cmark-gfm exited ${code}: ${Buffer.concat(err).toString('utf8')}`));
    });
    child.stdin.end(markdown, 'utf8');
  });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/**
 * The text a reader sees, code excluded: code spans and blocks may show markup on purpose, so
 * their content is dropped; tags and comments go; entities are decoded.
 */
export function visibleText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<pre\b[\s\S]*?<\/pre>/g, ' ')
    .replace(/<code\b[\s\S]*?<\/code>/g, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? '');
}

/** Markup that shows as text when a renderer did not take it as markdown. */
const LEAKS: [string, RegExp][] = [
  ['a backtick', /`/],
  ['bold markers', /\*\*/],
  ['a markdown link', /\]\([^)\s]*\)/],
  ['a heading marker', /^\s*#{1,6} /m],
  ['a list marker', /^\s*[-*+] \S/m],
  ['a table row', /^\s*\|.*\|\s*$/m],
  ['an HTML tag shown as text', /<\/?[A-Za-z][\w-]*[\s/>]/],
];

/**
 * Renders `markdown` as GitHub does and fails when any markup reaches the reader as text
 * (backticks, `**`, `[text](url)`, `#`, list markers, table rows, tags), which is what happens
 * when a line after an HTML tag turns the rest into a raw HTML block. Returns the HTML for
 * further assertions.
 */
export async function assertRendersCleanly(markdown: string): Promise<string> {
  const html = await renderGfm(markdown);
  const text = visibleText(html);
  for (const [what, pattern] of LEAKS) {
    const found = pattern.exec(text);
    assert.equal(
      found,
      null,
      `${what} leaks into the rendered text near ${JSON.stringify(text.slice(Math.max(0, (found?.index ?? 0) - 60), (found?.index ?? 0) + 60))}\n--- markdown\n${markdown}\n--- html\n${html}`,
    );
  }
  return html;
}

/**
 * Renders `markdown` as GitHub does and fails unless every one of `hostile` (values from outside
 * ferry, each carrying a mention, an issue reference, a link or HTML) is shown only as code:
 * outside `<code>` and `<pre>`, and outside HTML comments, none of them may appear — not as a
 * link, a mention GitHub would notify, an issue reference it would link, or raw HTML. Each must
 * still be shown somewhere (a value dropped is not a value shown safely). `links`: hrefs ferry
 * itself writes. Returns the HTML.
 */
export async function assertInert(
  markdown: string,
  hostile: string[],
  links: string[] = [],
): Promise<string> {
  const html = await renderGfm(markdown);
  const outsideCode = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<pre\b[\s\S]*?<\/pre>/g, '')
    .replace(/<code\b[\s\S]*?<\/code>/g, '');
  const context = `\n--- markdown\n${markdown}\n--- html\n${html}`;
  for (const href of outsideCode.matchAll(/<a\b[^>]*href="([^"]*)"/g))
    assert.ok(links.includes(href[1]!), `a link to ${href[1]} that ferry did not write${context}`);
  for (const tag of outsideCode.matchAll(/<(img|b|script|iframe|a)\b[^>]*>/g))
    assert.ok(tag[1] === 'a', `raw HTML ${tag[0]} from a value${context}`);
  const entities = (text: string) =>
    text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? '');
  const visible = entities(outsideCode);
  for (const marker of ['@octocat', '#7777', 'evil.example', '<img', '<b>', '[pwn]']) {
    assert.ok(!visible.includes(marker), `${JSON.stringify(marker)} outside code${context}`);
  }
  const shown = entities(html);
  for (const value of hostile) {
    const probe = value.includes('@octocat') ? '@octocat' : value.slice(0, 12);
    assert.ok(shown.includes(probe), `${JSON.stringify(value)} is not shown at all${context}`);
  }
  return html;
}
