package site

import (
	"fmt"
	"slices"
	"sort"
	"sync"

	"factsheet/site/bundle"
	"factsheet/site/factsheet"
	"factsheet/site/output"
	"factsheet/site/search"
	"factsheet/site/urls"
)

// prepareAssets renders (copies) the shared assets and minifies them, once,
// and sends them to the sink unless they were linked from the previous
// output; every factsheet's bundle reads them.
func (b *builder) prepareAssets() error {
	b.assetsOnce.Do(func() {
		r, err := b.renderer()
		if err == nil {
			err = b.timed("render", func() error {
				var err error
				b.assets, err = r.Assets()
				return err
			})
		}
		if err != nil {
			b.assetsErr = fmt.Errorf("render: %w", err)
		} else if b.assetsErr = b.minify(b.assets); b.assetsErr == nil && !b.assetsReused {
			b.assetsErr = b.put(assetsPart, b.deps, b.assets)
		}
	})
	return b.assetsErr
}

// factsheet runs one factsheet through its stages: render beside index,
// minify, bundle (single-file edition, offline zip, download sizes), and
// sends its files to the sink. It calls plan with the paths of its files as
// soon as they are known (after render, before minify and bundle).
func (b *builder) factsheet(i int, plan func(paths []string)) error {
	doc, key := b.res.Docs[i], b.keys[i]
	part := factsheetPart(doc.Meta.Slug)
	if paths, ok := b.reuse(part, key); ok {
		b.mu.Lock()
		b.res.Reused++
		b.mu.Unlock()
		if !b.siteReused {
			b.parts[i] = search.NewPart(doc)
		}
		plan(paths)
		return nil
	}
	if files, ok := b.cfg.Cache.files(doc, key); ok {
		b.parts[i] = search.NewPart(doc)
		plan(files.Paths())
		return b.put(part, key, files)
	}
	r, err := b.renderer()
	if err != nil {
		return err
	}
	var index []byte
	files, err := b.renderBesideIndex(func() (output.Files, error) { return r.Factsheet(doc) }, func() error {
		var err error
		index, b.parts[i], err = search.Factsheet(doc)
		return err
	})
	if err != nil {
		return err
	}
	files[search.IndexFile(doc.Meta.Slug)] = index
	// minify keeps the paths; Offline adds the zip: the site-wide pages can
	// start now, beside this factsheet's minify and bundle
	plan(append(files.Paths(), urls.Factsheet(doc.Meta.Slug).OfflineZip()))
	if err := b.minify(files); err != nil {
		return err
	}
	// the bundle inlines and zips the assets
	if err := b.prepareAssets(); err != nil {
		return err
	}
	for p, f := range b.assets {
		files[p] = f
	}
	if err := b.timed("bundle", func() error { return bundle.Offline(files, []*factsheet.Document{doc}) }); err != nil {
		return fmt.Errorf("bundle: %w", err)
	}
	for p := range b.assets {
		delete(files, p)
	}
	b.cfg.Cache.keep(doc, key, files)
	return b.put(part, key, files)
}

// shared builds the site-wide files and sends them to the sink: first those
// made from the summaries alone (report pages, root index), beside the
// factsheets; then, once every factsheet knows the paths of its files, those
// that need them or the factsheets' search parts (404, the series' search
// index, sitemap).
func (b *builder) shared() error {
	if b.siteReused {
		return nil
	}
	r, err := b.renderer()
	if err != nil {
		return err
	}
	var early output.Files
	if err := b.timed("render", func() error {
		var err error
		early, err = r.SummaryPages()
		return err
	}); err != nil {
		return fmt.Errorf("render: %w", err)
	}
	if err := b.minify(early); err != nil {
		return err
	}
	if err := b.send(early); err != nil {
		return err
	}
	b.planned.Wait()
	b.mu.Lock()
	built := uniqueSorted(append(append([]string(nil), b.paths...), b.plannedPaths...))
	b.mu.Unlock()
	var index []byte // the series index needs only the search parts: made beside the 404 page
	files, err := b.renderBesideIndex(func() (output.Files, error) { return r.NotFound(built) }, func() error {
		var err error
		index, err = search.SeriesScript(b.parts)
		return err
	})
	if err != nil {
		return err
	}
	files[search.SeriesFile] = index
	files.Merge(r.Sitemap(uniqueSorted(append(built, files.Paths()...))))
	if err := b.minify(files); err != nil {
		return err
	}
	if err := b.send(files); err != nil {
		return err
	}
	b.record(sitePart, b.siteKey, append(early.Paths(), files.Paths()...))
	return nil
}

// minify minifies files in place when the build minifies.
func (b *builder) minify(files output.Files) error {
	if !b.cfg.Minify {
		return nil
	}
	return b.timed("minify", func() error {
		saved, err := bundle.Minify(files)
		b.mu.Lock()
		b.res.BytesSaved += saved
		b.mu.Unlock()
		if err != nil {
			return fmt.Errorf("minify: %w", err)
		}
		return nil
	})
}

// put sends the files of a part of the site, built under key, to the sink,
// and records their paths.
func (b *builder) put(part string, key output.Key, files output.Files) error {
	if err := b.send(files); err != nil {
		return err
	}
	b.record(part, key, files.Paths())
	return nil
}

// send sends files to the sink and notes their paths.
func (b *builder) send(files output.Files) error {
	b.mu.Lock()
	b.res.Count += len(files)
	for p := range files {
		b.paths = append(b.paths, p)
	}
	b.mu.Unlock()
	if err := b.timed("write", func() error { return b.sink.Put(files) }); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

// record notes, for the next build's reuse, that the part built under key
// holds the files at paths, which were sent.
func (b *builder) record(part string, key output.Key, paths []string) {
	if b.store != nil {
		b.store.Record(part, key, paths)
	}
}

// memory is a sink keeping every file in memory.
type memory struct {
	mu    sync.Mutex
	files output.Files
}

func (m *memory) Put(files output.Files) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files.Merge(files)
	return nil
}

// both is a sink sending the files to two sinks.
type both [2]output.Sink

func (s both) Put(files output.Files) error {
	for _, sink := range s {
		if err := sink.Put(files); err != nil {
			return err
		}
	}
	return nil
}

// uniqueSorted sorts paths and drops the repeated ones.
func uniqueSorted(paths []string) []string {
	sort.Strings(paths)
	return slices.Compact(paths)
}

// renderBesideIndex runs render and index side by side, each timed as its
// stage, and returns render's files; an error names the stage that failed.
func (b *builder) renderBesideIndex(render func() (output.Files, error), index func() error) (output.Files, error) {
	var indexErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		indexErr = b.timed("index", index)
	}()
	var files output.Files
	err := b.timed("render", func() error {
		var err error
		files, err = render()
		return err
	})
	wg.Wait()
	if err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	if indexErr != nil {
		return nil, fmt.Errorf("index: %w", indexErr)
	}
	return files, nil
}
