package e2e

import (
	"context"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// actionTimeout bounds each browser action, so that a hung page fails its test.
const actionTimeout = 30 * time.Second

// tab is a browser tab of the shared Chromium that records what went wrong on
// the pages it opens: console errors and uncaught exceptions, requests that
// failed, and requests that left the machine (anything but file:, data:,
// blob:, about: and 127.0.0.1).
type tab struct {
	t    testing.TB
	ctx  context.Context
	last string // the address opened last

	mu       sync.Mutex
	urls     map[network.RequestID]string
	pending  map[network.RequestID]bool // requests not finished yet
	kinds    map[network.RequestID]network.ResourceType
	requests []string // every URL requested since the last open, in order
	console  []string // console errors, exceptions, browser log errors
	failed   []string // requests that failed or answered 4xx/5xx
	outside  []string // requests leaving the machine
}

// newTab opens a tab in the shared browser; it closes with the test.
func newTab(t testing.TB) *tab {
	t.Helper()
	needBrowser(t)
	ctx, cancel := chromedp.NewContext(env.browser)
	t.Cleanup(cancel)
	tb := &tab{t: t, ctx: ctx}
	tb.reset()
	if err := chromedp.Listen(ctx, tb.onEvent); err != nil {
		t.Fatalf("cannot open a tab: %v", err)
	}
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
		if _, err := cdp.Call(ctx, target, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, target, log.Enable, cdp.Empty{}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, target, runtime.Enable, cdp.Empty{})
		return err
	}))
	if err != nil {
		t.Fatalf("cannot enable the tab's network, log and runtime events: %v", err)
	}
	return tb
}

// newTabWithoutScripts opens a tab whose pages run no script, as some
// readers and locked-down browsers have them.
func newTabWithoutScripts(t testing.TB) *tab {
	t.Helper()
	tb := newTab(t)
	err := tb.do(chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// onEvent records the events the tab's checks need; it runs on chromedp's
// reading goroutine, so it only appends under the lock.
func (tb *tab) onEvent(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch e := ev.(type) {
	case *network.EventRequestWillBeSent:
		u := e.Request.URL
		tb.urls[e.RequestID] = u
		// The browser's own fetches (type Other: the favicon) are not the page's
		// resources and may never report their end; their failures still count.
		if e.Type != network.ResourceTypeOther {
			tb.pending[e.RequestID] = true
		}
		tb.kinds[e.RequestID] = e.Type
		tb.requests = append(tb.requests, u)
		if leavesMachine(u) {
			tb.outside = append(tb.outside, u)
		}
	case *network.EventLoadingFinished:
		delete(tb.pending, e.RequestID)
	case *network.EventLoadingFailed:
		if _, ours := tb.urls[e.RequestID]; !ours {
			return // a request of the page before the last open, cancelled by it
		}
		delete(tb.pending, e.RequestID)
		tb.failed = append(tb.failed, fmt.Sprintf("%s: %s %s", tb.urls[e.RequestID], e.ErrorText, e.BlockedReason))
	case *network.EventResponseReceived:
		if _, ours := tb.urls[e.RequestID]; ours && e.Response != nil && e.Response.Status >= 400 {
			tb.failed = append(tb.failed, fmt.Sprintf("%s: HTTP %d", e.Response.URL, e.Response.Status))
		}
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
			tb.console = append(tb.console, "console."+string(e.Type)+": "+argsText(e.Args))
		}
	case *runtime.EventExceptionThrown:
		d := e.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
		tb.console = append(tb.console, fmt.Sprintf("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, msg))
	case *log.EventEntryAdded:
		if e.Entry.Level == log.EntryLevelError {
			tb.console = append(tb.console, fmt.Sprintf("%s error: %s (%s)", e.Entry.Source, e.Entry.Text, e.Entry.URL))
		}
	}
}

func argsText(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		switch {
		case len(a.Value) > 0:
			parts = append(parts, string(a.Value))
		case a.Description != "":
			parts = append(parts, a.Description)
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}

// leavesMachine tells whether a request goes anywhere but this machine.
func leavesMachine(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return true
	}
	switch u.Scheme {
	case "file", "data", "blob", "about", "chrome", "devtools":
		return false
	case "http", "https", "ws", "wss":
		return u.Hostname() != "127.0.0.1"
	}
	return true
}

// reset forgets what the tab recorded.
func (tb *tab) reset() {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	tb.urls = map[network.RequestID]string{}
	tb.pending = map[network.RequestID]bool{}
	tb.kinds = map[network.RequestID]network.ResourceType{}
	tb.requests, tb.console, tb.failed, tb.outside = nil, nil, nil, nil
}

// open loads a page and waits for its load event (deferred scripts have run
// by then), failing the test if it cannot. Opening the page already open with
// another #fragment goes through about:blank, so that it is a real load too.
// What was recorded before is forgotten.
func (tb *tab) open(rawURL string) {
	tb.t.Helper()
	if err := tb.tryOpen(rawURL); err != nil {
		tb.t.Fatal(err)
	}
}

// tryOpen is open returning the error, for loops over many pages.
func (tb *tab) tryOpen(rawURL string) error {
	if withoutFragment(rawURL) == withoutFragment(tb.last) {
		if err := tb.do(chromedp.Navigate("about:blank")); err != nil {
			return fmt.Errorf("about:blank: %v", err)
		}
	}
	tb.last = rawURL
	tb.reset()
	if err := tb.do(chromedp.Navigate(rawURL)); err != nil {
		return fmt.Errorf("open %s: %v", rawURL, err)
	}
	return nil
}

func withoutFragment(u string) string {
	base, _, _ := strings.Cut(u, "#")
	return base
}

// do runs actions on the tab with a timeout.
func (tb *tab) do(actions ...chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	return chromedp.Do(ctx, actions...)
}

// eval evaluates a JavaScript expression in the page and decodes its value
// into T; promises are awaited.
func eval[T any](tb *tab, expr string) T {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("evaluate %.80s: %v", expr, err)
	}
	return v
}

// tryEval is eval returning the error, for pages that may be navigating away.
func tryEval[T any](tb *tab, expr string) (T, error) {
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

// waitFor evaluates a boolean expression until it is true, failing the test
// with what after timeout.
func (tb *tab) waitFor(expr, what string, timeout time.Duration) {
	tb.t.Helper()
	for deadline := time.Now().Add(timeout); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if ok, err := tryEval[bool](tb, expr); err == nil && ok {
			return
		}
	}
	tb.t.Fatalf("%s: not within %v", what, timeout)
}

// press types keys on the page the way a keyboard does (see chromedp/kb for
// special keys): for each key a keyDown carrying its text, then a keyUp, as
// Puppeteer does. (chromedp.KeyEvent sends the text as a separate "char"
// event, which a page's keydown handler cannot cancel, unlike a real key.)
func (tb *tab) press(keys string) {
	tb.t.Helper()
	for _, r := range keys {
		events := kb.Encode(r)
		down, up := *events[0], *events[len(events)-1]
		if len(events) == 3 { // down, char, up: the text goes with the keyDown
			down.Text, down.UnmodifiedText = events[1].Text, events[1].UnmodifiedText
		} else {
			down.Type = input.DispatchKeyEventTypeRawKeyDown
		}
		err := tb.do(chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
			if _, err := cdp.Call(ctx, target, input.DispatchKeyEvent, down); err != nil {
				return err
			}
			_, err := cdp.Call(ctx, target, input.DispatchKeyEvent, up)
			return err
		}))
		if err != nil {
			tb.t.Fatalf("press %q: %v", r, err)
		}
	}
}

// settle waits until no request has been pending for quietFor, for the work
// pages do after their load event (images failing, scripts fetching). After
// settleTimeout, the requests still pending become problems of the page.
func (tb *tab) settle() {
	tb.t.Helper()
	const quietFor, step, settleTimeout = 100 * time.Millisecond, 25 * time.Millisecond, 10 * time.Second
	quiet := time.Duration(0)
	for deadline := time.Now().Add(settleTimeout); time.Now().Before(deadline); time.Sleep(step) {
		tb.mu.Lock()
		busy := len(tb.pending) > 0
		tb.mu.Unlock()
		if busy {
			quiet = 0
			continue
		}
		if quiet += step; quiet >= quietFor {
			return
		}
	}
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for id := range tb.pending {
		tb.failed = append(tb.failed, fmt.Sprintf("%s: not finished after %v (%s)", tb.urls[id], settleTimeout, tb.kinds[id]))
	}
}

// problems lists, sorted, what went wrong since the last open: console
// errors, failed requests and requests that left the machine.
func (tb *tab) problems() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	var ps []string
	for _, c := range tb.console {
		ps = append(ps, "console: "+c)
	}
	for _, f := range tb.failed {
		ps = append(ps, "failed request: "+f)
	}
	for _, o := range tb.outside {
		ps = append(ps, "request leaving the machine: "+o)
	}
	sort.Strings(ps)
	return ps
}

// requested returns every URL requested since the last open.
func (tb *tab) requested() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append([]string(nil), tb.requests...)
}
