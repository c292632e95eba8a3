// A local-copy stand-in for rsync, for exactly what gitlab-ci-local 4.x runs on the shell
// executor, so the GitLab end-to-end tests need nothing the README does not name. It is put on
// PATH (as test/tools/rsync-bin/rsync) only for gitlab-ci-local's processes. The forms it runs:
//   rsync -a --delete-excluded --delete --exclude-from=F… --exclude P… ./ DEST/   (project files)
//   rsync --exclude P -rRa --exclude P… --files-from=F . DEST/.                   (artifacts)
//   rsync -Ra ./PATH… DEST/.                                                        (cache, dotenv)
// Anything else exits 1 naming what it does not support, so a gitlab-ci-local upgrade that needs
// more fails loudly instead of copying the wrong files.
import { lstatSync, readFileSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { chmodSync, copyFileSync, lutimesSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';

/** rsync's filter-pattern grammar (man rsync, "INCLUDE/EXCLUDE PATTERN RULES"), as a test. */
export function excludeRule(pattern) {
  let text = pattern;
  const dirOnly = text.endsWith('/');
  if (dirOnly) text = text.slice(0, -1);
  const anchored = text.startsWith('/');
  if (anchored) text = text.slice(1);
  // A pattern with a slash or `**` matches the whole path; otherwise only the last name.
  const wholePath = text.includes('/') || text.includes('**');
  let source = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '*' && text[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  const regex = new RegExp(
    anchored ? `^${source}$` : wholePath ? `(^|/)${source}$` : `^${source}$`,
  );
  return (path, isDir) => {
    if (dirOnly && !isDir) return false;
    return regex.test(wholePath || anchored ? path : posix.basename(path));
  };
}

function fail(message) {
  process.stderr.write(`rsync (ferry test shim): ${message}\n`);
  process.exit(1);
}

/** Parses the options gitlab-ci-local passes; see the header. */
export function parseArgs(args) {
  const options = { relative: false, recursive: false, archive: false, delete: false };
  const excludes = [];
  const operands = [];
  let filesFrom;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (name) => (arg.startsWith(`${name}=`) ? arg.slice(name.length + 1) : args[++i]);
    if (arg === '--delete' || arg === '--delete-excluded') options.delete = true;
    else if (arg.startsWith('--exclude-from')) {
      const file = value('--exclude-from');
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (line.trim() !== '' && !/^[#;]/.test(line)) excludes.push(line.trim());
      }
    } else if (arg.startsWith('--exclude')) excludes.push(value('--exclude'));
    else if (arg.startsWith('--files-from')) filesFrom = value('--files-from');
    else if (/^-[arR]+$/.test(arg)) {
      if (arg.includes('a')) options.archive = true;
      if (arg.includes('r') || arg.includes('a')) options.recursive = true;
      if (arg.includes('R')) options.relative = true;
    } else if (arg.startsWith('-')) fail(`unsupported option ${arg}`);
    else operands.push(arg);
  }
  if (operands.length < 2) fail('needs a source and a destination');
  if (filesFrom !== undefined) {
    // --files-from implies --relative; the one source is the folder its names are relative to.
    options.relative = true;
    if (operands.length !== 2) fail('--files-from takes one source folder');
  }
  const destination = operands.pop();
  return { options, excludes: excludes.map(excludeRule), filesFrom, operands, destination };
}

function isExcluded(excludes, path, isDir) {
  return excludes.some((rule) => rule(path, isDir));
}

/** Copies one file, link or folder (with -r, its tree), keeping modes, times and links (-a). */
function copyTree(job, from, to, path, kept) {
  const stat = lstatSync(from);
  if (isExcluded(job.excludes, path, stat.isDirectory())) return;
  kept.add(to);
  mkdirSync(dirname(to), { recursive: true });
  if (stat.isSymbolicLink()) {
    rmSync(to, { force: true, recursive: true });
    symlinkSync(readlinkSync(from), to);
  } else if (stat.isDirectory()) {
    mkdirSync(to, { recursive: true });
    if (job.options.recursive) {
      for (const name of readdirSync(from)) {
        copyTree(job, join(from, name), join(to, name), path ? `${path}/${name}` : name, kept);
      }
    }
    chmodSync(to, stat.mode & 0o7777);
  } else {
    const existing = statSync(to, { throwIfNoEntry: false });
    // rsync's quick check: same size and modification time means unchanged.
    if (!existing || existing.size !== stat.size || existing.mtimeMs !== stat.mtimeMs) {
      if (existing?.isDirectory()) rmSync(to, { recursive: true });
      copyFileSync(from, to);
      chmodSync(to, stat.mode & 0o7777);
    }
  }
  if (job.options.archive) lutimesSync(to, stat.atime, stat.mtime);
}

/** With --delete: removes what the destination has and the source did not send. */
function deleteExtraneous(dir, kept) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!kept.has(path)) rmSync(path, { recursive: true, force: true });
    else if (lstatSync(path).isDirectory()) deleteExtraneous(path, kept);
  }
}

/** Where a source lands: its contents for `dir/` or `dir/.`, itself (or with -R its path) else. */
function sourcePlan(source, relative) {
  const clean = posix.normalize(source);
  const contents = source.endsWith('/') || source.endsWith('/.') || clean === '.';
  if (relative) return { from: clean, path: clean === '.' ? '' : clean.replace(/^\.\//, '') };
  return { from: clean, path: contents ? '' : posix.basename(clean) };
}

export function main(args) {
  if (args.includes('--version')) {
    process.stdout.write('rsync (ferry test shim) for gitlab-ci-local\n');
    return;
  }
  const job = parseArgs(args);
  const kept = new Set();
  const destination = posix.normalize(job.destination);
  mkdirSync(destination, { recursive: true });
  const sources = job.filesFrom
    ? readFileSync(job.filesFrom, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => posix.join(job.operands[0], line))
    : job.operands;
  for (const source of sources) {
    if (!lstatSync(source, { throwIfNoEntry: false })) {
      process.stderr.write(`rsync: link_stat "${source}" failed: No such file or directory\n`);
      process.exitCode = 23;
      continue;
    }
    const { from, path } = sourcePlan(source, job.options.relative);
    if (path === '') {
      for (const name of readdirSync(from)) {
        copyTree(job, join(from, name), join(destination, name), name, kept);
      }
    } else copyTree(job, from, join(destination, path), path, kept);
  }
  if (job.options.delete) deleteExtraneous(destination, kept);
}

if (process.argv[1] === import.meta.filename) main(process.argv.slice(2));
