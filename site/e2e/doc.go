// Package e2e holds the end-to-end tests of the site: they build the seed
// factsheet once, then check the output as people meet it, in Debian's
// headless Chromium driven with chromedp, from file:// and over HTTP under a
// sub-path (/repo/, as GitHub Pages serves a project site), and with the
// pinned npm tools (axe-core, html-validate).
//
// The package has no code outside its tests. The harness (harness_test.go)
// gives every test of the package:
//
//   - siteDir(t): the folder of the built seed site; siteFiles(t) its files;
//   - newTab(t): a browser tab that records console errors, uncaught
//     exceptions, failed requests and requests leaving the machine;
//   - fileURL(rel) and httpURL(rel): the address of a built file from file://
//     and over HTTP under /repo/;
//   - (*tab).open(url), (*tab).eval, (*tab).problems().
//
// Chromium runs once for the whole package, so every browser test lives here.
// When /usr/bin/chromium (or $FACTSHEET_CHROMIUM) is missing, browser tests
// fail if CI=true and skip otherwise; the same holds for node_modules.
package e2e
