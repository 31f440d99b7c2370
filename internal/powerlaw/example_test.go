package powerlaw_test

import (
	"bufio"
	"fmt"
	"log"
	"math"
	"os"
	"strconv"

	"github.com/insurgo/insurgo/internal/powerlaw"
)

// Fit the severity of 9,101 terrorist attacks (deaths per attack), the data
// set of Clauset, Shalizi & Newman (2009), who report α = 2.4 ± 0.2,
// x_min = 12 ± 4 and 547 events in the tail.
func ExampleFitDiscrete() {
	f, err := os.Open("testdata/terrorism-severity.txt")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	var deaths []int64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		v, err := strconv.ParseInt(sc.Text(), 10, 64)
		if err != nil {
			log.Fatal(err)
		}
		deaths = append(deaths, v)
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}

	fit, err := powerlaw.FitDiscrete(deaths)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("alpha = %.2f ± %.2f, x_min = %d, tail %d of %d, KS = %.4f\n",
		fit.Alpha, fit.StdErr, fit.XMin, fit.NTail, fit.N, fit.KS)
	big := 0
	for _, d := range deaths {
		if d >= 100 {
			big++
		}
	}
	fmt.Printf("P(deaths ≥ 100 | deaths ≥ x_min): fitted %.4f, observed %.4f\n",
		fit.CCDF(100), float64(big)/float64(fit.NTail))
	// Output:
	// alpha = 2.37 ± 0.06, x_min = 12, tail 547 of 9101, KS = 0.0177
	// P(deaths ≥ 100 | deaths ≥ x_min): fitted 0.0521, observed 0.0530
}

// Fit a histogram of exact value counts, as sim.Histogram.Values returns it,
// without expanding it into its 2.7 million observations. The counts follow
// x^-2.5 (rounded, so they end near x = 440) above half a million zeros,
// which count in N but never in the tail.
func ExampleFitHistogram() {
	values := []float64{0}
	counts := []int64{500_000}
	for x := 1.0; x <= 2000; x++ {
		if c := int64(math.Round(2e6 * math.Pow(x, -2.5))); c > 0 {
			values = append(values, x)
			counts = append(counts, c)
		}
	}
	fit, err := powerlaw.FitHistogram(values, counts)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("alpha = %.2f, x_min = %d, tail %d of %d\n", fit.Alpha, fit.XMin, fit.NTail, fit.N)
	// Output:
	// alpha = 2.50, x_min = 1, tail 2682854 of 3182854
}
