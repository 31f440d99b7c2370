package scenarios

import (
	"reflect"
	"testing"
)

func TestMerge(t *testing.T) {
	base := map[string]any{
		"name":  "base",
		"raids": map[string]any{"per_month": int64(1), "quality": 0.5},
		"region": []map[string]any{
			{"name": "A", "cells": int64(1), "grievance": 0.2},
			{"name": "B", "cells": int64(2)},
		},
		"list": []any{int64(1), int64(2)},
	}
	over := map[string]any{
		"raids": map[string]any{"quality": 0.9},
		"region": []map[string]any{
			{"name": "B", "cells": int64(5)},
			{"name": "C", "cells": int64(3)},
			{"cells": int64(9)},
		},
		"list":  []any{int64(3)},
		"extra": true,
	}
	got := merge(base, over)
	want := map[string]any{
		"name":  "base",
		"raids": map[string]any{"per_month": int64(1), "quality": 0.9},
		"region": []map[string]any{
			{"name": "A", "cells": int64(1), "grievance": 0.2},
			{"name": "B", "cells": int64(5)},
			{"name": "C", "cells": int64(3)},
			{"cells": int64(9)},
		},
		"list":  []any{int64(3)},
		"extra": true,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("merge =\n%v\nwant\n%v", got, want)
	}
	// The inputs are untouched.
	if base["raids"].(map[string]any)["quality"] != 0.5 || len(base["region"].([]map[string]any)) != 2 {
		t.Error("merge changed base")
	}
	got["raids"].(map[string]any)["quality"] = 0.1
	if over["raids"].(map[string]any)["quality"] != 0.9 {
		t.Error("merge result shares a table with over")
	}
}

func TestNormalize(t *testing.T) {
	v := normalize(map[string]any{
		"inline": []any{map[string]any{"name": "A"}},
		"mixed":  []any{map[string]any{}, int64(1)},
		"empty":  []any{},
	}).(map[string]any)
	if _, ok := v["inline"].([]map[string]any); !ok {
		t.Errorf("inline array of tables is %T", v["inline"])
	}
	if _, ok := v["mixed"].([]any); !ok {
		t.Errorf("mixed array is %T", v["mixed"])
	}
	if _, ok := v["empty"].([]any); !ok {
		t.Errorf("empty array is %T", v["empty"])
	}
}
