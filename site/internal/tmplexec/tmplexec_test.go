package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"text/template"
	"text/template/parse"
)

type kind string

type item struct {
	Name   string
	Kind   kind
	N      int
	Tags   []string
	Next   *item
	Any    any
	HTML   fmt.Stringer
	flag   bool
	Items  []item
	Map    map[string]int
	Nested [][]string
}

func (i item) Upper() string                        { return strings.ToUpper(i.Name) }
func (i *item) Greet(who string) string             { return i.Name + " greets " + who }
func (i item) Fail() (string, error)                { return "", errors.New("method failed") }
func (i item) Pair(a, b int) int                    { return a*10 + b }
func (i item) Join(sep string, xs ...string) string { return strings.Join(xs, sep) }

type stringer struct{ s string }

func (s stringer) String() string { return "<" + s.s + ">" }

// testFuncs are functions of the shapes the site's templates use.
var testFuncs = template.FuncMap{
	"upper": strings.ToUpper,
	"join":  strings.Join,
	"wrap":  func(v any) string { return fmt.Sprintf("[%v]", v) },
	"t": func(key string, args ...any) (string, error) {
		if key == "missing" {
			return "", errors.New("no message")
		}
		return fmt.Sprint(append([]any{key}, args...)...), nil
	},
	"pair":  func(a, b string) string { return a + "+" + b },
	"count": func(n int, key string) string { return fmt.Sprint(n, " ", key) },
	"esc1":  func(args ...any) string { return "e1(" + fmt.Sprint(args...) + ")" },
	"esc2":  func(args ...any) string { return "e2(" + fmt.Sprint(args...) + ")" },
}

// testFused fuses esc1 | esc2 as a function of one value.
var testFused = []Fused{{Names: []string{"esc1", "esc2"}, Func: func(v any) string { return "e2(e1(" + fmt.Sprint(v) + "))" }}}

func testData() (any, *item) {
	next := &item{Name: "second", N: 2, Kind: "invite"}
	return map[string]any{"dummy": 1}["x"], &item{
		Name: "first", Kind: "require", N: 3, Tags: []string{"a", "b&c", ""}, Next: next,
		Any: "inside", HTML: stringer{"s"},
		Items: []item{{Name: "x", N: 0}, {Name: "y", N: 5, Tags: []string{"t"}}, {Name: "z", Kind: "request"}},
		Map:   map[string]int{"a": 1}, Nested: [][]string{{"p"}, {"q", "r"}},
	}
}

// cases are templates run both ways on data.
var cases = []string{
	`plain text`,
	`{{.Name}} {{.N}} {{.Kind}} {{.Next.Name}} {{.Next.Next}}`,
	`{{.Tags}} {{.Any}} {{.HTML}} {{.Next}}`,
	`{{if .N}}yes{{else}}no{{end}} {{if .Next.Next}}yes{{else if .Tags}}tags{{else}}no{{end}}`,
	`{{with .Next}}{{.Name}} {{$.Name}}{{end}}{{with .Next.Next}}x{{else}}none{{end}}`,
	`{{range .Tags}}<{{.}}>{{else}}empty{{end}}`,
	`{{range $i, $t := .Tags}}{{if $i}}, {{end}}{{$i}}={{$t}}{{end}}`,
	`{{range $t := .Items}}{{$t.Name}}:{{$t.Upper}}:{{.Greet "you"}};{{end}}`,
	`{{range .Items}}{{if eq .Name "y"}}{{break}}{{end}}{{.Name}}{{end}}`,
	`{{range .Items}}{{if eq .Name "y"}}{{continue}}{{end}}{{.Name}}{{end}}`,
	`{{range .Next.Tags}}x{{else}}no tags{{end}}`,
	`{{$x := .Name}}{{$x}}{{with .Next}}{{$x = .Name}}{{$x}}{{end}}{{$x}}`,
	`{{.Upper}} {{.Greet "me"}} {{.Pair 1 2}} {{.Join "-" "a" "b"}} {{.Join ","}}`,
	`{{upper .Name}} {{.Name | upper}} {{join .Tags "/"}} {{pair "a" .Name}} {{.Name | pair "x"}}`,
	`{{wrap .Name}} {{.N | wrap}} {{.Next.Next | wrap}} {{wrap .Any}} {{wrap .HTML}}`,
	`{{t "key"}} {{t "key" .Name 3}} {{t "key" .Tags}} {{count 2 "things"}} {{count .N "x"}}`,
	`{{.Name | esc1 | esc2}} {{.N | esc1 | esc2}} {{.Name | esc1}} {{esc1 .Name | esc2}}`,
	`{{and .N .Name}} {{and .N .Next.Next}} {{or .Next.Next .Name}} {{or 0 ""}} {{not .N}} {{not .Next.Next}}`,
	`{{if and .Tags (not .Next.Next)}}a{{end}}{{if or (eq .Kind "invite") (eq .Kind "require")}}b{{end}}`,
	`{{eq .Kind "require"}} {{eq .N 3}} {{eq .N 1 2 3}} {{ne .Name "first"}} {{lt .N 4}} {{le .N 3}} {{gt .N 3}} {{ge .N 3}} {{gt (len .Tags) 1}}`,
	`{{len .Tags}} {{len .Name}} {{index .Tags 1}} {{index .Items 1 | printf "%v"}}`,
	`{{print .Name .N}} {{print .Next.Next}} {{print}} {{print "a" "b" 1 2}}`,
	`{{template "sub" .Next}}|{{template "sub" .}}|{{template "sub"}}`,
	`{{define "rec"}}{{.Name}}{{with .Next}}>{{template "rec" .}}{{end}}{{end}}{{template "rec" .}}`,
	`{{"quoted"}} {{1}} {{1.5}} {{true}} {{.}}`,
	`{{(.Next).Name}} {{(print "a")}} {{$}} {{(index .Items 1).Name}} {{(index .Items 2).Upper}}`,
	`{{with $n := .Next}}{{$n.Name}}{{end}}`,
	`{{range .Items}}{{.Name}}{{range .Tags}}({{.}}){{end}}{{end}}`,
	`{{range .Items}}{{with .Tags}}{{index . 0}}{{end}}{{end}}`,
	`{{index .Items 1}} {{(index .Items 1).Greet "x"}} {{index .Name 0}} {{index .Map "a"}} {{index .Map "zz"}} {{index .Nested 1 0}}`,
	// errors: both must fail
	`{{.Missing}}`,
	`{{.Fail}}`,
	`{{t "missing"}}`,
	`{{.Next.Next.Name}}`,
	`{{template "nowhere"}}`,
	`{{index .Tags 9}}`,
	`{{lt .Name 3}}`,
	`{{.Name 3}}`,
	`{{range .Next}}x{{end}}`,
	`{{.flag}}`,
}

func TestAsTextTemplate(t *testing.T) {
	_, data := testData()
	for _, src := range cases {
		set := template.Must(template.New("page").Funcs(testFuncs).Parse(src))
		template.Must(set.New("sub").Parse(`[{{.}}{{with .}}{{.Name}}{{end}}]`))
		var want bytes.Buffer
		wantErr := set.ExecuteTemplate(&want, "page", data)
		lookup := func(name string) *parse.Tree {
			if tm := set.Lookup(name); tm != nil {
				return tm.Tree
			}
			return nil
		}
		p, err := Compile(lookup, "page", testFuncs, testFused)
		if err != nil {
			if wantErr == nil && !errors.Is(err, ErrUnsupported) {
				t.Errorf("%s: compile: %v", src, err)
			}
			if wantErr == nil {
				t.Logf("%s: left to text/template: %v", src, err)
			}
			continue
		}
		var got bytes.Buffer
		gotErr := p.Execute(&got, data)
		switch {
		case wantErr != nil && gotErr == nil:
			t.Errorf("%s: text/template fails (%v), tmplexec wrote %q", src, wantErr, got.String())
		case wantErr == nil && gotErr != nil:
			t.Errorf("%s: tmplexec fails: %v; text/template wrote %q", src, gotErr, want.String())
		case wantErr == nil && got.String() != want.String():
			t.Errorf("%s:\n got %q\nwant %q", src, got.String(), want.String())
		}
	}
}

func TestCompileRejectsUnknownFunction(t *testing.T) {
	set := template.Must(template.New("page").Funcs(template.FuncMap{"f": strings.ToUpper}).Parse(`{{f .}}`))
	_, err := Compile(func(string) *parse.Tree { return set.Tree }, "page", nil, nil)
	if !errors.Is(err, ErrUnsupported) {
		t.Errorf("a function not given compiles: %v", err)
	}
}

func TestRangeOverMapIsLeftToTextTemplate(t *testing.T) {
	set := template.Must(template.New("page").Parse(`{{range .}}{{.}}{{end}}`))
	p, err := Compile(func(string) *parse.Tree { return set.Tree }, "page", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Execute(new(bytes.Buffer), map[string]int{"a": 1}); !errors.Is(err, ErrUnsupported) {
		t.Errorf("range over a map: %v, want ErrUnsupported", err)
	}
}

// TestConcurrentExecute runs one program from several goroutines on
// different data, as the site renders its pages: each output must be
// text/template's (and `go test -race`, run by make test, must find no race).
func TestConcurrentExecute(t *testing.T) {
	src := `{{define "sub"}}[{{.Name}}{{with .Next}}>{{template "sub" .}}{{end}}]{{end}}` +
		`{{range $i, $x := .Items}}{{if $i}},{{end}}{{template "sub" $x}}{{$x.Upper}}{{else}}none{{end}}{{.Name | esc1 | esc2}}{{t "k" .N}}`
	set := template.Must(template.New("page").Funcs(testFuncs).Parse(src))
	p, err := Compile(func(name string) *parse.Tree {
		if tm := set.Lookup(name); tm != nil {
			return tm.Tree
		}
		return nil
	}, "page", testFuncs, testFused)
	if err != nil {
		t.Fatal(err)
	}
	_, base := testData()
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		go func() {
			for i := 0; i < 50; i++ {
				data := *base
				data.Name = fmt.Sprint("item", g, "-", i)
				data.N = i
				if i%3 == 0 {
					data.Items = nil
				}
				var want, got bytes.Buffer
				if err := set.ExecuteTemplate(&want, "page", &data); err != nil {
					errs <- err
					return
				}
				if err := p.Execute(&got, &data); err != nil {
					errs <- err
					return
				}
				if got.String() != want.String() {
					errs <- fmt.Errorf("got %q, want %q", got.String(), want.String())
					return
				}
			}
			errs <- nil
		}()
	}
	for g := 0; g < 8; g++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
