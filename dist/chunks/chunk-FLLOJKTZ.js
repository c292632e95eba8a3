import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  checkUniqueIdentities,
  documentObjects,
  parseDocuments
} from "./chunk-XIPL23AO.js";
import {
  ConfigError
} from "./chunk-PTXPLBH2.js";

// src/adapters/files.ts
import {
  access,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  realpath,
  rename,
  rm,
  writeFile
} from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { isUtf8 } from "node:buffer";

// src/core/utf8.ts
var strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
var lenient = new TextDecoder("utf-8", { ignoreBOM: true });
var REPLACEMENT = [239, 191, 189];
function decodeUtf8(bytes, source) {
  try {
    return strict.decode(bytes);
  } catch {
    throw new ConfigError(
      `${source}: not valid UTF-8 (at byte ${firstInvalidByte(bytes)}); save it as UTF-8`
    );
  }
}
function firstInvalidByte(bytes) {
  const text = lenient.decode(bytes);
  let offset = 0;
  for (const char of text) {
    if (char === "\uFFFD" && !REPLACEMENT.every((b, i) => bytes[offset + i] === b)) return offset;
    const code = char.codePointAt(0);
    offset += code < 128 ? 1 : code < 2048 ? 2 : code < 65536 ? 3 : 4;
  }
  return offset;
}

// src/adapters/files.ts
var TEMPLATE_FILE = /\.(ya?ml|hbs)$/;
var PATH_PROBLEMS = {
  ENOENT: { file: "not found", folder: "not found" },
  EISDIR: { file: "is a folder, not a file", folder: "is a folder" },
  ENOTDIR: { file: "has a file where a folder should be", folder: "is a file, not a folder" },
  ELOOP: { file: "is a symbolic link loop", folder: "is a symbolic link loop" },
  EACCES: {
    file: "cannot be read (permission denied)",
    folder: "cannot be read (permission denied)"
  }
};
function pathError(error, path, what, expected) {
  const problem = PATH_PROBLEMS[error.code ?? ""];
  return problem ? new ConfigError(`${path}: ${what} ${problem[expected]}`) : error;
}
async function readTextFile(path, what) {
  let bytes;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw pathError(error, path, what, "file");
  }
  return decodeUtf8(bytes, `${path}: ${what}`);
}
async function linkGuard(root, rootName) {
  const realRoot = await realpath(root).catch(() => resolve(root));
  return async (path, what, shown = path) => {
    let real;
    try {
      real = await realpath(path);
    } catch (error) {
      throw pathError(error, shown, what, "file");
    }
    const inside = relative(realRoot, real);
    if (inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside))
      throw new ConfigError(
        `${shown}: ${what} is a symbolic link to ${real}, outside ${rootName} ${root}; refused, nothing was read from it`
      );
  };
}
async function repositoryRoot(folder) {
  const start = resolve(folder);
  for (let current = start; ; current = dirname(current)) {
    if (await access(join(current, ".git")).then(
      () => true,
      () => false
    ))
      return current;
    if (dirname(current) === current) return start;
  }
}
async function readTemplates(folder, displayRoot, shownAs, repository = displayRoot, what = "templates folder") {
  let entries;
  try {
    entries = (await readdir(folder, { recursive: true })).map(String);
  } catch (error) {
    throw pathError(error, shownAs, what, "folder");
  }
  const names = entries.filter((name) => TEMPLATE_FILE.test(name)).sort();
  const inside = await linkGuard(repository, "the repository");
  return Promise.all(
    names.map(async (name) => {
      const path = join(folder, name);
      const shown = relative(displayRoot, path);
      await inside(path, "template", shown);
      return { name: shown, text: await readTextFile(path, "template") };
    })
  );
}
var MAX_OWN_FILE_BYTES = 16 * 1024 * 1024;
async function replaceDirectory(dir, files, isOwn) {
  const existing = await existingFolder(dir);
  const foreign = existing ? await firstForeign(dir, isOwn) : void 0;
  if (foreign !== void 0) {
    throw new ConfigError(
      `${dir}: holds ${foreign}, which ferry did not render; nothing was written (choose an empty or new folder)`
    );
  }
  await mkdir(dirname(dir), { recursive: true });
  const staging = await mkdtemp(join(dirname(dir), `.${basename(dir)}.ferry-`));
  try {
    for (const [name, text] of files) await writeFile(join(staging, name), text);
    if (existing) await rm(dir, { recursive: true });
    await rename(staging, dir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
async function existingFolder(dir) {
  try {
    const info = await lstat(dir);
    if (info.isSymbolicLink())
      throw new ConfigError(`${dir}: is a symbolic link; name the folder itself`);
    if (!info.isDirectory()) throw new ConfigError(`${dir}: exists and is not a folder`);
    return true;
  } catch (error) {
    if (error.code === "ENOENT") return false;
    throw pathError(error, dir, "output folder", "folder");
  }
}
async function firstForeign(dir, isOwn) {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    throw pathError(error, dir, "output folder", "folder");
  }
  const paths = entries.filter((entry) => !entry.isDirectory()).map((entry) => relative(dir, join(entry.parentPath, entry.name))).sort();
  for (const name of paths) {
    const path = join(dir, name);
    const info = await lstat(path);
    if (!info.isFile() || info.size > MAX_OWN_FILE_BYTES) return name;
    const bytes = await readFile(path);
    if (!isUtf8(bytes) || !isOwn(bytes.toString("utf8"), name)) return name;
  }
  return void 0;
}
async function pathRelation(path, other) {
  const [a, b] = await Promise.all([realPathOf(path), realPathOf(other)]);
  if (a === b) return "same";
  const within = (inner, outer) => {
    const rel = relative(outer, inner);
    return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
  };
  if (within(a, b)) return "inside";
  if (within(b, a)) return "holds";
  return "apart";
}
async function realPathOf(path) {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch (error) {
    const parent = dirname(absolute);
    if (error.code !== "ENOENT" || parent === absolute) return absolute;
    return join(await realPathOf(parent), basename(absolute));
  }
}
async function readManifestDir(dir) {
  let entries;
  try {
    entries = (await readdir(dir, { recursive: true })).map(String);
  } catch (error) {
    throw pathError(error, dir, "manifests folder", "folder");
  }
  const manifests = [];
  const inside = await linkGuard(dir, "the manifests folder");
  for (const name of entries.filter((entry) => /\.(ya?ml|json)$/.test(entry) && !/(^|\/)\./.test(entry)).sort()) {
    const source = join(dir, name);
    await inside(source, "manifest");
    const text = await readTextFile(source, "manifest");
    parseDocuments(text, source).forEach((document, index) => {
      if (document === null || document === void 0) return;
      for (const object of documentObjects(document, source, index))
        manifests.push({ source, object });
    });
  }
  checkUniqueIdentities(manifests);
  return manifests;
}

export {
  decodeUtf8,
  pathError,
  readTextFile,
  linkGuard,
  repositoryRoot,
  readTemplates,
  replaceDirectory,
  pathRelation,
  readManifestDir
};
//# sourceMappingURL=chunk-FLLOJKTZ.js.map
