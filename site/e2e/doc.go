// Package e2e holds the end-to-end tests of the site: they build the seed
// factsheet once, then check the output as people meet it, in Debian's
// headless Chromium driven with chromedp, from file:// and over HTTP under a
// sub-path (/repo/, as GitHub Pages serves a project site), and with the
// pinned npm tools (axe-core, html-validate).
//
// The package has no code outside its tests. The harness (harness_test.go,
// tab_test.go) gives every test of the package:
//
//   - siteDir(t), siteFiles(t), htmlPages(t): the built seed site (minified,
//     as `factsheet build` makes it), its files, its HTML pages;
//   - builtFile(t, name), copyAlone(t, base, b): one built file (the test fails
//     without it), and a copy of it alone in an empty folder;
//   - fileURL(rel), httpURL(rel): the address of a built file from file://
//     and over HTTP under /repo/;
//   - buildSite, listen, serve: build other content (or with a base URL) and
//     serve it the way GitHub Pages does (404.html for a missing address);
//   - newTab(t): a tab of the shared browser that records console errors,
//     uncaught exceptions, failed requests and requests leaving the machine;
//     (*tab).open / tryOpen, settle, problems, requested, press (keys as a
//     keyboard sends them), waitFor, and eval[T] / tryEval[T];
//   - needBrowser(t), nodeTool(t, path): what a test needs from the machine.
//
// Chromium runs once for the whole package, so every browser test lives here.
// When /usr/bin/chromium (or $FACTSHEET_CHROMIUM) or node_modules is missing,
// the tests that need it fail if CI=true and skip, saying why, otherwise.
package e2e
