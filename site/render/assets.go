package render

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"

	"factsheet/site/output"
)

// joined are the assets written as one file made of several files of the
// assets folder, in order: assets/search.js is the search script, kept in
// assets/search/ as a few files with one job each.
var joined = map[string][]string{
	"search.js": {"search/intro.js", "search/stemmer.js", "search/index.js", "search/analysis.js", "search/query.js", "search/ui.js"},
}

// isPart tells whether p is a part of a joined asset.
func isPart(p string) bool {
	for _, parts := range joined {
		for _, part := range parts {
			if part == p {
				return true
			}
		}
	}
	return false
}

// copyAssets copies every file of the assets folder to assets/, joining the
// parts of the joined assets.
func copyAssets(files output.Files, assets fs.FS) error {
	if assets == nil {
		return fmt.Errorf("no assets folder given; pass the embedded assets or -assets DIR")
	}
	err := fs.WalkDir(assets, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || isPart(p) {
			return err
		}
		b, err := fs.ReadFile(assets, p)
		if err != nil {
			return err
		}
		files[path.Join("assets", p)] = b
		return nil
	})
	if err != nil {
		return err
	}
	for name := range joined {
		b, err := Asset(assets, name)
		if err != nil {
			return err
		}
		files[path.Join("assets", name)] = b
	}
	return nil
}

// Asset returns the asset name ("search.js") as the build writes it to
// public/assets/: joined from its parts, or the file itself.
func Asset(assets fs.FS, name string) ([]byte, error) {
	parts, ok := joined[name]
	if !ok {
		return fs.ReadFile(assets, name)
	}
	var b bytes.Buffer
	for _, part := range parts {
		p, err := fs.ReadFile(assets, part)
		if err != nil {
			return nil, fmt.Errorf("assets: %s is missing; %s is joined from %v", part, name, parts)
		}
		b.Write(p)
	}
	return b.Bytes(), nil
}
