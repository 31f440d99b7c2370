package scenarios_test

import (
	"errors"
	"fmt"

	"github.com/insurgo/insurgo/scenarios"
)

func ExampleLoad() {
	s, err := scenarios.Load("testdata/example.toml")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Name, "extends", s.Extends)
	fmt.Println(s.Start.Format("2006-01-02"), "to", s.End.Format("2006-01-02"))
	for _, ph := range s.Params.RaidPhases {
		if ph.Name == "intelligence-led" {
			fmt.Println(ph.Name, "raids per month:", ph.PerMonth)
		}
	}
	// Output:
	// more-raids extends historical
	// 2022-01-01 to 2023-12-31
	// intelligence-led raids per month: 12
}

// Every problem is reported, each with its file, line, key and what was
// expected.
func ExampleLoad_errors() {
	_, err := scenarios.Load("testdata/bad/many_errors.toml")
	fmt.Println(err)
	fmt.Println(errors.Is(err, scenarios.ErrUnknownKey), errors.Is(err, scenarios.ErrSyntax))
	// Output:
	// testdata/bad/many_errors.toml:6: raids.per_mnth: unknown key (did you mean "per_month"?)
	// testdata/bad/many_errors.toml:7: raids.quality: must be in [0, 1], got 1.5
	// testdata/bad/many_errors.toml:10:14: isk.split_size: want an integer, got string "big"
	// testdata/bad/many_errors.toml:14: region.Kunar.cells: must be >= 0, got -1
	// true false
}

func ExampleScenario_With() {
	s, err := scenarios.Load("historical")
	if err != nil {
		fmt.Println(err)
		return
	}
	w, err := s.With(map[string]any{"raids.capacity_building": 1.5, "border.durand.control": 0.5})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(w.Params.Raids.CapacityBuilding, w.Params.Borders[0].Name, w.Params.Borders[0].Control, w.Hash != s.Hash)
	_, err = s.With(map[string]any{"border.durand.control": 2.0})
	fmt.Println(err)
	// Output:
	// 1.5 durand 0.5 true
	// override: border.durand.control: must be in [0, 1], got 2
}
