package sweeprun

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/insurgo/insurgo/internal/atomicfile"
)

// SlurmOptions configures SlurmScripts.
type SlurmOptions struct {
	// Tasks is the array size; each task runs every shard s with
	// s mod Tasks = task. Default (0): one task per shard.
	Tasks     int
	Partition string // --partition; "" leaves the cluster's default
	Time      string // --time of each array task, e.g. "1:00:00"; "" for the default
	CPUs      int    // --cpus-per-task; workers per task; default 1
	Account   string // --account; "" for none
	Binary    string // the insurgo binary, as the compute nodes see it
	// MergeTime is the --time of the merge job; default Time.
	MergeTime string
}

// SlurmScripts are the files SlurmScripts wrote.
type SlurmScripts struct {
	Array, Merge, Submit string
	Tasks                int
	// Binary is the insurgo the jobs run; Temporary reports that it looks
	// like a "go run" or "go test" build in a temporary or cache
	// directory, which may be gone when the jobs start.
	Binary    string
	Temporary bool
}

var slurmValue = regexp.MustCompile(`^[A-Za-z0-9_.:,+=@/-]*$`)

// WriteSlurm writes to dir/slurm an sbatch script for a job array that
// runs the sweep's shards (array.sbatch), one for the merge and analysis
// (merge.sbatch), and submit.sh, which submits the array and then the
// merge with --dependency=afterok on it. Logs go to dir/logs.
func WriteSlurm(dir string, o SlurmOptions) (*SlurmScripts, error) {
	man, err := ReadManifest(dir)
	if err != nil {
		return nil, err
	}
	k := len(man.Shards)
	if o.Tasks == 0 {
		o.Tasks = k
	}
	if o.Tasks < 1 || o.Tasks > k {
		return nil, fmt.Errorf("%w: -tasks %d: want 1 to the %d planned shards (plan more shards for more tasks)", ErrSweepDir, o.Tasks, k)
	}
	if o.CPUs <= 0 {
		o.CPUs = 1
	}
	if o.MergeTime == "" {
		o.MergeTime = o.Time
	}
	for _, f := range [][2]string{{"partition", o.Partition}, {"time", o.Time}, {"account", o.Account}} {
		if !slurmValue.MatchString(f[1]) {
			return nil, fmt.Errorf("%w: -%s %q: unexpected characters", ErrSweepDir, f[0], f[1])
		}
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	bin := o.Binary
	if bin == "" {
		if bin, err = os.Executable(); err != nil {
			return nil, err
		}
	}
	if bin, err = filepath.Abs(bin); err != nil {
		return nil, err
	}
	sdir := filepath.Join(abs, "slurm")
	logs := filepath.Join(abs, "logs")
	for _, d := range []string{sdir, logs} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, err
		}
	}
	job := "insurgo-" + figureName(man.Name)
	common := func(b *strings.Builder, time string) {
		if o.Partition != "" {
			fmt.Fprintf(b, "#SBATCH --partition=%s\n", o.Partition)
		}
		if time != "" {
			fmt.Fprintf(b, "#SBATCH --time=%s\n", time)
		}
		if o.Account != "" {
			fmt.Fprintf(b, "#SBATCH --account=%s\n", o.Account)
		}
	}
	var a strings.Builder
	fmt.Fprintf(&a, "#!/bin/bash\n# Sweep %s (hash %s): %d points × %d replicates in %d shards, %d array tasks.\n", man.Name, short(man.Hash), man.Points, man.Replicates, k, o.Tasks)
	fmt.Fprintf(&a, "# Each task runs every shard s with s mod %d = SLURM_ARRAY_TASK_ID; a complete shard is skipped,\n# so resubmitting after a failure redoes only what is missing.\n", o.Tasks)
	fmt.Fprintf(&a, "#SBATCH --job-name=%s\n#SBATCH --array=0-%d\n#SBATCH --cpus-per-task=%d\n#SBATCH --ntasks=1\n", job, o.Tasks-1, o.CPUs)
	fmt.Fprintf(&a, "#SBATCH --output=%s/shard-%%A_%%a.out\n", logs)
	common(&a, o.Time)
	fmt.Fprintf(&a, "set -euo pipefail\nexec %s sweep run %s -workers \"${SLURM_CPUS_PER_TASK:-%d}\"\n", shellQuote(bin), shellQuote(abs), o.CPUs)

	var m strings.Builder
	fmt.Fprintf(&m, "#!/bin/bash\n# Merge and analyse sweep %s (hash %s) once every array task has succeeded.\n", man.Name, short(man.Hash))
	fmt.Fprintf(&m, "#SBATCH --job-name=%s-merge\n#SBATCH --cpus-per-task=1\n#SBATCH --ntasks=1\n#SBATCH --output=%s/merge-%%j.out\n", job, logs)
	common(&m, o.MergeTime)
	fmt.Fprintf(&m, "set -euo pipefail\n%s sweep merge %s\n%s sweep analyze %s\n", shellQuote(bin), shellQuote(abs), shellQuote(bin), shellQuote(abs))

	var s strings.Builder
	fmt.Fprintf(&s, `#!/bin/bash
# Submit sweep %[1]s: the shard array, then the merge once every task succeeded.
set -euo pipefail
array=$(sbatch --parsable %[2]s)
array=${array%%%%;*}
merge=$(sbatch --parsable --dependency=afterok:"$array" %[3]s)
merge=${merge%%%%;*}
echo "array job $array (%[4]d tasks), merge job $merge"
echo "watch: squeue -j $array,$merge    logs: %[5]s"
echo "results: %[6]s/results.parquet, %[6]s/analysis/"
`, man.Name, shellQuote(filepath.Join(sdir, "array.sbatch")), shellQuote(filepath.Join(sdir, "merge.sbatch")), o.Tasks, logs, abs)

	out := &SlurmScripts{Array: filepath.Join(sdir, "array.sbatch"), Merge: filepath.Join(sdir, "merge.sbatch"), Submit: filepath.Join(sdir, "submit.sh"), Tasks: o.Tasks,
		Binary: bin, Temporary: o.Binary == "" && temporaryBuild(bin)}
	for _, f := range [][2]string{{out.Array, a.String()}, {out.Merge, m.String()}, {out.Submit, s.String()}} {
		if err := atomicfile.WriteBytes(f[0], []byte(f[1])); err != nil {
			return nil, err
		}
		if err := os.Chmod(f[0], 0o755); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// shellQuote quotes s for bash.
func shellQuote(s string) string {
	if regexp.MustCompile(`^[A-Za-z0-9_./:=+-]+$`).MatchString(s) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// temporaryBuild reports whether bin lies where "go run" and "go test"
// put their builds: a go-build directory under the temporary directory or
// the build cache, which may be cleaned before the array tasks start.
func temporaryBuild(bin string) bool {
	sep := string(filepath.Separator)
	return strings.Contains(bin, sep+"go-build")
}
