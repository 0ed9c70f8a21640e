// Package defaults embeds the product's templates, assets and default content,
// so that the factsheet binary works on its own; each can be replaced by a
// folder on disk while editing.
package defaults

import (
	"embed"
	"io/fs"
)

//go:embed templates
var templates embed.FS

//go:embed assets
var assets embed.FS

//go:embed content
var content embed.FS

// Templates is the embedded templates/ folder.
var Templates = sub(templates, "templates")

// Assets is the embedded assets/ folder: stylesheets and scripts copied to public/assets/.
var Assets = sub(assets, "assets")

// Content is the embedded content/ folder: the default factsheets.
var Content = sub(content, "content")

func sub(fsys fs.FS, dir string) fs.FS {
	s, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // the directory is embedded above; this cannot happen
	}
	return s
}
