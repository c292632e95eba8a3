/**
 * Why a SOPS file cannot be opened. The caller turns each into the one line a user reads, naming
 * the file and its recipients: a changed file is a fault (exit 1), a missing key is bad input.
 */

/** A file that fails its integrity check: refused whole, nothing of it is used. */
export class TamperedError extends Error {}

/** None of the age keys given is a recipient of the file. */
export class MissingKeyError extends Error {}
