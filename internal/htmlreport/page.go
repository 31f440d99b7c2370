package htmlreport

// pageHTML is the document template: no script, no external resource,
// styles for screen and for print (A4, figures and tables kept whole).
const pageHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="insurgo">
<title>{{.Title}}</title>
<style>
:root { --ink: #1b1b1b; --muted: #5a5a5a; --rule: #d0d0d0; --flag: #fff1e0; --accent: #0072b2; }
* { box-sizing: border-box; }
body { font-family: "Liberation Sans", Arimo, Arial, Helvetica, sans-serif; color: var(--ink); margin: 0 auto; max-width: 62rem; padding: 1.5rem 2rem 3rem; line-height: 1.45; font-size: 15px; }
h1 { font-size: 1.7rem; margin: 0 0 .2rem; }
.subtitle { color: var(--muted); margin: 0 0 1rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid var(--accent); padding-bottom: .2rem; margin-top: 2.2rem; }
nav ol { columns: 2; margin: .3rem 0 0; padding-left: 1.3rem; }
nav a, a { color: var(--accent); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .6rem 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; margin: .8rem 0 .3rem; font-size: .88rem; width: auto; max-width: 100%; }
caption { text-align: left; font-weight: bold; padding-bottom: .3rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .25rem .6rem; vertical-align: top; text-align: left; }
th { border-bottom: 2px solid var(--ink); }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.flag td { background: var(--flag); }
.note { color: var(--muted); font-size: .85rem; margin: .2rem 0 1rem; }
figure { margin: 1.2rem 0; }
figure img { width: 100%; height: auto; border: 1px solid var(--rule); }
figcaption { color: var(--muted); font-size: .85rem; }
pre { background: #f6f6f6; border: 1px solid var(--rule); padding: .6rem; font-size: .78rem; overflow-x: auto; white-space: pre-wrap; }
footer { margin-top: 2.5rem; border-top: 1px solid var(--rule); padding-top: .6rem; font-size: .85rem; }
@media print {
  @page { size: A4; margin: 15mm; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav { display: none; }
  h2 { break-after: avoid; }
  figure, table, dl.facts { break-inside: avoid; }
  pre { white-space: pre-wrap; font-size: 7.5pt; }
  a { color: inherit; text-decoration: none; }
}
</style>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
{{with .Subtitle}}<p class="subtitle">{{.}}</p>{{end}}
</header>
{{if gt (len .Sections) 1}}<nav><strong>Contents</strong><ol>{{range .Sections}}<li><a href="#{{id .}}">{{.Title}}</a></li>{{end}}</ol></nav>{{end}}
<main>
{{range .Sections}}<section id="{{id .}}">
<h2>{{.Title}}</h2>
{{range .Text}}<p>{{.}}</p>
{{end}}{{with .Facts}}<dl class="facts">{{range .}}<dt>{{.Key}}</dt><dd>{{.Value}}</dd>{{end}}</dl>
{{end}}{{range $t := .Tables}}<table>{{with $t.Caption}}<caption>{{.}}</caption>{{end}}
<thead><tr>{{range $t.Header}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>{{range $i, $row := $t.Rows}}<tr{{if flagged $t $i}} class="flag"{{end}}>{{range $row}}<td{{if num .}} class="n"{{end}}>{{.}}</td>{{end}}</tr>
{{end}}</tbody></table>
{{with $t.Note}}<p class="note">{{.}}</p>{{end}}
{{end}}{{range .Figures}}<figure><img src="{{src .}}" alt="{{.Caption}}">{{with .Caption}}<figcaption>{{.}}</figcaption>{{end}}</figure>
{{end}}{{range .Code}}{{with .Caption}}<p class="note">{{.}}</p>{{end}}<pre>{{.Text}}</pre>
{{end}}</section>
{{end}}</main>
{{with .Provenance}}<footer><dl class="facts">{{range .}}<dt>{{.Key}}</dt><dd>{{.Value}}</dd>{{end}}</dl></footer>{{end}}
</body>
</html>
`
