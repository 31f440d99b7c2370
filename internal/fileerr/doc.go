// Package fileerr is the one error type and the one key locator of the
// project's TOML input files: scenarios, sweep files, calibration files.
//
// An [Error] names the file, the line and column where known, the dotted
// key concerned and what was expected, in the manner of encoding/csv's
// ParseError; [Errors] lists every problem of one file (or one extends
// chain) so that a user fixes them all in one pass. Each Error wraps a
// sentinel of the package that found it (scenarios.ErrRange,
// sweeprun.ErrSweepFile, ...), so callers test kinds with errors.Is.
//
// [Index] finds where a document sets a key: BurntSushi/toml reports the
// position of a syntax error ([FromTOML] turns its ParseError into an
// Error) but not where keys are, so the Index scans the text once.
//
// A parser of a new file format adopts it in three steps: decode with
// BurntSushi/toml, turning a decode error into Errors with FromTOML;
// index the text with NewIndex; report each problem with [Errors.Add] or
// [Errors.At], which place it at its key's line. See the example.
package fileerr
