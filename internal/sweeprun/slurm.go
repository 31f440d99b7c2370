package sweeprun

import (
	"errors"
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
	Mem       string // --mem of each task, e.g. "4G"; "" for the default
	Account   string // --account; "" for none
	// Throttle, if > 0, is the most array tasks that run at once
	// (--array=0-N%Throttle).
	Throttle int
	// Extra are further sbatch options written as #SBATCH lines of both
	// scripts, each "--name" or "--name=value" (see CheckSbatchOption).
	Extra  []string
	Binary string // the insurgo binary, as the compute nodes see it
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

// slurmValue is what a value of an #SBATCH line may hold: no blanks,
// quotes, shell metacharacters or newlines.
var slurmValue = regexp.MustCompile(`^[A-Za-z0-9_.:,+=@/-]*$`)

// slurmTimeRE matches Slurm's --time formats: minutes, minutes:seconds,
// hours:minutes:seconds, days-hours, days-hours:minutes and
// days-hours:minutes:seconds.
var slurmTimeRE = regexp.MustCompile(`^(\d+|\d+:\d{1,2}|\d+:\d{1,2}:\d{1,2}|\d+-\d{1,2}|\d+-\d{1,2}:\d{1,2}|\d+-\d{1,2}:\d{1,2}:\d{1,2})$`)

// CheckSlurmTime checks a --time value against Slurm's formats ("" is
// the partition's default; "UNLIMITED" and "INFINITE" are Slurm's words
// for no limit). Minutes and seconds after a colon must be below 60.
func CheckSlurmTime(s string) error {
	switch s {
	case "", "UNLIMITED", "INFINITE":
		return nil
	}
	if !slurmTimeRE.MatchString(s) {
		return fmt.Errorf("time %q: want minutes, minutes:seconds, hours:minutes:seconds, days-hours, days-hours:minutes or days-hours:minutes:seconds (such as 90, 1:30:00 or 2-12)", s)
	}
	if _, hms, ok := strings.Cut(s, "-"); ok {
		h, _, _ := strings.Cut(hms, ":")
		if len(h) > 0 && atoiSmall(h) > 23 {
			return fmt.Errorf("time %q: hours after days- must be below 24", s)
		}
	}
	parts := strings.Split(s, ":")
	for _, p := range parts[1:] {
		if atoiSmall(p) > 59 {
			return fmt.Errorf("time %q: minutes and seconds after a colon must be below 60", s)
		}
	}
	return nil
}

func atoiSmall(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
		if n > 1<<20 {
			return n
		}
	}
	return n
}

var slurmMemRE = regexp.MustCompile(`^[0-9]{1,9}[KMGT]?$`)

// CheckSlurmMem checks a --mem value: a number of megabytes, or a number
// with the suffix K, M, G or T.
func CheckSlurmMem(s string) error {
	if s == "" || slurmMemRE.MatchString(s) {
		return nil
	}
	return fmt.Errorf("mem %q: want a size such as 4000, 512M or 4G", s)
}

var sbatchOptRE = regexp.MustCompile(`^--[a-z][a-z0-9-]*(=[A-Za-z0-9_.:,+=@/%-]+)?$`)

// ownOptions are the sbatch options the scripts set themselves; giving
// one again as an extra option would contradict them.
var ownOptions = []string{"array", "job-name", "output", "error", "dependency", "ntasks", "wrap", "chdir"}

// CheckSbatchOption checks an extra sbatch option: "--name" or
// "--name=value", a lower-case option name and a value without blanks,
// quotes or shell metacharacters, and not one of the options the
// scripts set themselves.
func CheckSbatchOption(s string) error {
	if !sbatchOptRE.MatchString(s) {
		return fmt.Errorf("sbatch option %q: want --name or --name=value, the value of letters, digits and _.:,+=@/%%-", s)
	}
	name, _, _ := strings.Cut(strings.TrimPrefix(s, "--"), "=")
	for _, o := range ownOptions {
		if name == o {
			return fmt.Errorf("sbatch option %q: the scripts set --%s themselves", s, o)
		}
	}
	return nil
}

// CheckScriptPath checks that an absolute path can be written into an
// #SBATCH line in double quotes: no double quote, backslash, '%' (a
// Slurm file-name pattern) or control character.
func CheckScriptPath(p string) error {
	for _, r := range p {
		if r == '"' || r == '\\' || r == '%' || r < 0x20 || r == 0x7f {
			return fmt.Errorf("path %q holds %q, which an #SBATCH line cannot carry; move the sweep directory", p, r)
		}
	}
	return nil
}

var hexRE = regexp.MustCompile(`^[0-9a-f]+$`)

// check checks o; every value written into a script passes one of these
// checks or is quoted for the shell.
func (o *SlurmOptions) check() error {
	for _, f := range [][2]string{{"partition", o.Partition}, {"account", o.Account}} {
		if !slurmValue.MatchString(f[1]) {
			return fmt.Errorf("-%s %q: want letters, digits and _.:,+=@/-", f[0], f[1])
		}
	}
	for _, t := range []string{o.Time, o.MergeTime} {
		if err := CheckSlurmTime(t); err != nil {
			return err
		}
	}
	if err := CheckSlurmMem(o.Mem); err != nil {
		return err
	}
	if o.Throttle < 0 {
		return fmt.Errorf("throttle %d: want >= 0", o.Throttle)
	}
	for _, x := range o.Extra {
		if err := CheckSbatchOption(x); err != nil {
			return err
		}
	}
	return nil
}

// WriteSlurm writes to dir/slurm an sbatch script for a job array that
// runs the sweep's shards (array.sbatch), one for the merge and analysis
// (merge.sbatch), and submit.sh, which submits the array and then the
// merge with --dependency=afterok on it. Logs go to dir/logs.
//
// The scripts are safe by construction: the sweep name was checked when
// planned (and again here), options are checked against Slurm's formats,
// paths are quoted for the shell, and paths in #SBATCH lines are refused
// if they hold what such a line cannot carry. Each array task passes its
// task count from the plan, so any subset of array indices can be
// resubmitted (sbatch --array=3,7 array.sbatch).
func WriteSlurm(dir string, o SlurmOptions) (*SlurmScripts, error) {
	man, err := ReadManifest(dir)
	if err != nil {
		return nil, err
	}
	if !ValidName(man.Name) || !hexRE.MatchString(man.Hash) {
		return nil, fmt.Errorf("%w: manifest name %q or hash %q: not as a plan writes them", ErrSweepDir, man.Name, man.Hash)
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
	if err := o.check(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSlurmOption, err)
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
	if err := CheckScriptPath(abs); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSweepDir, err)
	}
	sdir := filepath.Join(abs, "slurm")
	logs := filepath.Join(abs, "logs")
	for _, d := range []string{sdir, logs} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, err
		}
	}
	job := "insurgo-" + man.Name
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
		if o.Mem != "" {
			fmt.Fprintf(b, "#SBATCH --mem=%s\n", o.Mem)
		}
		for _, x := range o.Extra {
			fmt.Fprintf(b, "#SBATCH %s\n", x)
		}
	}
	array := fmt.Sprintf("0-%d", o.Tasks-1)
	if o.Throttle > 0 {
		array += fmt.Sprintf("%%%d", o.Throttle)
	}
	var a strings.Builder
	fmt.Fprintf(&a, "#!/bin/bash\n")
	fmt.Fprintf(&a, "#SBATCH --job-name=%s\n#SBATCH --array=%s\n#SBATCH --cpus-per-task=%d\n#SBATCH --ntasks=1\n", job, array, o.CPUs)
	fmt.Fprintf(&a, "#SBATCH --output=\"%s/shard-%%A_%%a.out\"\n", logs)
	common(&a, o.Time)
	fmt.Fprintf(&a, "# Sweep %s (hash %s): %d points × %d replicates in %d shards, %d array tasks.\n", man.Name, short(man.Hash), man.Points, man.Replicates, k, o.Tasks)
	fmt.Fprintf(&a, "# Task i runs every shard s with s mod %d = i; a complete shard is skipped, so\n# resubmitting any indices after a failure (sbatch --array=3,7 this-script) redoes only what is missing.\n", o.Tasks)
	fmt.Fprintf(&a, "set -euo pipefail\nexec %s sweep run %s -shard \"${SLURM_ARRAY_TASK_ID}/%d\" -workers \"${SLURM_CPUS_PER_TASK:-%d}\"\n", shellQuote(bin), shellQuote(abs), o.Tasks, o.CPUs)

	var m strings.Builder
	fmt.Fprintf(&m, "#!/bin/bash\n")
	fmt.Fprintf(&m, "#SBATCH --job-name=%s-merge\n#SBATCH --cpus-per-task=1\n#SBATCH --ntasks=1\n#SBATCH --output=\"%s/merge-%%j.out\"\n", job, logs)
	common(&m, o.MergeTime)
	fmt.Fprintf(&m, "# Merge and analyse sweep %s (hash %s) once every array task has succeeded.\n", man.Name, short(man.Hash))
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
echo "watch: squeue -j $array,$merge    logs: "%[5]s
echo "results: "%[6]s
`, man.Name, shellQuote(filepath.Join(sdir, "array.sbatch")), shellQuote(filepath.Join(sdir, "merge.sbatch")), o.Tasks, shellQuote(logs), shellQuote(abs+"/results.parquet, "+abs+"/analysis/"))

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

// ErrSlurmOption is wrapped by a Slurm option that does not check.
var ErrSlurmOption = errors.New("bad Slurm option")

var shellSafe = regexp.MustCompile(`^[A-Za-z0-9_./:=+-]+$`)

// shellQuote quotes s for bash: as it is when it holds only safe
// characters, else in single quotes (a quote inside written as '\”).
func shellQuote(s string) string {
	if shellSafe.MatchString(s) {
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
