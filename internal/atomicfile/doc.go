// Package atomicfile writes files whole or not at all: the bytes go to a
// temporary file in the same directory, which is synced and then renamed
// over the destination, so a killed run never leaves a half-written file
// that looks whole. WriteJSON writes JSON in the one indented form every
// JSON output of insurgo shares.
package atomicfile
