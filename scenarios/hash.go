package scenarios

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"github.com/insurgo/insurgo/model/civil"
	"github.com/insurgo/insurgo/model/intergroup"
	"github.com/insurgo/insurgo/model/isk"
)

// hashed is the canonical content of a resolved scenario: what decides
// its runs. Names, descriptions, comments, key order and extends chains
// are left out, so two files that resolve to the same scenario share a
// hash.
type hashed struct {
	Start   string
	End     string
	Params  isk.Params
	Targets []Target
}

// hashedCivil is the canonical content of a civil scenario.
type hashedCivil struct {
	Model   string
	Civil   civil.Params
	Targets []Target
}

// hashedIntergroup is the canonical content of an intergroup scenario.
type hashedIntergroup struct {
	Model      string
	Intergroup intergroup.Params
	Targets    []Target
}

// hash returns the hex SHA-256 of s's canonical encoding: JSON of the
// typed scenario, whose struct fields come in declaration order and
// whose map keys are sorted.
func hash(s *Scenario) (string, error) {
	var v any = hashed{
		Start:   s.Start.Format(time.DateOnly),
		End:     s.End.Format(time.DateOnly),
		Params:  s.Params,
		Targets: s.Targets,
	}
	switch s.Model {
	case ModelCivil:
		v = hashedCivil{Model: s.Model, Civil: s.Civil, Targets: s.Targets}
	case ModelIntergroup:
		v = hashedIntergroup{Model: s.Model, Intergroup: s.Intergroup, Targets: s.Targets}
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("cannot encode the scenario for its hash: %v", err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}
