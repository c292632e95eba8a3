import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  checkUniqueIdentities,
  documentObjects,
  parseDocuments
} from "./chunk-547FW4JV.js";
import {
  ConfigError
} from "./chunk-PTXPLBH2.js";

// src/adapters/files.ts
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative } from "node:path";
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
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw pathError(error, path, what, "file");
  }
}
async function readTemplates(folder, displayRoot) {
  let entries;
  try {
    entries = (await readdir(folder, { recursive: true })).map(String);
  } catch (error) {
    throw pathError(error, relative(displayRoot, folder) || folder, "templates folder", "folder");
  }
  const names = entries.filter((name) => TEMPLATE_FILE.test(name)).sort();
  return Promise.all(
    names.map(async (name) => {
      const path = join(folder, name);
      return { name: relative(displayRoot, path), text: await readTextFile(path, "template") };
    })
  );
}
async function replaceDirectory(dir, files) {
  const existing = await listIfExists(dir);
  const foreign = existing?.find((name) => !/\.ya?ml$/.test(name));
  if (foreign !== void 0) {
    throw new ConfigError(
      `${dir}: holds ${foreign}, which is not rendered YAML; choose an empty or new folder`
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
async function listIfExists(dir) {
  try {
    if (!(await stat(dir)).isDirectory())
      throw new ConfigError(`${dir}: exists and is not a folder`);
    return await readdir(dir);
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw pathError(error, dir, "output folder", "folder");
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
  for (const name of entries.filter((entry) => /\.(ya?ml|json)$/.test(entry) && !/(^|\/)\./.test(entry)).sort()) {
    const source = join(dir, name);
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
  pathError,
  readTextFile,
  readTemplates,
  replaceDirectory,
  readManifestDir
};
//# sourceMappingURL=chunk-4XANHIC3.js.map
