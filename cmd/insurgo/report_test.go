package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/insurgo/insurgo/internal/report"
)

// needTool returns the path of an external program a test uses: the test
// skips where it is absent, unless INSURGO_EXTERNAL_TOOLS=require (set by
// .ci/run), where it fails.
func needTool(t *testing.T, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	if os.Getenv("INSURGO_EXTERNAL_TOOLS") == "require" {
		t.Fatalf("none of %v found and INSURGO_EXTERNAL_TOOLS=require", names)
	}
	t.Skipf("%v not installed", names)
	return ""
}

// probe is put at the top of a copy of the report: it records every
// error (script errors, failed resources, console.error) and, once the
// page has loaded, every image that did not load, into the page's text.
const probe = `<script>
window.__errs = [];
window.addEventListener('error', function (e) {
  var t = e.target && e.target.tagName ? e.target.tagName + ' ' + (e.target.src || '').slice(0, 40) : e.message;
  window.__errs.push('error: ' + t);
}, true);
var ce = console.error; console.error = function () { window.__errs.push('console: ' + Array.from(arguments).join(' ')); ce.apply(console, arguments); };
window.addEventListener('load', function () {
  var imgs = document.images, bad = 0;
  for (var i = 0; i < imgs.length; i++) { if (!imgs[i].complete || imgs[i].naturalWidth === 0) { bad++; window.__errs.push('image not loaded: ' + imgs[i].alt); } }
  var p = document.createElement('pre'); p.id = 'probe';
  p.textContent = 'PROBE images=' + imgs.length + ' bad=' + bad + ' errors=' + window.__errs.length + '\n' + window.__errs.join('\n');
  document.body.appendChild(p);
});
</script>`

// chromiumFlags are the flags of every headless Chromium the tests start.
func chromiumFlags(t *testing.T) []string {
	return []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(), "--virtual-time-budget=10000"}
}

// probeResult is what the probe saw of a page.
type probeResult struct {
	images, bad, errors int
	messages, dom       string
}

// chromiumProbe loads a copy of page with the probe in headless Chromium
// and returns what it saw, and the DOM after load.
func chromiumProbe(t *testing.T, bin, page string) probeResult {
	t.Helper()
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	probed := filepath.Join(t.TempDir(), "probed.html")
	html := strings.Replace(string(b), "<head>", "<head>"+probe, 1)
	if err := os.WriteFile(probed, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, append(chromiumFlags(t), "--dump-dom", "file://"+probed)...).Output()
	if err != nil {
		t.Fatalf("chromium --dump-dom: %v", err)
	}
	r := probeResult{dom: string(out)}
	m := regexp.MustCompile(`PROBE images=(\d+) bad=(\d+) errors=(\d+)\n?([^<]*)`).FindStringSubmatch(r.dom)
	if m == nil {
		t.Fatalf("the probe did not run; DOM:\n%.500s", r.dom)
	}
	r.images, _ = strconv.Atoi(m[1])
	r.bad, _ = strconv.Atoi(m[2])
	r.errors, _ = strconv.Atoi(m[3])
	r.messages = m[4]
	return r
}

// renderInChromium loads page in headless Chromium, checks that no error
// was reported and every image loaded, writes a screenshot of the page as
// it is to shot, and returns the DOM after load.
func renderInChromium(t *testing.T, page, shot string) string {
	t.Helper()
	bin := needTool(t, "chromium", "chromium-browser", "google-chrome")
	r := chromiumProbe(t, bin, page)
	if r.images == 0 {
		t.Error("the page has no image")
	}
	if r.bad != 0 || r.errors != 0 {
		t.Errorf("%d images not loaded, %d errors:\n%s", r.bad, r.errors, r.messages)
	}
	cmd := exec.Command(bin, append(chromiumFlags(t), "--window-size=1280,4000", "--hide-scrollbars", "--screenshot="+shot, "file://"+page)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium --screenshot: %v\n%s", err, out)
	}
	if st, err := os.Stat(shot); err != nil || st.Size() < 10000 {
		t.Fatalf("no screenshot written at %s: %v", shot, err)
	}
	t.Logf("screenshot of %s: %s", page, shot)
	return r.dom
}

// The probe sees a broken image and a script error: the checks above can
// fail.
func TestChromiumProbeCatchesFaults(t *testing.T) {
	bin := needTool(t, "chromium", "chromium-browser", "google-chrome")
	page := filepath.Join(t.TempDir(), "bad.html")
	html := `<!DOCTYPE html><html><head><title>x</title></head><body><img src="data:image/png;base64,AAAA" alt="broken"><img src="missing.svg" alt="missing"><script>console.error("boom"); undefinedFunction();</script></body></html>`
	if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	r := chromiumProbe(t, bin, page)
	if r.images != 2 || r.bad != 2 || r.errors < 4 {
		t.Errorf("probe saw images=%d bad=%d errors=%d, want 2, 2, >= 4:\n%s", r.images, r.bad, r.errors, r.messages)
	}
}

// screenshotPath is where a test leaves a screenshot for a person to look
// at: $INSURGO_ARTIFACTS (if set) or the system's temporary directory.
func screenshotPath(name string) string {
	dir := os.Getenv("INSURGO_ARTIFACTS")
	if dir == "" {
		dir = os.TempDir()
	}
	_ = os.MkdirAll(dir, 0o755)
	return filepath.Join(dir, name)
}

// A run's report.html renders in headless Chromium with no error, every
// figure loaded, and shows the run's key numbers: each target's observed
// figure and simulated median, and the coverage.
func TestRunReportInChromium(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "run")
	if code, _, stderr := insurgo(t, context.Background(), "run", "historical", "-replicates", "40", "-seed", "2", "-out", dir, "-no-plots"); code != exitOK {
		t.Fatalf("run: %s", stderr)
	}
	// -no-plots leaves the figures out of report.html; insurgo report draws them.
	page := filepath.Join(dir, "full.html")
	if code, _, stderr := insurgo(t, context.Background(), "report", dir, "-out", page); code != exitOK {
		t.Fatalf("report: %s", stderr)
	}
	dom := renderInChromium(t, page, screenshotPath("insurgo-run-report.png"))
	if !strings.Contains(dom, "include parameter uncertainty") {
		t.Error("the page does not say that its intervals include parameter uncertainty (historical draws from its posterior)")
	}
	s, err := report.ReadSummary(filepath.Join(dir, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	covered, counted := 0, 0
	for _, g := range s.Targets {
		for _, want := range []string{">" + g.Name + "<", ">" + num(g.Observed) + "<", ">" + num(g.P50) + "<", ">" + interval(g.P05, g.P95) + "<"} {
			if !strings.Contains(dom, want) {
				t.Errorf("target %s: page lacks %s", g.Name, want)
			}
		}
		if g.Kind != "check" {
			counted++
			if g.Covered {
				covered++
			}
		}
	}
	if want := strconv.Itoa(covered) + " of " + strconv.Itoa(counted) + " observed figures"; !strings.Contains(dom, want) {
		t.Errorf("page lacks the coverage %q", want)
	}
	for _, want := range []string{"Scenario as run", "start = 2021-09-01", "command line", "insurgo version", "Monthly attacks"} {
		if !strings.Contains(dom, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

// A comparison's report.html renders likewise and shows the effects.
func TestCompareReportInChromium(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cmp")
	if code, _, stderr := insurgo(t, context.Background(), "compare", "historical", "sustained-pressure", "-replicates", "20", "-out", dir); code != exitOK {
		t.Fatalf("compare: %s", stderr)
	}
	dom := renderInChromium(t, filepath.Join(dir, "report.html"), screenshotPath("insurgo-compare-report.png"))
	for _, want := range []string{"Effects against historical", "sustained-pressure", "change of means", "Scenarios as run", "include parameter uncertainty"} {
		if !strings.Contains(dom, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

// A sweep's report.html renders likewise: its inline SVG figures load
// (renderInChromium fails on an image that does not), and the design,
// the analysis and a figure's caption in words are on the page.
func TestSweepReportInChromium(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "grid.sweep")
	for _, args := range [][]string{
		{"sweep", "plan", "../../examples/sweeps/historical-grid.toml", "-out", dir},
		{"sweep", "run", dir, "-workers", "2"},
		{"sweep", "merge", dir},
		{"sweep", "analyze", dir},
	} {
		if code, _, stderr := insurgo(t, ctx, args...); code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
	}
	dom := renderInChromium(t, filepath.Join(dir, "report.html"), screenshotPath("insurgo-sweep-report.png"))
	for _, want := range []string{"Sweep historical-grid", "Design", "0.12 to 0.24", "levels 0.6, 0.8, 1", "Analysis", "attacks.rate across", "colour bar"} {
		if !strings.Contains(dom, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

// settingsFact tells a reader what the intervals include: chance alone at
// a point, parameter uncertainty as well under a posterior, and which
// settings each scenario kept.
func TestSettingsFact(t *testing.T) {
	dir := t.TempDir()
	write := func(s string) {
		if err := os.WriteFile(filepath.Join(dir, "manifest.json"), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		manifest, posterior, want string
	}{
		{`{}`, "", "chance alone"},
		{`{"posterior_point": true}`, "historical", "posterior median of calibration historical"},
		{`{"posterior_fixed": ["posture.choice"]}`, "historical", "parameter uncertainty as well as chance; kept at the scenario's own values: posture.choice"},
		{`{"scenarios": [{"name": "slowdown", "posterior_fixed": ["posture.choice"]}, {"name": "historical"}]}`, "historical", "own values: slowdown: posture.choice"},
	} {
		write(c.manifest)
		if got := settingsFact(dir, c.posterior, "857fd3d98e6b0000").Value; !strings.Contains(got, c.want) {
			t.Errorf("manifest %s, posterior %q: %q lacks %q", c.manifest, c.posterior, got, c.want)
		}
	}
}
