package site

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"sync"

	"factsheet/site/bundle"
	"factsheet/site/factsheet"
	"factsheet/site/output"
	"factsheet/site/search"
	"factsheet/site/status"
	"factsheet/site/urls"
)

// prepareAssets renders (copies) the shared assets, minifies them and sends
// them to the sink; every factsheet's bundle reads them.
func (b *builder) prepareAssets() error {
	err := b.timed("render", func() error {
		var err error
		b.assets, err = b.r.Assets()
		return err
	})
	if err != nil {
		return fmt.Errorf("render: %w", err)
	}
	if err := b.minify(b.assets); err != nil {
		return err
	}
	return b.put(b.assets)
}

// factsheet runs one factsheet through its stages: render beside index,
// minify, bundle (single-file edition, offline zip, download sizes), and
// sends its files to the sink. It calls plan with the paths of its files as
// soon as they are known (before the bundle).
func (b *builder) factsheet(i int, plan func(paths []string)) error {
	doc := b.res.Docs[i]
	var key [sha256.Size]byte
	if b.cfg.Cache != nil {
		src, _ := fs.ReadFile(b.cfg.Content, status.FileName(doc.Meta.Slug)) // none: nil
		key = docKey(doc, src, b.deps)
	}
	if files, ok := b.cfg.Cache.files(doc, key); ok {
		b.parts[i] = search.NewPart(doc)
		plan(files.Paths())
		return b.put(files)
	}
	var index []byte
	files, err := b.renderBesideIndex(func() (output.Files, error) { return b.r.Factsheet(doc) }, func() error {
		var err error
		index, b.parts[i], err = search.Factsheet(doc)
		return err
	})
	if err != nil {
		return err
	}
	files[search.IndexFile(doc.Meta.Slug)] = index
	if err := b.minify(files); err != nil {
		return err
	}
	plan(append(files.Paths(), urls.Factsheet(doc.Meta.Slug).OfflineZip())) // what Offline adds
	// the bundle inlines and zips the assets
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
	return b.put(files)
}

// shared builds the site-wide files (root index, 404, report pages, the
// series' search index, sitemap) from the summaries and search parts of
// every factsheet, and sends them to the sink.
func (b *builder) shared() error {
	b.mu.Lock()
	built := uniqueSorted(append(append([]string(nil), b.paths...), b.plannedPaths...))
	b.mu.Unlock()
	var index []byte // the series index needs only the search parts: made beside the pages
	files, err := b.renderBesideIndex(func() (output.Files, error) { return b.r.Shared(built) }, func() error {
		var err error
		index, err = search.SeriesScript(b.parts)
		return err
	})
	if err != nil {
		return err
	}
	files[search.SeriesFile] = index
	paths := uniqueSorted(append(built, files.Paths()...))
	files.Merge(b.r.Sitemap(paths))
	if err := b.minify(files); err != nil {
		return err
	}
	return b.put(files)
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

// put sends files to the sink and notes their paths.
func (b *builder) put(files output.Files) error {
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
