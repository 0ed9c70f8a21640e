// Command shots screenshots pages of a built site with headless Chromium, at
// 1280 and 360 px wide, in the light and dark colour schemes, to look at them:
//
//	go run ./scripts/shots -site public -out /tmp/shots index.html reports/x/index.html
//
// It writes <out>/<page with / as _>-<width>-<scheme>.png, whole pages.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

func main() {
	siteDir := flag.String("site", "public", "the built site")
	out := flag.String("out", "shots", "where the PNG files go")
	flag.IntVar(&scrollY, "y", -1, "shoot one 800 px high screen scrolled to this offset instead of the whole page")
	flag.Parse()
	if err := run(*siteDir, *out, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "shots:", err)
		os.Exit(1)
	}
}

// scrollY is the -y flag: -1 for whole pages.
var scrollY int

func run(siteDir, out string, pages []string) error {
	abs, err := filepath.Abs(siteDir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath("/usr/bin/chromium"), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.NoFirstRun)
	alloc, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	for _, p := range pages {
		for _, w := range []int64{1280, 360} {
			for _, scheme := range []string{"light", "dark"} {
				emulate := chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
					if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
						Width: w, Height: 800, DeviceScaleFactor: 1, Mobile: w < 500,
					}); err != nil {
						return err
					}
					_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
						Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
					})
					return err
				})
				err := chromedp.Do(ctx, emulate, chromedp.Navigate("file://"+filepath.Join(abs, p)), chromedp.Sleep(300*time.Millisecond))
				if err != nil {
					return fmt.Errorf("%s: %w", p, err)
				}
				shot := chromedp.FullScreenshot(100)
				if scrollY >= 0 {
					if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](fmt.Sprintf("window.scrollTo(0, %d)", scrollY))); err != nil {
						return err
					}
					shot = chromedp.CaptureScreenshot()
				}
				png, err := chromedp.Run(ctx, shot)
				if err != nil {
					return fmt.Errorf("%s: %w", p, err)
				}
				name := strings.NewReplacer("/", "_", "?", "_", "=", "_", "&", "_").Replace(p)
				file := filepath.Join(out, fmt.Sprintf("%s-%d-%s.png", name, w, scheme))
				if err := os.WriteFile(file, png, 0o644); err != nil {
					return err
				}
				fmt.Println(file)
			}
		}
	}
	return nil
}
