// Package internal holds helpers with no better home. This file pins the
// project's module dependencies while the packages that use them are written;
// it is removed once each is imported for real.
package internal

import (
	_ "github.com/BurntSushi/toml"
	_ "github.com/parquet-go/parquet-go"
	_ "github.com/schollz/progressbar/v3"
	_ "golang.org/x/term"
	_ "gonum.org/v1/gonum/stat"
	_ "gonum.org/v1/plot"
)
