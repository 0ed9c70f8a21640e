package e2e

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	defaults "factsheet"
	"factsheet/site"
	"factsheet/site/output"
)

// subPath is where the HTTP server serves the built site, as GitHub Pages
// serves a project site under /<repository>/.
const subPath = "/repo/"

// env is what TestMain prepares once for every test of the package.
var env struct {
	root     string       // the repository root (holds go.mod, node_modules)
	tmp      string       // removed after the tests
	public   string       // the built seed site
	files    output.Files // its files, as the build returned them
	buildErr error        // why the seed site could not be built, if it could not

	httpBase string // "http://127.0.0.1:PORT/repo/"

	browser    context.Context // the chromedp browser context; nil without a browser
	browserErr error           // why there is no browser
}

func TestMain(m *testing.M) {
	code, err := run(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		code = 1
	}
	os.Exit(code)
}

func run(m *testing.M) (int, error) {
	var err error
	if env.root, err = repoRoot(); err != nil {
		return 1, err
	}
	if env.tmp, err = os.MkdirTemp("", "factsheet-e2e-"); err != nil {
		return 1, err
	}
	defer os.RemoveAll(env.tmp)

	env.public = filepath.Join(env.tmp, "public")
	env.files, env.buildErr = buildSite(defaults.Content, "content", env.public, "")

	ln, err := listen()
	if err != nil {
		return 1, err
	}
	env.httpBase = baseOf(ln)
	srv := serve(ln, env.public)
	defer srv.Close()

	stop := startBrowser()
	defer stop()
	return m.Run(), nil
}

// buildSite builds a content folder, shown in problems as dir, into out,
// minified as `factsheet build` does by default, with an optional base URL.
func buildSite(content fs.FS, dir, out, baseURL string) (output.Files, error) {
	cfg := site.Config{
		Content:    content,
		ContentDir: dir,
		Templates:  defaults.Templates,
		Assets:     defaults.Assets,
		Out:        out,
		Minify:     true,
		BaseURL:    baseURL,
	}
	res, err := site.Build(cfg)
	if err != nil {
		msg := err.Error()
		if res != nil && len(res.Problems) > 0 {
			msg += "\n" + res.Problems.Error()
		}
		return nil, errors.New(msg)
	}
	if len(res.Docs) == 0 {
		return nil, fmt.Errorf("the build made no factsheet")
	}
	return res.Files, nil
}

// siteDir returns the folder of the built seed site, failing the test when the build failed.
func siteDir(t testing.TB) string {
	t.Helper()
	if env.buildErr != nil {
		t.Fatalf("the seed site did not build: %v", env.buildErr)
	}
	return env.public
}

// siteFiles returns the files of the built seed site.
func siteFiles(t testing.TB) output.Files {
	t.Helper()
	siteDir(t)
	return env.files
}

// builtFile returns a file of the built site, failing the test if it is missing.
func builtFile(t testing.TB, name string) []byte {
	t.Helper()
	b, ok := siteFiles(t)[name]
	if !ok {
		t.Fatalf("the built site has no %s", name)
	}
	return b
}

// copyAlone writes a file into an empty folder, as someone who downloaded it
// alone would have it, and returns its path.
func copyAlone(t testing.TB, base string, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), base)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// htmlPages returns the paths of every HTML page of the seed site, sorted.
func htmlPages(t testing.TB) []string {
	t.Helper()
	var pages []string
	for _, p := range siteFiles(t).Paths() {
		if strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
	}
	if len(pages) == 0 {
		t.Fatal("the seed site has no HTML page")
	}
	return pages
}

// fileURL is the file:// address of a path of the built seed site ("lithuania/index.html#x").
func fileURL(rel string) string {
	return "file://" + filepath.ToSlash(env.public) + "/" + rel
}

// httpURL is the address of a path of the built seed site over HTTP, under the sub-path.
func httpURL(rel string) string {
	return env.httpBase + rel
}

// repoRoot finds the folder holding go.mod, above the test's working folder.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("go.mod not found above the working folder")
		}
		dir = parent
	}
}

// listen opens a port on 127.0.0.1 for serve.
func listen() (net.Listener, error) { return net.Listen("tcp", "127.0.0.1:0") }

// baseOf is the address of the site served on ln: "http://127.0.0.1:PORT/repo/".
func baseOf(ln net.Listener) string { return "http://" + ln.Addr().String() + subPath }

// serve serves dir on ln under subPath the way GitHub Pages does: a folder
// gives its index.html, a missing file gives 404.html with status 404,
// nothing is served outside the sub-path.
func serve(ln net.Listener, dir string) *http.Server {
	srv := &http.Server{Handler: pagesHandler(dir), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	return srv
}

func pagesHandler(dir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rel, ok := strings.CutPrefix(r.URL.Path, subPath)
		if !ok {
			http.NotFound(w, r)
			return
		}
		name := filepath.Join(dir, filepath.FromSlash(path.Clean("/"+rel)))
		if st, err := os.Stat(name); err == nil && st.IsDir() {
			name = filepath.Join(name, "index.html")
		}
		f, err := os.Open(name)
		if err != nil {
			notFound(w, dir)
			return
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil || st.IsDir() {
			notFound(w, dir)
			return
		}
		http.ServeContent(w, r, name, time.Time{}, f)
	})
}

func notFound(w http.ResponseWriter, dir string) {
	page, err := os.ReadFile(filepath.Join(dir, "404.html"))
	if err != nil {
		page = []byte("404 page not found")
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	w.Write(page)
}

// chromiumPath is Debian's Chromium, or $FACTSHEET_CHROMIUM.
func chromiumPath() string {
	if p := os.Getenv("FACTSHEET_CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// startBrowser starts headless Chromium once; it returns the function that stops it.
func startBrowser() (stop func()) {
	exe := chromiumPath()
	if _, err := os.Stat(exe); err != nil {
		env.browserErr = fmt.Errorf("no Chromium at %s (install Debian's chromium, or set FACTSHEET_CHROMIUM)", exe)
		return func() {}
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.NoFirstRun,
		chromedp.UserDataDir(filepath.Join(env.tmp, "chromium-profile")),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browser, cancelBrowser := chromedp.NewContext(allocCtx)
	if err := chromedp.Do(browser); err != nil { // starts the browser and its first tab
		cancelBrowser()
		cancelAlloc()
		env.browserErr = fmt.Errorf("cannot start %s: %v", exe, err)
		return func() {}
	}
	env.browser = browser
	return func() { cancelBrowser(); cancelAlloc() }
}

// inCI tells whether the tests run in continuous integration, where missing
// tools are failures rather than reasons to skip.
func inCI() bool { return os.Getenv("CI") == "true" }

// needBrowser fails the test without a browser in CI, and skips it otherwise.
func needBrowser(t testing.TB) {
	t.Helper()
	if env.browser != nil {
		return
	}
	if inCI() {
		t.Fatalf("browser test with CI=true: %v", env.browserErr)
	}
	t.Skipf("SKIP browser test: %v (with CI=true this fails)", env.browserErr)
}

// nodeTool returns the path of a file under node_modules, failing in CI and
// skipping otherwise when `npm ci` has not installed it.
func nodeTool(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(env.root, "node_modules", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		if inCI() {
			t.Fatalf("%s is missing: run `npm ci` at the repository root", p)
		}
		t.Skipf("SKIP: %s is missing: run `npm ci` at the repository root (with CI=true this fails)", p)
	}
	return p
}
