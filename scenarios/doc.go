// Package scenarios loads insurgo's scenario files: TOML documents that
// give a run's span (start, end), the model's settings (isk.Params) and
// the observed figures to hold the simulation against ([[target]]).
//
// The shipped scenarios are embedded in the binary ([Shipped]); [Load]
// takes a shipped name such as "historical" or a file path. A file may
// extend another (extends = "historical" or a relative path): tables merge
// key by key, and arrays of tables merge by their elements' name field.
//
// Loading is strict and reports every problem at once, as [Errors]: TOML
// syntax errors with line and column; unknown keys with the nearest known
// key; values of the wrong type; out-of-range values (never clamped);
// end before start; targets naming unknown metrics, scopes or months;
// duplicate names; unresolvable or cyclic extends. Each [Error] names the
// file, the line where known, and the key, and wraps a sentinel such as
// [ErrUnknownKey] for errors.Is.
//
// [Scenario.With] derives a scenario with settings overridden by dotted
// key (for sweeps), validated the same way; [Scenario.Hash] identifies a
// resolved scenario's content.
package scenarios
