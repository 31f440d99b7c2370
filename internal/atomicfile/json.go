package atomicfile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// EncodeJSON writes v to w as JSON indented by one space, with a final
// newline: the form of every JSON file insurgo writes (summary.json,
// compare.json, manifest.json, analysis.json).
func EncodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("atomicfile: %w", err)
	}
	return nil
}

// MarshalJSON returns v as EncodeJSON writes it.
func MarshalJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	if err := EncodeJSON(&buf, v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteJSON writes v to path atomically, as EncodeJSON formats it. If v
// cannot be encoded, nothing is left at path.
func WriteJSON(path string, v any) error {
	return Write(path, func(w io.Writer) error { return EncodeJSON(w, v) })
}
